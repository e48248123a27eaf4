// Measures the widget as a host page pays for it: min / gzip / brotli of what loads first (the loader and the
// runtime) and of everything (plus the panel and the language files, loaded on first open), each file
// compressed on its own as a server sends it. `measureWidget` is used by the budget test.
//   npx tsx bench/size.ts [dist/widget]   the table (exits 1 over a budget)
//   npx tsx bench/size.ts --modules       what is in each file: a fresh unminified build, per module
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  /** The whole widget as one person's browser can fetch it: every file but the other languages' (English has none). */
  perLanguage: Array<{ locale: string } & Size>;
  files: Array<{ file: string; firstLoad: boolean } & Size>;
}

/**
 * Budgets (KiB, gzip): issue 3 (first load; aim 12) and issue 16 (the whole widget for one language: what one
 * person's browser can ever fetch, not four languages no visitor downloads together).
 */
export const BUDGET = { firstLoadGzipKiB: 15, oneLanguageGzipKiB: 40 };

/**
 * Issue 16's 40 KiB for one language is not met yet (bench/README.md says by how much and where the bytes are).
 * Until it is, `npm test` holds each language to this ceiling, just above today's heaviest (German: the panel
 * carries English, the fallback, beside it), so it cannot grow back; lower it as the widget shrinks. It replaces
 * the ceiling of 70.5 KiB on all four languages together (issue 6's 30 KiB budget, retired by issue 16), whose
 * history is in git (bench/size.ts before issue 16). Issue 17's sign-in frame (R68) is not counted: the host page never
 * loads dist/widget/frame/; its widget side (+0.4 KiB) was paid for by shipping files without `@__PURE__` marks.
 */
export const ONE_LANGUAGE_CEILING_GZIP_KIB = 61.5;

const sizeOf = (bytes: Buffer): Size => ({
  min: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const sum = (sizes: Size[]): Size =>
  sizes.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    min: 0,
    gzip: 0,
    brotli: 0,
  });

// What a page loads before anyone opens the controls: the loader and the runtime it imports at once.
// The runtime imports nothing statically (widget/vite-builds.ts); everything else loads on first open.
const FIRST_LOAD = new Set(['twikit-privacy.js', 'twikit-privacy-core.js']);
/** A language loaded on demand (widget/vite-builds.ts): `twikit-privacy-<code>-<hash>.js`; English ships in the panel. */
const LANGUAGE_FILE = /^twikit-privacy-([a-z]{2})-[\w-]{8}\.js$/;

/** The heaviest language's whole widget. */
export const heaviestLanguage = (size: WidgetSize) => size.perLanguage.reduce((a, b) => (b.gzip > a.gzip ? b : a));

/**
 * Sizes of a built widget folder (`vite build --mode widget`): every .js file in it counts, not its `frame/` folder
 * (the sign-in frame, loaded by its iframe from the API's origin, never by the host page).
 */
export function measureWidget(dir = 'dist/widget'): WidgetSize {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  for (const name of FIRST_LOAD)
    if (!names.includes(name)) throw new Error(`${dir}/${name} is missing: build the widget first`);
  const core = readFileSync(join(dir, 'twikit-privacy-core.js'), 'utf8');
  // If the runtime ever imports another file statically, that file is first-load too and must be counted.
  if (/\bimport\s*[{*\w][^;]*?from\s*["']|^import\s*["']/m.test(core))
    throw new Error('twikit-privacy-core.js has static imports; count them as first load');
  const files = names.map((file) => ({
    file,
    firstLoad: FIRST_LOAD.has(file),
    ...sizeOf(readFileSync(join(dir, file))),
  }));
  const languageOf = (file: string) => LANGUAGE_FILE.exec(file)?.[1];
  const locales = ['en', ...files.flatMap((f) => languageOf(f.file) ?? [])];
  const perLanguage = locales.map((locale) => ({
    locale,
    ...sum(files.filter((f) => (languageOf(f.file) ?? locale) === locale)),
  }));
  return { firstLoad: sum(files.filter((f) => f.firstLoad)), whole: sum(files), perLanguage, files };
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
    ...size.perLanguage.map((l) =>
      row(
        `**whole widget, ${l.locale} only** (budget ${BUDGET.oneLanguageGzipKiB} gzip${l.gzip > BUDGET.oneLanguageGzipKiB * 1024 ? ', not met' : ''}; ceiling ${ONE_LANGUAGE_CEILING_GZIP_KIB})`,
        l,
      ),
    ),
    row('whole widget, all four languages (no budget: no one fetches them together)', size.whole),
  ].join('\n');
}

/**
 * Where each file's bytes come from, estimated: an unminified build keeps a `// path` line before each module;
 * each module is minified and gzipped on its own, then scaled so a file's modules add up to its real gzip size.
 */
export function moduleBreakdown(unminifiedDir: string, real: WidgetSize): string {
  const { minifySync } = requireVite();
  const lines: string[] = ['| file | module | est. gzip KiB |', '|---|---|---:|'];
  for (const { file, gzip } of real.files) {
    const stem = file.replace(/-[\w-]{8}\.js$/, '');
    const twin = readdirSync(unminifiedDir).find(
      (f) => f === file || (f.endsWith('.js') && f.replace(/-[\w-]{8}\.js$/, '') === stem),
    );
    if (!twin) continue;
    const modules = new Map<string, string>();
    let current = '(bundle)';
    for (const line of readFileSync(join(unminifiedDir, twin), 'utf8').split('\n')) {
      const start = /^\/\/ ((?:node_modules|shared|widget)\/\S+|\\0\S+)$/.exec(line);
      if (start) current = start[1]!.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, '$1 (npm)');
      else modules.set(current, `${modules.get(current) ?? ''}${line}\n`);
    }
    const alone = [...modules].map(([name, code]) => {
      const min = minifySync('m.js', code, { compress: false, mangle: { toplevel: true } }).code;
      return [name, gzipSync(min, { level: 9 }).length] as const;
    });
    const total = alone.reduce((a, [, n]) => a + n, 0);
    for (const [name, n] of alone.sort((a, b) => b[1] - a[1]))
      if (n * gzip >= 40 * total) lines.push(`| ${file} | ${name} | ${kib((n * gzip) / total)} |`);
  }
  return lines.join('\n');
}

// vite is loaded only for --modules (the budget test needs none of it).
let vite: typeof import('vite') | null = null;
const requireVite = () => vite!;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--modules')) {
    vite = await import('vite');
    const dirs = [mkdtempSync(join(tmpdir(), 'tp-widget-min-')), mkdtempSync(join(tmpdir(), 'tp-widget-src-'))];
    try {
      for (const [dir, unminified] of [
        [dirs[0]!, false],
        [dirs[1]!, true],
      ] as const) {
        process.env.WIDGET_OUT_DIR = dir; // widget/vite-builds.ts reads these when the config loads
        process.env.WIDGET_NO_MINIFY = unminified ? '1' : '0';
        await vite.build({ mode: 'widget', logLevel: 'warn' });
      }
      const real = measureWidget(dirs[0]);
      console.log(`${formatSizes(real)}\n\n${moduleBreakdown(dirs[1]!, real)}`);
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const size = measureWidget(process.argv[2]);
    console.log(formatSizes(size));
    const over =
      size.firstLoad.gzip > BUDGET.firstLoadGzipKiB * 1024 ||
      heaviestLanguage(size).gzip > ONE_LANGUAGE_CEILING_GZIP_KIB * 1024;
    process.exit(over ? 1 : 0);
  }
}
