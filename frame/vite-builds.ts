// The sign-in frame's build (frame/index.html → <widget out dir>/frame/), run by the widget's build after the
// widget itself (widget/vite-builds.ts), so one `npm run build` ships both, and `vite build --mode frame` alone.
// It is served by the reference server at /frame/ from the rights API's origin (server/http/frame-files.ts), and
// is not part of the widget's byte budget: the host page never loads it, the iframe does.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

export function frameBuild(widgetOutDir = process.env.WIDGET_OUT_DIR ?? 'dist/widget'): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: '/frame/',
    publicDir: false,
    // The shipped JSX transform under vitest too (NODE_ENV test), as the widget's build does.
    oxc: { jsx: { development: false } },
    build: {
      outDir: resolve(widgetOutDir, 'frame'),
      emptyOutDir: true,
      target: 'es2022',
      // No inline script: the preload polyfill would be one, and the frame's CSP allows none.
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 1000,
    },
  };
}
