// The widget's builds (`vite build --mode widget`), into dist/widget/, one command:
//   twikit-privacy.js        the loader a page includes: a classic script (IIFE), tiny
//   twikit-privacy-core.js   the runtime: identity, consent state, JS API; loaded at once, self-contained
//   twikit-privacy-panel.js  the Preact UI, loaded on first open; it imports signals from the core file so
//                            both share one reactive graph, and carries its own copy of the larger schemas
//   twikit-privacy.d.ts      the JS API types for host pages written in TypeScript
import { readFileSync, writeFileSync } from 'node:fs';
import { build, type InlineConfig, type Plugin, type UserConfig } from 'vite';
import { renderWidgetTypes } from './types-file.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const define = { __WIDGET_VERSION__: JSON.stringify(version) };
const minify = process.env.WIDGET_NO_MINIFY !== '1';
const outDir = 'dist/widget';

const panelBuild: InlineConfig = {
  configFile: false,
  logLevel: 'warn',
  define,
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    modulePreload: false,
    manifest: 'panel-manifest.json',
    rolldownOptions: {
      input: { 'twikit-privacy-panel': 'widget/panel.tsx' },
      preserveEntrySignatures: 'exports-only',
      external: ['@preact/signals-core'],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'twikit-privacy-[name]-[hash].js',
        paths: { '@preact/signals-core': './twikit-privacy-core.js' },
        minify,
      },
    },
  },
};

const loaderBuild: InlineConfig = {
  configFile: false,
  logLevel: 'warn',
  define,
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    minify,
    lib: { entry: 'widget/loader.ts', formats: ['iife'], name: 'TwikitPrivacyLoader', fileName: () => 'twikit-privacy.js' },
  },
};

/** After the core: the panel, the loader, and the JS API types for host pages, into the same folder. */
function moreBuilds(): Plugin {
  return {
    name: 'twikit-widget-more-builds',
    apply: 'build',
    async closeBundle() {
      await build(panelBuild);
      await build(loaderBuild);
      writeFileSync(`${outDir}/twikit-privacy.d.ts`, renderWidgetTypes());
    },
  };
}

export const widgetBuild: UserConfig = {
  define,
  plugins: [moreBuilds()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rolldownOptions: {
      input: { 'twikit-privacy-core': 'widget/runtime.ts' },
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: '[name].js', minify, codeSplitting: false },
    },
  },
};

