// The extension's builds: `vite build --mode extension` → dist/extension (Chromium) and `--mode firefox` →
// dist/firefox, both from the top-level manifest.json through @crxjs/vite-plugin. `EXTENSION_OUT_DIR`
// builds elsewhere (the tests build one against their own server).
import { readFileSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import type { UserConfig } from 'vite';
import { apiBasesFromEnv } from './api-bases.ts';
import { buildManifest, type Browser, type ManifestJson } from './manifest.ts';

export function extensionBuild(browser: Browser): UserConfig {
  const base = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as ManifestJson;
  const apiBases = apiBasesFromEnv(process.env);
  const manifest = buildManifest(base, { browser, apiBases });
  return {
    define: { __TWIKIT_API_BASES__: JSON.stringify(apiBases) },
    publicDir: 'extension/public',
    // The cast: crxjs types the manifest's literal unions, which a JSON file loses (toolchain pitfall 6).
    plugins: [crx({ manifest: manifest as unknown as Parameters<typeof crx>[0]['manifest'], browser })],
    build: {
      outDir: process.env.EXTENSION_OUT_DIR ?? (browser === 'firefox' ? 'dist/firefox' : 'dist/extension'),
      emptyOutDir: true,
      target: 'es2022',
      // Preload helpers inject <link> tags at run time: not needed in an extension, where every file is local.
      modulePreload: false,
      chunkSizeWarningLimit: 1000,
    },
  };
}
