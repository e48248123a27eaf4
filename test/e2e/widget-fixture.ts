// Shared set-up for the widget's end-to-end suite: one rights API (PGlite) + the demo host (strict CSP) + system
// Chromium for a test file, a fresh browser context (clean IndexedDB) per visitor, and locators for the widget.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startDemoHost, type DemoHost } from '../../demo/host/server.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { client, HOST_SECRET, hostToken, startTestServer, type TestServer } from '../server/harness.ts';
import { launchBrowser, waitFor, watchPage, type PageWatch } from './browser.ts';

export interface World {
  server: TestServer;
  demo: DemoHost;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The API server, the demo host (its origin allowed by the API's CORS) and the browser. `notices`: what the server
 * publishes instead of the default notice.
 */
export async function startWorld(options: { notices?: readonly NoticeDocument[] } = {}): Promise<World> {
  const [server, browser] = await Promise.all([
    startTestServer({}, undefined, undefined, options.notices ? { notices: options.notices } : {}),
    launchBrowser(),
  ]);
  const demo = await startDemoHost({ port: 0, apiUrl: server.url, hostTokenSecret: HOST_SECRET });
  server.deps.config.allowedOrigins.push(new URL(demo.url).origin);
  // The test clock starts in March 2026; dates shown (received, due) should be today's.
  server.clock.set(new Date().toISOString());
  return {
    server,
    demo,
    browser,
    async close() {
      await browser?.close().catch(() => undefined);
      await demo?.close().catch(() => undefined);
      await server?.stop();
    },
  };
}

/** A subject id of its own for a test, so tests sharing one server never see each other's records. */
export const uniqueSub = (label: string): string => `e2e-${label}-${randomBytes(4).toString('hex')}`;

export interface Visitor {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  /** The host-app user the page hands to the widget. */
  sub: string;
  /** The response headers of the demo page as loaded. */
  headers: Record<string, string>;
}

/**
 * A fresh context (empty IndexedDB) on the demo page. `sub: 'demo-user-1'` keeps the demo host's own token
 * endpoint; any other sub answers the page's `POST /api/privacy-token` with a host token for that user instead
 * (same shape, same key), so each test has a person of its own.
 */
export async function visit(
  world: World,
  options: { sub: string; beforeGoto?: (page: Page, context: BrowserContext) => Promise<unknown> },
): Promise<Visitor> {
  const context = await world.browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 800 } });
  if (options.sub !== 'demo-user-1') {
    await context.route(`${world.demo.url}/api/privacy-token`, async (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'cache-control': 'no-store' },
        body: JSON.stringify({ token: await hostToken(options.sub) }),
      }),
    );
  }
  const page = await context.newPage();
  const watch = await watchPage(page);
  await options.beforeGoto?.(page, context);
  const response = await page.goto(world.demo.url);
  if (response?.status() !== 200) throw new Error(`demo page answered ${response?.status()}`);
  return { context, page, watch, sub: options.sub, headers: response.headers() };
}

/** The widget's parts, found through its open shadow root. */
export function widget(page: Page) {
  const host = page.locator('twikit-privacy');
  const dialog = page.getByRole('dialog', { name: 'Twikit privacy controls' });
  return {
    host,
    launcher: host.locator('button.launcher'),
    dialog,
    nav: (name: 'Overview' | 'Privacy notice' | 'Your choices' | 'Your requests') =>
      dialog.getByRole('navigation', { name: 'Privacy controls' }).getByRole('button', { name, exact: true }),
    consentSwitch: (name: RegExp) => dialog.getByRole('switch', { name }),
    viewTitle: dialog.locator('h2.tp-view-title'),
  };
}

/**
 * What the page itself says of a purpose: `TwikitPrivacy.get(purpose)`, `undefined` until the widget knows its state.
 * After a decision the server knows first and the page a moment later (it learns from the server's answer), so
 * tests read this — polled with `waitFor` — rather than the page right after the server said yes.
 */
export const pageReads = (page: Page, purpose: string): Promise<boolean | undefined> =>
  page.evaluate(
    (p) => (window as unknown as { TwikitPrivacy?: { get?(p: string): boolean | undefined } }).TwikitPrivacy?.get?.(p),
    purpose,
  );

/** Waits until `locator` is visible / gone (playwright-core has no retrying expect). */
export const shown = (locator: Locator, timeout = 10_000) => locator.waitFor({ state: 'visible', timeout });
export const gone = (locator: Locator, timeout = 10_000) => locator.waitFor({ state: 'hidden', timeout });

/** The first visit opens the first layer by itself; wait for it, then dismiss it with Escape (no decision). */
export async function dismissFirstLayer(page: Page): Promise<void> {
  const w = widget(page);
  await shown(w.dialog);
  await focusMovedIn(page); // Escape is handled by the dialog: a key pressed before focus moves in goes to the page
  await page.keyboard.press('Escape');
  await gone(w.dialog);
}

/** Waits until focus is inside the open dialog (the widget moves it there in an effect after the first paint). */
export const focusMovedIn = (page: Page) =>
  waitFor(async () => (await focusInfo(page)).inDialog, { message: 'focus did not move into the dialog' });

