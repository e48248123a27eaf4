import { readFileSync } from 'node:fs';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';

// One config, switched by mode (../shared/docs/toolchain.md, pitfall 5):
//   --mode widget    → dist/widget/: twikit-privacy.js (the loader a page includes), twikit-privacy-core.js
//                      (runtime, loaded at once) and a panel chunk (the Preact UI, loaded on first open)
//   --mode extension → dist/extension (MV3, Chromium, issue 4) · --mode firefox → dist/firefox (issue 4)
const version = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;
const define = { __WIDGET_VERSION__: JSON.stringify(version) };

/** The loader is a classic script (an IIFE), so a plain `<script src async>` tag works; built after the modules. */
function loaderBuild(): Plugin {
  return {
    name: 'twikit-widget-loader',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        define,
        build: {
          outDir: 'dist/widget',
          emptyOutDir: false,
          target: 'es2022',
          lib: { entry: 'widget/loader.ts', formats: ['iife'], name: 'TwikitPrivacyLoader', fileName: () => 'twikit-privacy.js' },
        },
      });
    },
  };
}

const widget: UserConfig = {
  define,
  plugins: [loaderBuild()],
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    // The size budget reads the static import graph from here (bench/size.ts).
    manifest: 'manifest.json',
    rolldownOptions: {
      input: { 'twikit-privacy-core': 'widget/runtime.ts' },
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'twikit-privacy-[name]-[hash].js',
        minify: process.env.WIDGET_NO_MINIFY !== "1",
      },
    },
  },
};

const BUILDS: Record<string, UserConfig> = { widget };

export default defineConfig(({ mode }) => {
  const config = BUILDS[mode];
  if (!config) throw new Error(`vite.config.ts: no build for mode "${mode}" yet (available: ${Object.keys(BUILDS).join(', ')}).`);
  return config;
});
