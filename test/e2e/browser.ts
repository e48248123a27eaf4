import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM } from '../browsers/browsers.ts';
import { findBrowser } from '../browsers/find.ts';
import { thisMachine } from '../browsers/machine.ts';

/** Chromium flags that work on this network-less machine (no sandbox, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary: `CHROME_PATH`, else the first usual path (`test/browsers/`). Never a downloaded browser. */
export function chromiumPath(): string {
  const found = findBrowser(CHROMIUM, process.env, thisMachine());
  return found.kind === 'found' ? found.path : (process.env.CHROME_PATH ?? CHROMIUM.paths[0]!);
}

/** Launches headless system Chromium with the flags above. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: run \`npx tsx test/browsers/run.ts\` (it installs Debian's package or names the command) or set CHROME_PATH (never \`playwright install\`).`,
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** One Content-Security-Policy (or Trusted Types) violation, as the page's `securitypolicyviolation` event saw it. */
export interface CspViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
}

/** What `watchPage` collected. Arrays fill as events arrive; the async readers also ask the page. */
export interface PageWatch {
  /** `console.error` calls and browser log errors, except the CSP / Trusted Types ones (those are in `cspConsole`). */
  consoleErrors: string[];
  /** Uncaught exceptions (`pageerror`). */
  pageErrors: string[];
  /** Console messages of any level mentioning "Content Security Policy" or "Trusted Type". */
  cspConsole: string[];
  /** `securitypolicyviolation` events from every document and frame of the page, including earlier documents. */
  cspViolations(): Promise<CspViolation[]>;
  /** Reasons of unhandled promise rejections, including earlier documents. */
  unhandledRejections(): Promise<string[]>;
  /** Everything above as one list of lines (empty = a clean page); `ignore` drops lines that match. */
  problems(options?: { ignore?: RegExp[] }): Promise<string[]>;
}

interface Recorded<T> {
  key: string;
  value: T;
}

const CSP_TEXT = /Content Security Policy|Trusted ?(Type|Script|HTML)/i;
const BINDING = '__twikitWatchReport';

/**
 * The in-page half of `watchPage`, as plain source (a TS function would pick up transpiler helpers such as tsx's
 * `__name`, which do not exist in the page). Every document and frame records into `window.__cspViolations` /
 * `window.__unhandledRejections` and forwards each record, keyed, to the CDP binding.
 */
const watchScript = (binding: string): string => `(() => {
  if (window.__cspViolations) return;
  const doc = Math.random().toString(36).slice(2);
  let seq = 0;
  window.__cspViolations = [];
  window.__unhandledRejections = [];
  function report(kind, value) {
    const key = doc + ':' + seq++;
    const send = window[${JSON.stringify(binding)}];
    if (typeof send === 'function') {
      try { Promise.resolve(send(kind, key, value)).catch(() => undefined); } catch {}
    }
    return key;
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    const value = { violatedDirective: event.violatedDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile };
    window.__cspViolations.push(Object.assign({ key: report('csp', value) }, value));
  }, true);
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    const value = reason instanceof Error ? reason.name + ': ' + reason.message : String(reason);
    window.__unhandledRejections.push({ key: report('rejection', value), value });
  });
})();`;

