// The operator console's build (`vite build --mode console`) → dist/console/: one page, served by the reference
// server at /console (server/http/console-files.ts) under a strict CSP. `CONSOLE_OUT_DIR` builds elsewhere.
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

export function consoleBuild(): UserConfig {
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: '/console/',
    publicDir: false,
    build: {
      outDir: process.env.CONSOLE_OUT_DIR ?? fileURLToPath(new URL('../dist/console', import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      // No inline script: the preload polyfill would be one, and the console's CSP allows none.
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 1000,
    },
  };
}
