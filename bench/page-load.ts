// The new-user page load, in real Chromium: each run is a fresh browser context (empty cache, cookies and
// IndexedDB), throttled by CDP, on one target's page. Targets take turns within each run and CPU rate, and
// the order rotates from run to run, so drift on the shared machine spreads over all of them alike.
import type { Browser } from 'playwright-core';
import { inPage, openPage } from './page-session.ts';
import { loadProbe } from './probe.ts';
import { rotate } from './stats.ts';
import type { StaticHost } from './static-host.ts';
import type { Target, TargetId } from './targets.ts';

/** One page load. Times are ms from navigation start; NaN when the first layer never showed. */
export interface LoadSample {
  target: TargetId;
  cpuRate: number;
  run: number;
  /** The first layer (bare page: the host's own content) visible. */
  firstLayerMs: number;
  longTasks: number;
  /** Total blocking time: Σ max(0, duration − 50) over the long tasks from navigation to the end of the load. */
  tbtMs: number;
  scriptMs: number;
  bytes: number;
  requests: number;
  /** What had finished loading when the first layer showed (issue 16: ≤ 20 KiB for a new visitor). */
  bytesBeforeFirstLayer: number;
  requestsBeforeFirstLayer: number;
  /** Long tasks that started before the first layer showed (issue 16: none at CPU 4×). */
  longTasksBeforeFirstLayer: number;
  /** Resource Timing of what the page fetched: [URL path without content hash, start, responseEnd] (ms). */
  resources: Array<[string, number, number]>;
}

// Resource Timing, with paths made comparable across builds (content hashes dropped) and API calls named by path.
const RESOURCES = `performance.getEntriesByType('resource').map((e) => {
  const url = new URL(e.name);
  return [url.pathname.replace(/-[A-Za-z0-9_-]{8}(\\.js)$/, '$1'), e.startTime, e.responseEnd];
})`;

/** A load ends when the first layer is visible and the network has then been quiet for `quietMs`. */
export async function measureLoad(
  browser: Browser,
  host: StaticHost,
  target: Target,
  cpuRate: number,
  quietMs: number,
): Promise<Omit<LoadSample, 'run'>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const s = await openPage(context, cpuRate, loadProbe(target.firstLayer));
    await s.page.goto(host.page(target.page), { waitUntil: 'load', timeout: 60_000 });
    // A first layer that never shows is recorded as NaN (the report counts it), not a failed bench.
    const visible = await inPage<number>(
      s.page,
      'window.__bench.visible',
      30_000,
      `${target.label}: the first layer`,
    ).catch((error: unknown) => {
      process.stderr.write(`  ${error instanceof Error ? error.message : String(error)}\n`);
      return Number.NaN;
    });
    await s.quiet(quietMs);
    const probe = await s.page.evaluate<{ longTasks: Array<[number, number]> }>(
      '({ longTasks: window.__bench.longTasks })',
    );
    const before = s.before(visible);
    return {
      target: target.id,
      cpuRate,
      firstLayerMs: visible,
      longTasks: probe.longTasks.length,
      tbtMs: probe.longTasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      scriptMs: await s.scriptMs(),
      bytes: s.bytes(),
      requests: s.requests(),
      bytesBeforeFirstLayer: Number.isNaN(visible) ? Number.NaN : before.bytes,
      requestsBeforeFirstLayer: Number.isNaN(visible) ? Number.NaN : before.requests,
      longTasksBeforeFirstLayer: Number.isNaN(visible)
        ? Number.NaN
        : probe.longTasks.filter(([start]) => start < visible).length,
      resources: await s.page.evaluate<Array<[string, number, number]>>(RESOURCES),
    };
  } finally {
    await context.close();
  }
}

/** `runs` rounds; in each, every CPU rate and every target once. One unrecorded warm-up round first. */
export async function runPageLoads(
  browser: Browser,
  host: StaticHost,
  targets: Target[],
  options: { runs: number; cpuRates: number[]; quietMs: number },
  progress: (done: number, total: number) => void = () => undefined,
): Promise<LoadSample[]> {
  for (const target of targets) await measureLoad(browser, host, target, 1, options.quietMs);
  const samples: LoadSample[] = [];
  const total = options.runs * options.cpuRates.length * targets.length;
  for (let run = 1; run <= options.runs; run++) {
    for (const cpuRate of options.cpuRates) {
      for (const target of rotate(targets, run)) {
        samples.push({ ...(await measureLoad(browser, host, target, cpuRate, options.quietMs)), run });
        progress(samples.length, total);
      }
    }
  }
  return samples;
}
