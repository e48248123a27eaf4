// A build plugin of the widget (vite-builds.ts). The first-load core imports the decisions API late, with a lazy
// import() inside shared/ (base-core.ts). In the widget that module is already in the panel chunk, and a chunk of
// its own would split zod and the contract off the panel: one more file, ≈ 0.9 KiB gzip more in all (bench/size.ts).
// So here the lazy import resolves to the panel, which re-exports the decisions API: a decision made before the
// panel opened loads the panel chunk, as opening it would. Other builds (the extension, tests) import the module itself.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const PANEL = fileURLToPath(new URL('./panel.tsx', import.meta.url));

export function decisionsWithPanel(): Plugin {
  return {
    name: 'twikit-widget-decisions-with-panel',
    enforce: 'pre',
    resolveId(source, importer, options) {
      const dynamic = (options as { kind?: string }).kind === 'dynamic-import';
      if (
        dynamic &&
        source === './api/decisions-api.ts' &&
        importer?.replaceAll('\\', '/').endsWith('/shared/base-core.ts')
      )
        return PANEL;
      return null;
    },
  };
}
