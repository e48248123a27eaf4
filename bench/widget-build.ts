// Builds the widget as shipped (`vite build --mode widget` → dist/widget/), then copies the build to a folder
// of the bench's own: other work on this machine rebuilds dist/widget/ (the e2e suite does on every run), and
// a run must measure one build from start to end.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { measureWidget } from './size.ts';

export interface WidgetSnapshot {
  dir: string;
  dispose(): void;
}

/** Builds the widget and returns a private copy of it (checked complete by `measureWidget`). */
export async function buildWidgetSnapshot(): Promise<WidgetSnapshot> {
  await build({ mode: 'widget', logLevel: 'warn' });
  const dir = mkdtempSync(join(tmpdir(), 'tpc-bench-widget-'));
  cpSync('dist/widget', dir, { recursive: true });
  measureWidget(dir);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
