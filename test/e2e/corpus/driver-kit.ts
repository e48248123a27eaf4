// What every corpus driver needs: a page of the real widget with its API routed to the corpus, the widget's
// IndexedDB cache read and written from the test, and the per-answer verdict.
import { isDeepStrictEqual } from 'node:util';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { waitFor, watchPage, type PageWatch } from '../browser.ts';
import type { BadResponse } from './bad-responses.ts';
import { inspect, isErrorKey, messageKey, type Inspection } from './inspect.ts';
import { routeCorpus, type CorpusRoute } from './route-corpus.ts';

export interface Driven {
  page: Page;
  route: CorpusRoute;
  watch: PageWatch;
  /** Alert boxes the page tried to open (an executed `alert(…)` payload). */
  dialogs: string[];
  api: string;
  sub: string;
}

/** What went wrong with one answer. */
export interface Finding {
  id: string;
  problem: string;
}

/**
 * A fresh context on `pageUrl` (the widget on a static host page), its API calls routed to the corpus. CSP is
 * bypassed on purpose: many hosts have none, and the widget's own text-only rendering must be what stops script.
 */
export async function drive(
  newContext: (options: BrowserContextOptions) => Promise<BrowserContext>,
  pageUrl: string,
  api: string,
  sub: string,
  before?: (route: CorpusRoute) => void,
): Promise<Driven> {
  const context = await newContext({ bypassCSP: true, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  const watch = await watchPage(page);
  const route = await routeCorpus(page, api);
  before?.(route);
  await page.goto(pageUrl);
  await page.locator('twikit-privacy .launcher').waitFor({ timeout: 20_000 });
  await page.evaluate('window.TwikitPrivacy.ready()');
  return { page, route, watch, dialogs, api, sub };
}

/** One cache entry (the others may be megabytes: read only what is compared). */
export const cacheGet = (page: Page, key: string): Promise<unknown> =>
  page.evaluate(`(async (key) => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('twikit-privacy'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    if (!db.objectStoreNames.contains('kv')) { db.close(); return undefined; }
    const value = await new Promise((resolve, reject) => { const q = db.transaction('kv', 'readonly').objectStore('kv').get(key); q.onsuccess = () => resolve(q.result); q.onerror = () => reject(q.error); });
    db.close();
    return value;
  })(${JSON.stringify(key)})`);

/** Writes one cache entry as the widget would (to put a known-good value back between answers). */
export async function writeCache(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(`(async ([key, value]) => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('twikit-privacy'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    await new Promise((resolve, reject) => { const tx = db.transaction('kv', 'readwrite'); tx.objectStore('kv').put(value, key); tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  })(${JSON.stringify([key, value])})`);
}

/** Deletes cache entries (the widget then asks the server again). */
export async function deleteCache(page: Page, keys: readonly string[]): Promise<void> {
  await page.evaluate(`(async (keys) => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('twikit-privacy'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    await new Promise((resolve, reject) => { const tx = db.transaction('kv', 'readwrite'); for (const k of keys) tx.objectStore('kv').delete(k); tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  })(${JSON.stringify(keys)})`);
}

/** Polls an in-page expression until it is truthy (answers that are slow but not hanging get 20 s). */
export const settle = (page: Page, expression: string, message: string, timeout = 20_000) =>
  waitFor(() => page.evaluate(expression), { timeout, interval: 25, message });

/** The last widget element's shadow root, for in-page expressions. */
export const ROOT = `[...document.querySelectorAll('twikit-privacy')].pop().shadowRoot`;

/** Checks every answer needs, valid or not: nothing ran, nothing was injected, every alert and status is a UI sentence. */
export function baseProblems(seen: Inspection, dialogs: readonly string[]): string[] {
  const problems: string[] = [];
  if (seen.pwned) problems.push('a script payload ran (window.__pwned)');
  if (dialogs.length) problems.push(`the page opened a dialog: ${dialogs.join(' | ').slice(0, 80)}`);
  if (seen.polluted) problems.push('Object.prototype was polluted');
  if (seen.injected.length) problems.push(`markup was rendered: ${seen.injected.join(', ')}`);
  if (seen.scriptLinks.length) problems.push(`a script link was rendered: ${seen.scriptLinks.join(', ')}`);
  for (const text of seen.messages)
    if (!messageKey(text))
      problems.push(`an alert or status shows text that is not the widget's own: ${JSON.stringify(text.slice(0, 80))}`);
  return problems;
}

/** The verdict on one answer: the base checks, then the refused ones must show an error and leave `cached` as it was. */
export async function verdict(
  driven: Driven,
  entry: BadResponse,
  checks: {
    cacheBefore?: unknown;
    cacheAfter?: unknown;
    stored?: unknown;
    extra?: string[];
    tells?: (key: string | null) => boolean;
  },
): Promise<Finding[]> {
  const seen = await inspect(driven.page);
  const problems = baseProblems(seen, driven.dialogs);
  const errorShown = seen.messages.some((m) => (checks.tells ?? isErrorKey)(messageKey(m)));
  if (!entry.valid) {
    if (!errorShown) problems.push(`no error was shown (messages: ${JSON.stringify(seen.messages).slice(0, 160)})`);
    if ('cacheBefore' in checks && !isDeepStrictEqual(checks.cacheAfter, checks.cacheBefore))
      problems.push('the cache was overwritten');
  } else if ('stored' in checks && !isDeepStrictEqual(checks.cacheAfter, checks.stored)) {
    problems.push(
      `the cache does not hold the answer as the contract reads it: ${JSON.stringify(checks.cacheAfter).slice(0, 120)}`,
    );
  }
  problems.push(...(checks.extra ?? []));
  driven.dialogs.length = 0;
  // One payload that ran is one finding, not one per later answer.
  if (seen.pwned || seen.polluted)
    await driven.page.evaluate(
      'window.__pwned = false; delete Object.prototype.polluted; delete Object.prototype.hidden',
    );
  return problems.map((problem) => ({ id: entry.id, problem }));
}

/** Makes the widget meet each answer once and says what went wrong. */
export type Driver = (d: Driven, entries: readonly BadResponse[]) => Promise<Finding[]>;

/** The sharing consent's switch in the last widget. */
export const SHARING = `[...${ROOT}.querySelectorAll('[role=switch]')].find((s) => s.textContent.includes('Sharing with third parties'))`;
/** The text of the panel's own status line ("could not be reached — showing what this device saved"). */
export const STATUS = `(${ROOT}.querySelector('.tp-panel > .tp-status')?.textContent.trim() ?? '')`;
export const click = (d: Driven, element: string) => d.page.evaluate(`${element}.click()`);
export const choose = (d: Driven, select: string, value: string) =>
  d.page.evaluate(
    `(() => { const s = ${select}; s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true })); })()`,
  );

/** A fresh runtime of the widget's own module on this page (what its loader starts), without reloading. */
export const defineStart = (d: Driven, options: string) =>
  d.page.evaluate(`window.__start = async (then) => {
    const mod = await import(${JSON.stringify(`${d.api}/widget/twikit-privacy-core.js`)});
    window.__rt = await mod.startRuntime(Object.assign({ api: ${JSON.stringify(d.api)}, app: 'twikfit', region: 'eea', lang: 'en', autoOpen: false }, ${options}));
    if (then === 'ready') { await window.__rt.ready(); return window.__rt.get('third_party_sharing') ?? null; }
    window.__rt.open(then);
    return null;
  }`);

/** `getToken` for a fresh runtime, as the host page's own script does it. */
export const getTokenOption = (sub: string) =>
  `{ getToken: () => fetch('/token?sub=${encodeURIComponent(sub)}').then((r) => r.json()).then((b) => b.token) }`;

/** The same read as cacheGet, as a function source for expressions polled in the page. */
export const cacheReader = `(key) => new Promise((resolve) => { const r = indexedDB.open('twikit-privacy'); r.onsuccess = () => { const db = r.result; const q = db.transaction('kv', 'readonly').objectStore('kv').get(key); q.onsuccess = () => { db.close(); resolve(q.result); }; q.onerror = () => { db.close(); resolve(undefined); }; }; r.onerror = () => resolve(undefined); })`;
