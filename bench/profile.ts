// Where our first layer's main-thread time goes: a few extra new-user loads of our page (not counted in the
// timings) under the V8 sampling profiler, from navigation to the first layer visible, summed by file and by
// function (self time). Issue 16 asks for this beside every goal not met.
import type { Browser } from 'playwright-core';
import { inPage, openPage } from './page-session.ts';
import { loadProbe } from './probe.ts';
import type { StaticHost } from './static-host.ts';
import type { Target } from './targets.ts';

export interface ProfileRow {
  name: string;
  /** Median self time over the profiled loads, ms (CPU time as throttled). */
  ms: number;
}

export interface FirstLayerProfile {
  cpuRate: number;
  loads: number;
  byFile: ProfileRow[];
  byFunction: ProfileRow[];
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

const fileOf = (url: string) =>
  url ? (new URL(url).pathname.split('/').pop() ?? url).replace(/-[A-Za-z0-9_-]{8}(\.js)$/, '$1') : '';

/** Self time (ms) per file and per function in one profile. */
function selfTimes(profile: CpuProfile): { files: Map<string, number>; functions: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const files = new Map<string, number>();
  const functions = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (const [i, id] of samples.entries()) {
    const frame = byId.get(id);
    const ms = (deltas[i + 1] ?? 0) / 1000; // a sample's time runs until the next one
    if (!frame || frame.functionName === '(idle)') continue;
    const file = fileOf(frame.url) || frame.functionName || '(anonymous)';
    files.set(file, (files.get(file) ?? 0) + ms);
    const fn = frame.url ? `${file}: ${frame.functionName || '(anonymous)'} (line ${frame.lineNumber + 1})` : file;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  return { files, functions };
}

const medianRows = (maps: Array<Map<string, number>>, top: number): ProfileRow[] => {
  const names = new Set(maps.flatMap((m) => [...m.keys()]));
  return [...names]
    .map((name) => {
      const values = maps.map((m) => m.get(name) ?? 0).sort((a, b) => a - b);
      return { name, ms: values[Math.floor(values.length / 2)]! };
    })
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
};

/** `loads` profiled new-user loads of `ours` at each CPU rate. */
export async function profileFirstLayer(
  browser: Browser,
  host: StaticHost,
  ours: Target,
  options: { cpuRates: number[]; loads: number },
): Promise<FirstLayerProfile[]> {
  const out: FirstLayerProfile[] = [];
  for (const cpuRate of options.cpuRates) {
    const profiles: Array<ReturnType<typeof selfTimes>> = [];
    for (let i = 0; i < options.loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const s = await openPage(context, cpuRate, loadProbe(ours.firstLayer));
        await s.cdp.send('Profiler.enable');
        await s.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await s.cdp.send('Profiler.start');
        await s.page.goto(host.page(ours.page), { waitUntil: 'load', timeout: 60_000 });
        await inPage<number>(s.page, 'window.__bench.visible', 30_000, 'our first layer (profiled)');
        const { profile } = (await s.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
        profiles.push(selfTimes(profile));
      } finally {
        await context.close();
      }
    }
    out.push({
      cpuRate,
      loads: profiles.length,
      byFile: medianRows(
        profiles.map((p) => p.files),
        12,
      ),
      byFunction: medianRows(
        profiles.map((p) => p.functions),
        15,
      ),
    });
  }
  return out;
}
