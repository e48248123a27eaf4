// The widget's builds (`vite build --mode widget`), into dist/widget/, one command:
//   twikit-privacy.js             the loader a page includes: a classic script (IIFE), tiny
//   twikit-privacy-core.js        the runtime: identity, consent state, JS API; loaded at once, no static imports
//   twikit-privacy-panel-<h>.js   the Preact UI and zod, loaded on first open. It imports everything the core
//                                 already has (signals, the API client, models, the cache) from the core file, so
//                                 each byte ships once and both share one reactive graph
//   twikit-privacy-<code>-<h>.js  a language of shared/registry/locales.ts (all but the fallback, English), loaded with the panel when the person's language is not English
//   twikit-privacy.d.ts           the JS API types for host pages written in TypeScript
//   frame/                        the sign-in frame, served from the API's origin at /frame/ (frame/vite-builds.ts);
//                                 not loaded by the host page, so outside the widget's budgets
// Sizes: `npm run size`; what is in each file: `npx tsx bench/size.ts --modules`; budgets: test/e2e/widget-size.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { build, type InlineConfig, type Plugin, type UserConfig } from 'vite';
import type { Messages } from '../shared/i18n/translate.ts';
import { packMessages } from '../shared/i18n/pack.ts';
import { decisionsWithPanel } from './decisions-with-panel.ts';
import { LOCALE_REGISTRY, type LocaleEntry } from '../shared/registry/locales.ts';
import { minifyCss } from './minify-css.ts';
import { renderWidgetTypes } from './types-file.ts';
import { embedChoices } from './embed-choices.ts';
import { writeIntegrity } from './integrity.ts';
import { frameBuild } from '../frame/vite-builds.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
// The locale registry's codes, written into the loader and the runtime so that the first-load files pick a
// language without carrying the registry (its date words and loaders belong to the panel).
const define = {
  __WIDGET_VERSION__: JSON.stringify(version),
  __WIDGET_LOCALES__: JSON.stringify(LOCALE_REGISTRY.map((l) => l.code)),
};
const minify = process.env.WIDGET_NO_MINIFY !== '1';
/** Comments kept in the shipped files: licences only (the unminified investigation build keeps them all). */
const shippedComments = minify ? { legal: true, annotation: false, jsdoc: false } : true;
// WIDGET_OUT_DIR: build elsewhere (size investigations) without touching the dist/widget the tests serve.
const outDir = process.env.WIDGET_OUT_DIR ?? 'dist/widget';

/** The languages that load on demand: every registry entry with a catalogue loader (all but the fallback). */
export const lazyLocales = (): Array<LocaleEntry & { load: NonNullable<LocaleEntry['load']> }> =>
  (LOCALE_REGISTRY as readonly LocaleEntry[]).flatMap((l) => (l.load ? [{ ...l, load: l.load }] : []));

/**
 * The on-demand catalogues ship packed: their strings as an array in the order of the English keys
 * (shared/i18n/pack.ts), so the key names are not repeated in every language file.
 */
function packedLanguages(): Plugin {
  const modules = new Map<string, string>();
  return {
    name: 'twikit-widget-packed-languages',
    enforce: 'pre',
    async buildStart() {
      for (const { code, load } of lazyLocales()) {
        const packed = packMessages((await load()) as Messages);
        modules.set(`shared/i18n/messages/${code}.ts`, `export const ${code} = ${JSON.stringify(packed)};`);
      }
    },
    load(id) {
      const path = id.replaceAll('\\', '/');
      for (const [suffix, code] of modules) if (path.endsWith(`/${suffix}`)) return code;
      return null;
    },
  };
}

/**
 * Minifies the CSS of `css` tagged templates (shared/ui/css.ts) at build time; the source stays readable. Also
 * under WIDGET_NO_MINIFY, so that build shows each module at its shipped weight (bench/size.ts --modules).
 */
function cssTemplates(): Plugin {
  return {
    name: 'twikit-widget-css',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || !code.includes('css`')) return null;
      // The tag goes too: the template becomes a plain string literal. A `$` is allowed unless it starts a `${`
      // (the launcher's `[data-corner$="right"]` kept its whole stylesheet out of this, comments and all).
      return code.replace(/\bcss`(\n(?:[^`$\\]|\$(?!\{))*)`/g, (_, text: string) => JSON.stringify(minifyCss(text)));
    },
  };
}

/** The loader; `chunks` are the panel's and the languages' file names, which it preloads on a first visit. */
const loaderBuild = (chunks: Record<string, string>): InlineConfig => ({
  configFile: false,
  logLevel: 'warn',
  define: { ...define, __WIDGET_CHUNKS__: JSON.stringify(chunks), __WIDGET_CHOICES__: JSON.stringify(embedChoices()) },
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    minify,
    lib: {
      entry: 'widget/loader.ts',
      formats: ['iife'],
      name: 'TwikitPrivacyLoader',
      fileName: () => 'twikit-privacy.js',
    },
    rolldownOptions: { output: { comments: shippedComments } },
  },
});

/** The chunks the loader may preload, by name: the panel and each on-demand language (names carry a content hash). */
export const preloadable = (): string[] => ['panel', ...lazyLocales().map((l) => l.code)];

/** After the core and its chunks: the loader, and the JS API types for host pages, into the same folder. */
function moreBuilds(): Plugin {
  const chunks: Record<string, string> = {};
  return {
    name: 'twikit-widget-more-builds',
    apply: 'build',
    writeBundle(_, bundle) {
      const wanted = preloadable();
      for (const file of Object.values(bundle))
        if (file.type === 'chunk' && wanted.includes(file.name)) chunks[file.name] = file.fileName;
    },
    async closeBundle() {
      const missing = preloadable().filter((name) => !chunks[name]);
      if (missing.length)
        throw new Error(`widget build: no chunk named ${missing.join(', ')} for the loader to preload`);
      await build(loaderBuild(chunks));
      await build(frameBuild(outDir));
      writeFileSync(`${outDir}/twikit-privacy.d.ts`, renderWidgetTypes());
      writeIntegrity(outDir, version);
    },
  };
}

// A library build, so Vite adds no module-preload helper to the dynamic imports (the panel and the languages
// need none). Modules the core and the panel both use stay in the core file, which exports them to the panel
// (`allow-extension`); the core itself imports nothing statically (checked by bench/size.ts).
export const widgetBuild: UserConfig = {
  define,
  // The shipped JSX transform even when NODE_ENV is not production (the e2e setup builds under vitest, NODE_ENV
  // test): otherwise the panel would carry jsxDEV calls with this machine's file paths, and tests would see
  // another widget than the one shipped.
  oxc: { jsx: { development: false } },
  plugins: [packedLanguages(), cssTemplates(), decisionsWithPanel(), moreBuilds()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    minify,
    lib: { entry: 'widget/runtime.ts', formats: ['es'], fileName: () => 'twikit-privacy-core.js' },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      // The `@__PURE__` marks (the contract's zod schemas carry hundreds) are for this build's tree-shaking; nothing
      // bundles the shipped files again, so they go (≈ 0.6 KiB gzip of the panel). Licence comments stay.
      output: { chunkFileNames: 'twikit-privacy-[name]-[hash].js', minify, comments: shippedComments },
    },
  },
};
