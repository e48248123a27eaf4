// The least the whole widget can weigh with this stack and its four languages, before any of our own code:
//   npx tsx bench/size-floor.ts
// 1. the libraries: Preact, its hooks and JSX runtime, @preact/signals, idb and zod/mini, bundled and minified
//    on their own with only the exports the widget's own modules import (found in a fresh widget build);
// 2. the UI text: each language's strings alone (no key names), gzipped on its own, as each ships.
// Issue 6's 30 KiB budget for the whole widget is measured the same way (gzip -9, file by file).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { de } from '../shared/i18n/messages/de.ts';
import { en } from '../shared/i18n/messages/en.ts';
import { fr } from '../shared/i18n/messages/fr.ts';
import { nl } from '../shared/i18n/messages/nl.ts';
import { packMessages } from '../shared/i18n/pack.ts';
import { BUDGET } from './size.ts';

const LIBRARIES = [
  'preact',
  'preact/hooks',
  'preact/jsx-runtime',
  '@preact/signals',
  '@preact/signals-core',
  'idb',
  'zod/mini',
];
const ENTRY = 'twikit-size-floor-libraries';
const gzipKiB = (text: string | Buffer) => gzipSync(text, { level: 9 }).length / 1024;

/** The project's own modules in the widget's build (shared/, widget/), by file path. */
async function widgetModules(outDir: string): Promise<string[]> {
  const seen = new Set<string>();
  const record: Plugin = {
    name: 'record-modules',
    moduleParsed(info) {
      if (!info.id.includes('node_modules') && /\.(ts|tsx)$/.test(info.id)) seen.add(info.id);
    },
  };
  process.env.WIDGET_OUT_DIR = outDir; // widget/vite-builds.ts reads it when the config loads (as in size.ts --modules)
  await build({ mode: 'widget', logLevel: 'warn', plugins: [record] }); // the project's config, plus the recorder
  return [...seen];
}

/** An entry that re-exports exactly what `files` import from the libraries (zod/mini: the `z.x(` calls made). */
export function librariesEntry(files: string[]): string {
  const named = new Map<string, Set<string>>();
  const bare = new Set<string>();
  const zod = new Set<string>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const [, names, from] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      if (!LIBRARIES.includes(from!)) continue;
      for (const part of names!.split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0]!;
        if (name && !name.startsWith('type ')) named.set(from!, (named.get(from!) ?? new Set()).add(name));
      }
    }
    for (const [, from] of code.matchAll(/^import\s*'([^']+)';/gm)) if (LIBRARIES.includes(from!)) bare.add(from!);
    if (code.includes("from 'zod/mini'")) for (const [, fn] of code.matchAll(/\bz\.([a-zA-Z]+)\(/g)) zod.add(fn!);
  }
  return [
    ...[...named].map(([from, names]) => `export { ${[...names].sort().join(', ')} } from '${from}';`),
    ...[...bare].map((from) => `import '${from}';`),
    // The JSX runtime the build compiles TSX to.
    "export { jsx, jsxs, Fragment } from 'preact/jsx-runtime';",
    "import * as z from 'zod/mini';",
    `export const zod = [${[...zod]
      .sort()
      .map((fn) => `z.${fn}`)
      .join(', ')}];`,
  ].join('\n');
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tp-size-floor-'));
  try {
    const files = await widgetModules(join(work, 'widget'));
    // The entry is a virtual module, so its imports resolve from this project's node_modules.
    const code = librariesEntry(files);
    const entry: Plugin = {
      name: 'floor-entry',
      resolveId: (id) => (id.endsWith(ENTRY) ? `\0${ENTRY}` : null),
      load: (id) => (id === `\0${ENTRY}` ? code : null),
    };
    await build({
      configFile: false,
      logLevel: 'warn',
      plugins: [entry],
      build: {
        outDir: join(work, 'out'),
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: { entry: ENTRY, formats: ['es'], fileName: () => 'libraries.js' },
      },
    });
    const libraries = gzipKiB(readFileSync(join(work, 'out', 'libraries.js')));
    const languages = { en: packMessages(en), nl: packMessages(nl), fr: packMessages(fr), de: packMessages(de) };
    const text = Object.entries(languages).map(
      ([locale, strings]) => [locale, gzipKiB(JSON.stringify(strings))] as const,
    );
    const textTotal = text.reduce((sum, [, kib]) => sum + kib, 0);
    const floor = libraries + textTotal;
    const f = (n: number) => n.toFixed(1);
    console.log(
      [
        '| part | gzip KiB |',
        '|---|---:|',
        `| libraries alone (${LIBRARIES.join(', ')}), only what ${files.length} widget modules import | ${f(libraries)} |`,
        ...text.map(
          ([locale, kib]) => `| ${locale} UI text alone (${Object.keys(en).length} strings, no keys) | ${f(kib)} |`,
        ),
        `| **floor before any of our own code** | **${f(floor)}** |`,
        `| issue 16 budget for the whole widget, one language | ${BUDGET.oneLanguageGzipKiB} |`,
      ].join('\n'),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