/**
 * Collects console errors, uncaught exceptions, unhandled rejections and CSP violations of `page`.
 * Call before the first navigation: the in-page listeners are installed with `page.addInitScript`.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspConsole: string[] = [];
  // Reports from earlier documents survive navigation here (they come through a CDP binding, which CSP does not govern).
  const reported = new Map<string, Recorded<unknown> & { kind: string }>();

  page.on('console', (message) => {
    const text = message.text();
    const where = message.location()?.url ? ` (${message.location().url})` : '';
    if (CSP_TEXT.test(text)) cspConsole.push(`${message.type()}: ${text}${where}`);
    else if (message.type() === 'error') consoleErrors.push(`${text}${where}`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? String(error)));

  await page.exposeBinding(BINDING, (_source, kind: string, key: string, value: unknown) => {
    reported.set(key, { kind, key, value });
  });
  await page.addInitScript({ content: watchScript(BINDING) });

  /** Reads the in-page arrays of every live frame and merges them with what the binding already delivered. */
  async function collect<T>(kind: 'csp' | 'rejection'): Promise<T[]> {
    const merged = new Map<string, T>();
    for (const r of reported.values()) if (r.kind === kind) merged.set(r.key, r.value as T);
    for (const frame of page.frames()) {
      const rows = await frame
        .evaluate((k) => {
          const w = window as unknown as Record<string, unknown>;
          return ((k === 'csp' ? w.__cspViolations : w.__unhandledRejections) ?? []) as Array<
            { key: string; value?: unknown } & Record<string, unknown>
          >;
        }, kind)
        .catch(() => []);
      for (const row of rows) {
        if (kind === 'csp')
          merged.set(row.key, {
            violatedDirective: row.violatedDirective,
            blockedURI: row.blockedURI,
            sourceFile: row.sourceFile,
          } as T);
        else merged.set(row.key, row.value as T);
      }
    }
    return [...merged.values()];
  }

  const watch: PageWatch = {
    consoleErrors,
    pageErrors,
    cspConsole,
    cspViolations: () => collect<CspViolation>('csp'),
    unhandledRejections: () => collect<string>('rejection'),
    async problems(options = {}) {
      const lines = [
        ...consoleErrors.map((t) => `console: ${t}`),
        ...pageErrors.map((t) => `pageerror: ${t}`),
        ...(await watch.unhandledRejections()).map((t) => `unhandled rejection: ${t}`),
        ...(await watch.cspViolations()).map(
          (v) => `csp: ${v.violatedDirective} blocked ${v.blockedURI || '(inline)'} in ${v.sourceFile || '(page)'}`,
        ),
        ...cspConsole.map((t) => `csp console: ${t}`),
      ];
      return lines.filter((line) => !(options.ignore ?? []).some((re) => re.test(line)));
    },
  };
  return watch;
}

/** One axe violation, compacted: which rule, how bad, and the elements (shadow-DOM paths joined with ` >>> `). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface AxeOptions {
  /** WCAG tags to run (default: 2.0/2.1 A and AA, 2.2 AA). */
  tags?: string[];
  /** Rule ids to switch off, e.g. while a known issue is being fixed. */
  disableRules?: string[];
  /** A CSS selector to scan instead of the whole document. */
  include?: string;
  /**
   * Whether axe goes into iframes (default true). A cross-origin frame without axe never answers, so pass false
   * and scan that frame on its own (`runAxe(frame)`), as the sign-in frame's tests do.
   */
  iframes?: boolean;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource: string | undefined;

/**
 * Runs axe-core in the page (open shadow roots included) and returns its violations.
 * The source is evaluated over CDP (`page.evaluate`), which the page's CSP does not govern, so this works under a
 * strict policy without `unsafe-inline`/`unsafe-eval` — and leaves no violation behind for `watchPage` to see.
 */
export async function runAxe(page: Page | Frame, options: AxeOptions = {}): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const config = {
    tags: options.tags ?? AXE_TAGS,
    disableRules: options.disableRules ?? [],
    include: options.include ?? null,
    iframes: options.iframes ?? true,
  };
  // Plain source, like the watch script: no transpiler helpers in the page.
  return page.evaluate<AxeViolation[]>(`(async (config) => {
    const rules = Object.fromEntries(config.disableRules.map((id) => [id, { enabled: false }]));
    const result = await window.axe.run(config.include ?? document, { runOnly: { type: 'tag', values: config.tags }, rules, resultTypes: ['violations'], iframes: config.iframes });
    function flat(target) { return Array.isArray(target) ? target.map(flat).join(' >>> ') : String(target); }
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => flat(n.target)) }));
  })(${JSON.stringify(config)})`);
}

/** Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (throws, naming `message` and the last result). */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  options: { timeout?: number; interval?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const timeout = options.timeout ?? 5_000;
  const interval = options.interval ?? 50;
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`${options.message ?? 'condition not met'} (after ${timeout} ms; last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Takes the page's browser context offline (or back online): fetches fail, as with a lost connection. Applies to every page of that context. */
export async function emulateOffline(page: Page, offline: boolean): Promise<void> {
  await page.context().setOffline(offline);
}
