// One page under CDP: CPU throttling, the bytes it transfers, and when its network goes quiet. Every
// measurement (new user, returning user) opens its pages through here so they are throttled and counted alike.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface PageSession {
  page: Page;
  cdp: CDPSession;
  /** Bytes received over the network (headers + compressed bodies), from CDP `Network.loadingFinished`. */
  bytes(): number;
  requests(): number;
  /** Bytes and requests finished by `ms` after the navigation started (the document's request), as `bytes()` counts them. */
  before(ms: number): { bytes: number; requests: number };
  /** Resolves once no request has been in flight for `quietMs` (rejects after `timeoutMs`). */
  quiet(quietMs: number, timeoutMs?: number): Promise<void>;
  /** CDP `Performance.getMetrics` ScriptDuration, in ms (the page's main thread, cumulative). */
  scriptMs(): Promise<number>;
}

/** A new page in `context`, throttled to `cpuRate` before it loads anything, with the probe `initScript`. */
export async function openPage(context: BrowserContext, cpuRate: number, initScript: string): Promise<PageSession> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const inFlight = new Set<string>();
  let bytes = 0;
  let requests = 0;
  let lastActivity = Date.now();
  // CDP's monotonic clock (s): the document's request starts the navigation; each finished load is kept with its time.
  let navigationAt: number | null = null;
  const finished: Array<[at: number, bytes: number]> = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && navigationAt === null) navigationAt = e.timestamp;
    // A redirect reuses the request id: count the hop once, keep it in flight.
    if (!inFlight.has(e.requestId)) requests++;
    inFlight.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    finished.push([e.timestamp, e.encodedDataLength]);
    inFlight.delete(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    inFlight.delete(e.requestId);
    lastActivity = Date.now();
  });
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await page.addInitScript({ content: initScript });
  return {
    page,
    cdp,
    bytes: () => bytes,
    requests: () => requests,
    before(ms) {
      const start = navigationAt ?? Number.POSITIVE_INFINITY;
      const done = finished.filter(([at]) => (at - start) * 1000 <= ms);
      return { bytes: done.reduce((sum, [, b]) => sum + b, 0), requests: done.length };
    },
    async quiet(quietMs, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight.size > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > deadline)
          throw new Error(`the network never went quiet (${inFlight.size} request(s) in flight)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async scriptMs() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN) * 1000;
    },
  };
}

/**
 * Awaits a promise the page holds (e.g. `window.__bench.visible`), rejecting with `what` after `timeoutMs`.
 * The page-side wait may still reject later (when its context closes); that late rejection is swallowed.
 */
export function inPage<T>(page: Page, expression: string, timeoutMs: number, what: string): Promise<T> {
  const evaluation = page.evaluate<T>(expression);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${timeoutMs} ms`)), timeoutMs);
  });
  evaluation.catch(() => undefined);
  return Promise.race([evaluation, timeout]).finally(() => clearTimeout(timer));
}
