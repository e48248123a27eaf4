// Measures the widget as a host page pays for it: min / gzip / brotli of what loads first (the loader, the
// runtime and its static imports) and of everything (plus the panel, loaded on first open).
// `npx tsx bench/size.ts [dist/widget]` prints a table; `measureWidget` is used by the budget test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Size {
  min: number;
  gzip: number;
  brotli: number;
}

export interface WidgetSize {
  firstLoad: Size;
  whole: Size;
  files: Array<{ file: string; firstLoad: boolean } & Size>;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Budgets (KiB, gzip): issue 3 and issue 6. */
export const BUDGET = { firstLoadGzipKiB: 15, wholeGzipKiB: 30 };

const sizeOf = (bytes: Buffer): Size => ({
  min: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const sum = (sizes: Size[]): Size => sizes.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { min: 0, gzip: 0, brotli: 0 });

/** Sizes of a built widget folder (`vite build --mode widget`). */
export function measureWidget(dir = 'dist/widget'): WidgetSize {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error(`no entry in ${dir}/manifest.json`);
  const first = new Set<string>(['twikit-privacy.js']);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || first.has(chunk.file)) return;
    first.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry[0]);
  const all = new Set<string>(['twikit-privacy.js', ...Object.values(manifest).map((c) => c.file)]);
  const files = [...all].sort().map((file) => ({ file, firstLoad: first.has(file), ...sizeOf(readFileSync(join(dir, file))) }));
  return { firstLoad: sum(files.filter((f) => f.firstLoad)), whole: sum(files), files };
}

const kib = (n: number) => (n / 1024).toFixed(1);

/** A markdown table of the sizes. */
export function formatSizes(size: WidgetSize): string {
  const row = (name: string, s: Size) => `| ${name} | ${kib(s.min)} | ${kib(s.gzip)} | ${kib(s.brotli)} |`;
  return [
    '| file | min KiB | gzip KiB | brotli KiB |',
    '|---|---:|---:|---:|',
    ...size.files.map((f) => row(`${f.file}${f.firstLoad ? ' (first load)' : ''}`, f)),
    row(`**first load** (budget ${BUDGET.firstLoadGzipKiB} gzip)`, size.firstLoad),
    row(`**whole widget** (budget ${BUDGET.wholeGzipKiB} gzip)`, size.whole),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = measureWidget(process.argv[2]);
  console.log(formatSizes(size));
  const over = size.firstLoad.gzip > BUDGET.firstLoadGzipKiB * 1024 || size.whole.gzip > BUDGET.wholeGzipKiB * 1024;
  process.exit(over ? 1 : 0);
}
