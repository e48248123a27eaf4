import { hidePollution } from './pollution.ts';
import type { PanelModule } from './runtime-types.ts';

// The panel is a chunk next to the runtime; what both use (signals, models, the API client) stays in the runtime.
let panelModule: Promise<PanelModule> | null = null;

/** The panel chunk, imported the first time it is asked for. */
export function loadPanel(): Promise<PanelModule> {
  hidePollution(); // every time: the page may have polluted Object.prototype since the last open
  panelModule ??= import('./panel.tsx');
  return panelModule;
}
