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
  files: Array<{ file: string; firstLoad: boolean } & Size>;
}

/** Budgets (KiB, gzip): issue 3 (first load; aim 12) and issue 6 (the whole widget with its four languages). */
export const BUDGET = { firstLoadGzipKiB: 15, wholeGzipKiB: 30 };

/**
 * Issue 6's 30 KiB cannot be met: the stack's libraries, bundled alone with only what the widget imports
 * (19.8 KiB), and the four languages' text alone (14.6 KiB) weigh 34.4 KiB before any of our own code
 * (`npx tsx bench/size-floor.ts`; bench/README.md, "Where we are not ahead"). Until the budget is set again, the
 * whole widget is held to this ceiling, just above today's size, so it cannot grow back. Lower it as it shrinks.
 * Raised twice: 57 → 59 for issue 5's features (the offline outbox, tab sync, the storage notice, hostile-page
 * hardening: 56.0 → 58.6 KiB); 59 → 60.5 for the first layer's speed (the loader preloading the panel, its
 * language and the notice on a first visit; month names written out instead of Intl: 58.9 → 60.1 KiB, for
 * ≈ 20 % less time to the first layer at CPU 1× and 4×); 60.5 → 61 for issue 18 (the client follows the keyset
 * pages of history, requests and exports, a decision refused by a rate limit says so in four languages, and a
 * read overtaken by a decision or a filing is not stored as is: 60.1 → 60.7 KiB); 61 → 62.5 for issue 12 (one outbox command
 * and one cached resource for both models, calls built from the contract's routes, teardown on one AbortSignal, the
 * runtime split by job, the registries: 60.7 → 62.0 KiB, of which dropping `idb` for plain IndexedDB would have
 * saved 0.9 — `idb` is the design card's IndexedDB layer, so it stays); 62.5 → 63 for issue 13's guards (the GPC
 * exception asked and confirmed, the under-13 path of the body-scan step, `endVisit()`, their text in four
 * languages: 62.0 → 62.8 KiB); 63 → 63.5 for issue 13's receipts (the decisions list with a JSON and a printable
 * receipt per decision: 62.8 → 63.3 KiB with both); 63.5 → 64.5 for issue 14's person's view (each request lists the
 * systems it reached and what each did, erased and kept per system, in four languages, and the contract's
 * `SystemProgress` in the request status: +1.0 KiB); +0.3 KiB for issue 13's purposes from the notice (the notice's
 * purposes carry their rules, recipients and retention, checked by the contract; the first load unchanged at 13.6);
 * +1.5 KiB for issue 13's re-consent (R12: the first layer's "What changed" table, old and new text of each expired
 * purpose fetched by version, its text in four languages); +4.0 KiB for issue 17's
 * experience (the notice table also as cards, the first layer's sticky choices named for their purpose and closing
 * the dialog with a status outside it, requests that explain themselves, the loader's attribute checks and launcher
 * placement, the ALLOWED_ORIGINS warning, their text in four languages): 70.2 KiB, ceiling 70.5. Issue 17's sign-in frame
 * (R68) added the widget's side of it (the iframe, its message channel and schema: +0.4 KiB) and was paid for by
 * shipping the files without their `@__PURE__` marks (−0.7 KiB): 70.2 KiB. The frame itself (dist/widget/frame/) is
 * not the widget's: the host page never loads it, so it is not counted here. Issue 16 replaces this
 * ceiling with per-language budgets (one language ≤ 40 KiB); until then any other growth must pay for itself.
 */
export const WHOLE_CEILING_GZIP_KIB = 70.5;

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
  return { firstLoad: sum(files.filter((f) => f.firstLoad)), whole: sum(files), files };
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
    row(
      `**whole widget** (budget ${BUDGET.wholeGzipKiB} gzip, not met; ceiling ${WHOLE_CEILING_GZIP_KIB})`,
      size.whole,
    ),
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
      size.firstLoad.gzip > BUDGET.firstLoadGzipKiB * 1024 || size.whole.gzip > WHOLE_CEILING_GZIP_KIB * 1024;
    process.exit(over ? 1 : 0);
  }
}
