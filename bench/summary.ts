// From raw samples to what the report states: spreads per target, our figures over the bare page and against
// each peer (paired run by run: the runs are interleaved, so a pair saw the same moment of a shared machine),
// and the issue's goals, met or not.
import type { LoadSample } from './page-load.ts';
import type { SizeRow } from './peer-sizes.ts';
import type { ReturningSample } from './returning-user.ts';
import { BUDGET } from './size.ts';
import { spread, type Spread } from './stats.ts';
import type { Target, TargetId } from './targets.ts';

export const METRICS = [
  'firstLayerMs',
  'longTasks',
  'longTasksBeforeFirstLayer',
  'tbtMs',
  'scriptMs',
  'bytes',
  'bytesBeforeFirstLayer',
  'requests',
  'requestsBeforeFirstLayer',
] as const;
export type Metric = (typeof METRICS)[number];

export interface LoadSummary {
  cpuRate: number;
  rows: Array<{ target: TargetId; label: string; metrics: Record<Metric, Spread> }>;
  /** Ours minus the bare page, run by run. */
  added: Record<Metric, Spread>;
  /** Ours divided by the peer, run by run (runs where the peer's figure is 0 are left out; null if all are). */
  ratios: Array<{ target: TargetId; label: string; metrics: Record<Metric, Spread | null> }>;
  /** Where our first-layer time goes: each fetch's median start and end, in order, then the first layer. */
  waterfall: Array<{ step: string; start: number; end: number }>;
}

const median = (values: number[]) => spread(values).median;

/** Our fetches (widget files and API calls), median start / end over the runs, ordered by start. */
function waterfall(samples: LoadSample[]): LoadSummary['waterfall'] {
  const steps = new Map<string, { start: number[]; end: number[] }>();
  for (const sample of samples) {
    for (const [path, start, end] of sample.resources) {
      const step = steps.get(path) ?? steps.set(path, { start: [], end: [] }).get(path)!;
      step.start.push(start);
      step.end.push(end);
    }
  }
  const rows = [...steps].map(([step, t]) => ({ step, start: median(t.start), end: median(t.end) }));
  const visible = median(samples.map((s) => s.firstLayerMs));
  return [...rows.sort((a, b) => a.start - b.start), { step: 'first layer visible', start: visible, end: visible }];
}

const pairs = (samples: LoadSample[], a: TargetId, b: TargetId, cpuRate: number) => {
  const of = (t: TargetId) =>
    new Map(samples.filter((s) => s.target === t && s.cpuRate === cpuRate).map((s) => [s.run, s]));
  const bs = of(b);
  return [...of(a)].flatMap(([run, x]) => (bs.has(run) ? [[x, bs.get(run)!] as const] : []));
};

const byMetric = <T>(fn: (m: Metric) => T) => Object.fromEntries(METRICS.map((m) => [m, fn(m)])) as Record<Metric, T>;

/** One summary per CPU rate. `targets` gives the order and labels (bare first, then ours, then peers). */
export function summarizeLoads(samples: LoadSample[], targets: Target[], cpuRates: number[]): LoadSummary[] {
  return cpuRates.map((cpuRate) => {
    const rows = targets.map((t) => {
      const mine = samples.filter((s) => s.target === t.id && s.cpuRate === cpuRate);
      return { target: t.id, label: t.label, metrics: byMetric((m) => spread(mine.map((s) => s[m]))) };
    });
    const added = byMetric((m) => spread(pairs(samples, 'ours', 'bare', cpuRate).map(([o, b]) => o[m] - b[m])));
    const ratios = targets
      .filter((t) => t.npm)
      .map((t) => ({
        target: t.id,
        label: t.label,
        metrics: byMetric((m) => {
          const values = pairs(samples, 'ours', t.id, cpuRate)
            .filter(([, p]) => p[m] > 0)
            .map(([o, p]) => o[m] / p[m]);
          return values.length ? spread(values) : null;
        }),
      }));
    return {
      cpuRate,
      rows,
      added,
      ratios,
      waterfall: waterfall(samples.filter((x) => x.target === 'ours' && x.cpuRate === cpuRate)),
    };
  });
}

