// The returning user of our widget: a person who decided on an earlier visit comes back. Their consent
// state and the notice are in IndexedDB, the scripts in the HTTP cache. Measured per visit: when the host can
// read a purpose through the JS API (TwikitPrivacy.get), when the server's answer arrived (for comparison:
// state before that came from the cache), and how long a launcher click takes to an interactive panel.
import type { Browser, BrowserContext } from 'playwright-core';
import { waitFor } from '../test/e2e/browser.ts';
import { inPage, openPage } from './page-session.ts';
import { clickToInteractive, loadProbe } from './probe.ts';
import type { StaticHost } from './static-host.ts';
import type { Target } from './targets.ts';

export interface ReturningSample {
  cpuRate: number;
  run: number;
  /** The loader's script arrived and starts to run (its Resource Timing `responseEnd`, ms from navigation start). */
  scriptStartMs: number;
  /** `TwikitPrivacy.get('third_party_sharing')` first answered (ms from navigation start). */
  stateMs: number;
  /** The page's `GET /v1/consents` response complete (ms from navigation start). */
  serverMs: number;
  /** The launcher button visible. */
  launcherMs: number;
  /** Launcher click to the panel rendered with focus in it. */
  clickMs: number;
}

const PURPOSE = 'third_party_sharing';
const LAUNCHER = 'twikit-privacy >>> button.launcher';

/** In the page: has the widget stored a consent state with sharing on in IndexedDB? (plain source) */
const CACHED_DECISION = `(async () => {
  if (!(await indexedDB.databases()).some((d) => d.name === 'twikit-privacy')) return false;
  return new Promise((resolve) => {
    const open = indexedDB.open('twikit-privacy');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('kv')) { db.close(); return resolve(false); }
      const tx = db.transaction('kv', 'readonly');
      const keys = tx.objectStore('kv').getAllKeys();
      const values = tx.objectStore('kv').getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(keys.result.some((k, i) => String(k).includes('|consents|')
          && (values.result[i].purposes || []).some((p) => p.purpose === ${JSON.stringify(PURPOSE)} && p.active)));
      };
      tx.onerror = () => { db.close(); resolve(false); };
    };
  });
})()`;

/** The first visit (unthrottled, not measured): Accept all on the first layer, then wait until it is cached. */
async function firstVisit(context: BrowserContext, host: StaticHost, ours: Target): Promise<void> {
  const s = await openPage(context, 1, loadProbe(ours.firstLayer));
  await s.page.goto(host.page(ours.page));
  await inPage(s.page, 'window.__bench.visible', 30_000, 'the first layer of the first visit');
  await s.page.evaluate(
    `document.querySelector('twikit-privacy').shadowRoot.querySelector('.tp-first .tp-choice-buttons button').click()`,
  );
  await waitFor(() => s.page.evaluate<boolean>(CACHED_DECISION), {
    timeout: 15_000,
    message: 'Accept all never reached IndexedDB',
  });
  await s.page.close();
}

/** One returning visit in `context` (which holds the cache of the first visit). */
async function visit(
  context: BrowserContext,
  host: StaticHost,
  ours: Target,
  cpuRate: number,
  quietMs: number,
): Promise<Omit<ReturningSample, 'run'>> {
  const s = await openPage(context, cpuRate, loadProbe(LAUNCHER, PURPOSE));
  try {
    await s.page.goto(host.page(ours.page));
    const stateMs = await inPage<number>(
      s.page,
      'window.__bench.stateKnown',
      30_000,
      "a returning user's consent state",
    );
    const state = await s.page.evaluate<unknown>('window.__bench.state');
    if (state !== true)
      throw new Error(`a returning user read ${JSON.stringify(state)} for ${PURPOSE}, not the decision made before`);
    const launcherMs = await inPage<number>(s.page, 'window.__bench.visible', 30_000, 'the launcher');
    await s.quiet(quietMs); // the background refresh from the server is done before the click
    const serverMs = await s.page.evaluate<number>(
      `(performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/v1/consents') || { responseEnd: NaN }).responseEnd`,
    );
    const scriptStartMs = await s.page.evaluate<number>(
      `(performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('/twikit-privacy.js')) || { responseEnd: NaN }).responseEnd`,
    );
    const clickMs = await s.page.evaluate<number>(clickToInteractive());
    return { cpuRate, scriptStartMs, stateMs, serverMs, launcherMs, clickMs };
  } finally {
    await s.page.close();
  }
}

/** One browser context per CPU rate (a person of its own), set up once; then `runs` visits each, interleaved. */
export async function runReturningUser(
  browser: Browser,
  host: StaticHost,
  ours: Target,
  options: { runs: number; cpuRates: number[]; quietMs: number },
  progress: (done: number, total: number) => void = () => undefined,
): Promise<ReturningSample[]> {
  const contexts = await Promise.all(
    options.cpuRates.map(() => browser.newContext({ viewport: { width: 1280, height: 800 } })),
  );
  try {
    for (const context of contexts) await firstVisit(context, host, ours);
    const samples: ReturningSample[] = [];
    const total = options.runs * contexts.length;
    for (let run = 1; run <= options.runs; run++) {
      for (const [i, cpuRate] of options.cpuRates.entries()) {
        samples.push({ ...(await visit(contexts[i]!, host, ours, cpuRate, options.quietMs)), run });
        progress(samples.length, total);
      }
    }
    return samples;
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}