/** The rights API as the demo user's backend sees it, with a host token for `sub`. */
export function apiAs(world: World, sub: string) {
  const api = client(world.server.url);
  const get = async <T>(path: string): Promise<T> => {
    const response = await api.get(path, { token: await hostToken(sub) });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.text}`);
    return response.body as T;
  };
  return {
    history: async () => (await get<{ records: Array<Record<string, any>> }>('/v1/consents/history')).records,
    consents: () => get<{ purposes: Array<{ purpose: string; active: boolean; decided: boolean }> }>('/v1/consents'),
    requests: async () => (await get<{ requests: Array<Record<string, any>> }>('/v1/requests')).requests,
  };
}

/** Every entry of the widget's IndexedDB key-value store, read in the page (plain source: no transpiler helpers). */
export async function readCache(page: Page): Promise<Record<string, any>> {
  return page.evaluate<Record<string, any>>(`(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('twikit-privacy')) return {};
    return new Promise((resolve) => {
      const open = indexedDB.open('twikit-privacy');
      open.onerror = () => resolve({});
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('kv')) { db.close(); return resolve({}); }
        const tx = db.transaction('kv', 'readonly');
        const keys = tx.objectStore('kv').getAllKeys();
        const values = tx.objectStore('kv').getAll();
        tx.oncomplete = () => {
          db.close();
          resolve(Object.fromEntries(keys.result.map((k, i) => [String(k), values.result[i]])));
        };
        tx.onerror = () => { db.close(); resolve({}); };
      };
    });
  })()`);
}

/** Polls the page's IndexedDB until the consent state for `sub` and the English notice are stored; returns them. */
export async function waitForCache(page: Page, world: World, sub: string, check: (state: any) => boolean) {
  return waitFor(
    async () => {
      const cache = await readCache(page);
      const state = cache[`${world.server.url}|consents|host:${sub}`];
      const notice = cache[`${world.server.url}|notice|en`];
      return state && notice && check(state) ? { state, notice } : null;
    },
    { timeout: 10_000, message: 'the consent state and notice never reached IndexedDB' },
  );
}

/** User interactions, counted: every click and key press a person makes goes through here. */
export function interactions(page: Page) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
    async click(locator: Locator) {
      count++;
      await locator.click();
    },
    async press(key: string) {
      count++;
      await page.keyboard.press(key);
    },
  };
}

/** The date as the widget shows a due date in English (shared/ui/format.ts formatDueDate, computed independently). */
export function englishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(
    new Date(Date.UTC(y!, m! - 1, d!, 12)),
  );
}

export interface FocusInfo {
  /** `document.activeElement` is the widget's host element. */
  inHost: boolean;
  /** The focused element (through the open shadow root) is the launcher button. */
  launcher: boolean;
  /** Inside the open dialog; `index` is its position among the dialog's descendants (-1 outside). */
  inDialog: boolean;
  index: number;
  tag: string;
  role: string | null;
  /** Accessible-ish text: aria-label, the label of a form control, or the text content. */
  text: string;
}

/** What has focus, looking through the widget's open shadow root (plain source: no transpiler helpers in the page). */
export async function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate<FocusInfo>(`(() => {
    let el = document.activeElement;
    const inHost = !!el && el.tagName === 'TWIKIT-PRIVACY';
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const dialog = el && el.closest ? el.closest('[role=dialog]') : null;
    const label = el && el.labels && el.labels[0] ? el.labels[0].textContent : null;
    return {
      inHost,
      launcher: !!el && el.classList.contains('launcher'),
      inDialog: !!dialog,
      index: dialog ? [...dialog.querySelectorAll('*')].indexOf(el) : -1,
      tag: el ? el.tagName.toLowerCase() : '',
      role: el ? el.getAttribute('role') : null,
      text: el ? (el.getAttribute('aria-label') || label || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80) : '',
    };
  })()`);
}

/**
 * True once the open dialog has nothing on its way: nothing marked busy (a form sending, a list loading, a switch
 * deciding) and no request still shown as queued. Poll it before counting the dialog's elements after a network effect.
 */
export function dialogSettled(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const dialog = document.querySelector('twikit-privacy').shadowRoot.querySelector('[role=dialog]');
    return !!dialog && !dialog.querySelector('[aria-busy=true]') && !dialog.querySelector('.tp-request-queued');
  })()`);
}

/**
 * The first and last elements Tab should reach in the open dialog, found independently of the widget's own
 * focus trap: natively focusable or tabindex >= 0, enabled, rendered, not inert; one stop per radio group.
 */
export async function dialogTabStops(page: Page): Promise<{ first: number; last: number; count: number }> {
  return page.evaluate(`(() => {
    const dialog = document.querySelector('twikit-privacy').shadowRoot.querySelector('[role=dialog]');
    const all = [...dialog.querySelectorAll('*')];
    const seenRadio = new Set();
    const stops = all.filter((el) => {
      if (el.tabIndex < 0 || el.disabled || el.closest('[inert]') || el.getClientRects().length === 0) return false;
      if (el.tagName === 'A' && !el.hasAttribute('href')) return false;
      if (el.type === 'radio') { if (seenRadio.has(el.name)) return false; seenRadio.add(el.name); }
      return true;
    });
    return { first: all.indexOf(stops[0]), last: all.indexOf(stops[stops.length - 1]), count: stops.length };
  })()`);
}