export interface Goal {
  goal: string;
  met: boolean;
  /** Where we are not ahead, by how much; empty when met. */
  behind: string[];
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** The issue's goals: smaller than every peer, faster at every CPU rate, no long task at 1×. */
export function goals(sizes: SizeRow[] | null, loads: LoadSummary[] | null): Goal[] {
  const out: Goal[] = [];
  if (sizes) {
    const [ours, ...peers] = sizes;
    const parts = { firstLoad: 'first load', newVisitor: 'new visitor', whole: 'whole' } as const;
    for (const [part, name] of Object.entries(parts) as Array<[keyof typeof parts, string]>) {
      const behind = peers
        .filter((p) => p[part].gzip <= ours![part].gzip)
        .map((p) => `${p.label} ${kib(p[part].gzip)} vs ours ${kib(ours![part].gzip)}`);
      out.push({ goal: `smaller than every peer (${name}, gzip)`, met: behind.length === 0, behind });
    }
  }
  for (const load of loads ?? []) {
    const ours = load.rows.find((r) => r.target === 'ours')!.metrics;
    for (const [metric, name] of [
      ['firstLayerMs', 'first layer visible'],
      ['tbtMs', 'total blocking time'],
      ['scriptMs', 'script time'],
    ] as const) {
      const behind = load.rows
        .filter((r) => r.target !== 'ours' && r.target !== 'bare')
        // A tie counts as not ahead, except both at zero (nothing left to beat).
        .filter(
          (r) =>
            r.metrics[metric].median < ours[metric].median ||
            (r.metrics[metric].median === ours[metric].median && ours[metric].median > 0),
        )
        .map(
          (r) =>
            `${r.label} ${r.metrics[metric].median.toFixed(0)} ms vs ours ${ours[metric].median.toFixed(0)} ms (medians)`,
        );
      out.push({ goal: `faster than every peer at CPU ${load.cpuRate}×: ${name}`, met: behind.length === 0, behind });
    }
    if (load.cpuRate === 1) {
      const lt = ours.longTasks;
      out.push({
        goal: 'zero long tasks at CPU 1×',
        met: lt.max === 0,
        behind: lt.max === 0 ? [] : [`ours: median ${lt.median}, max ${lt.max} long task(s) per load`],
      });
    }
  }
  return out;
}

/** Issue 16's goals, each met or not, with the paired ratios and, when not met, by how much. */
export const ISSUE16 = { ratio: 0.8, newVisitorKiB: 20, oneLanguageKiB: BUDGET.oneLanguageGzipKiB, returningMs: 50 };

export function issue16Goals(
  sizes: SizeRow[] | null,
  loads: LoadSummary[] | null,
  returning: ReturningSample[] | null,
): Goal[] {
  const out: Goal[] = [];
  for (const load of loads ?? []) {
    const worst = load.ratios.map((r) => ({ label: r.label, median: r.metrics.firstLayerMs?.median ?? Number.NaN }));
    const behind = worst
      .filter((r) => !(r.median <= ISSUE16.ratio))
      .map(
        (r) => `÷ ${r.label} ${r.median.toFixed(2)}×: ${((r.median / ISSUE16.ratio - 1) * 100).toFixed(0)} % too slow`,
      );
    out.push({
      goal: `1. first layer at CPU ${load.cpuRate}×: paired median ratio ≤ ${ISSUE16.ratio}× against every peer (${worst.map((r) => `${r.label} ${r.median.toFixed(2)}×`).join(', ')})`,
      met: behind.length === 0,
      behind,
    });
  }
  const one = loads?.find((l) => l.cpuRate === 1)?.rows.find((r) => r.target === 'ours')?.metrics;
  if (one) {
    const got = one.bytesBeforeFirstLayer.median / 1024;
    out.push({
      goal: `2. a new visitor transfers ≤ ${ISSUE16.newVisitorKiB} KiB before the first layer (ours ${got.toFixed(1)} KiB, ${one.requestsBeforeFirstLayer.median} requests, median at 1×)`,
      met: got <= ISSUE16.newVisitorKiB,
      behind: got <= ISSUE16.newVisitorKiB ? [] : [`${(got - ISSUE16.newVisitorKiB).toFixed(1)} KiB over`],
    });
  }
  const ours = sizes?.[0];
  if (ours?.oneLanguage) {
    const got = ours.oneLanguage.gzip / 1024;
    out.push({
      goal: `2. the whole widget for one language ≤ ${ISSUE16.oneLanguageKiB} KiB gzip (ours ${got.toFixed(1)} KiB, heaviest language)`,
      met: got <= ISSUE16.oneLanguageKiB,
      behind: got <= ISSUE16.oneLanguageKiB ? [] : [`${(got - ISSUE16.oneLanguageKiB).toFixed(1)} KiB over`],
    });
  }
  const four = loads?.find((l) => l.cpuRate === 4);
  if (four) {
    const mine = four.rows.find((r) => r.target === 'ours')!.metrics;
    const lt = mine.longTasksBeforeFirstLayer;
    out.push({
      goal: `3. zero long tasks before the first layer at CPU 4× (ours: median ${lt.median}, max ${lt.max})`,
      met: lt.max === 0,
      behind: lt.max === 0 ? [] : [`median ${lt.median}, max ${lt.max} long task(s) before it`],
    });
    for (const [metric, name] of [
      ['tbtMs', 'total blocking time'],
      ['scriptMs', 'script time'],
    ] as const) {
      const behind = four.ratios
        .filter((r) => !((r.metrics[metric]?.median ?? Number.POSITIVE_INFINITY) < 1))
        .map((r) => {
          const peer = four.rows.find((x) => x.target === r.target)!.metrics[metric].median;
          return `${r.label} ${peer.toFixed(0)} ms vs ours ${mine[metric].median.toFixed(0)} ms (paired ${r.metrics[metric] ? `${r.metrics[metric].median.toFixed(2)}×` : 'peer 0'})`;
        });
      out.push({ goal: `3. ${name} at CPU 4× below every peer's`, met: behind.length === 0, behind });
    }
  }
  const first = returning?.filter((s) => s.cpuRate === 1);
  if (first?.length) {
    const after = spread(first.map((s) => s.stateMs - s.scriptStartMs));
    const early = first.filter((s) => s.stateMs < s.serverMs).length;
    const met = after.median <= ISSUE16.returningMs && early === first.length;
    out.push({
      goal: `4. a returning person's choices readable through TwikitPrivacy.get within ${ISSUE16.returningMs} ms of the script starting at 1×, before any network answer (ours ${after.median.toFixed(0)} ms, median; before the server in ${early} of ${first.length})`,
      met,
      behind: met ? [] : [`${(after.median - ISSUE16.returningMs).toFixed(0)} ms over (median)`],
    });
  }
  return out;
}
