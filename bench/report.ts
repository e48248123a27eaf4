// The results as markdown (printed, and written to bench/results/latest.md) and as JSON (latest.json, with
// every raw sample). The tables here are the ones bench/README.md shows.
import type { ApiLoadOutcome } from './api-load.ts';
import type { Machine } from './config.ts';
import type { ExtensionResult } from './extension.ts';
import type { FirstLayerProfile } from './profile.ts';
import type { LoadSample } from './page-load.ts';
import type { SizeRow } from './peer-sizes.ts';
import type { Size } from './size.ts';
import type { ReturningSample } from './returning-user.ts';
import { SCALE_GOAL, type ScaleOutcome } from './scale.ts';
import { spread, type Spread } from './stats.ts';
import { goals, issue16Goals, type LoadSummary, type Metric } from './summary.ts';

export interface BenchResults {
  date: string;
  machine: Machine;
  settings: {
    runs: number;
    cpuRates: number[];
    quietMs: number;
    apiSeconds: number;
    apiConnections: number;
    encodings: string[];
  };
  sizes: SizeRow[] | null;
  pageLoad: { summaries: LoadSummary[]; samples: LoadSample[] } | null;
  returning: ReturningSample[] | null;
  extension: ExtensionResult | null;
  api: ApiLoadOutcome | null;
  scale: ScaleOutcome | null;
  /** Where our first layer's main-thread time goes (bench/profile.ts); absent in older results. */
  profile?: FirstLayerProfile[] | null;
}

function profileTables(profiles: FirstLayerProfile[]): string[] {
  return profiles.flatMap((p) => [
    `Where our first layer's main-thread time goes at CPU ${p.cpuRate}× (V8 sampling profiler, self time from navigation to the first layer visible, median of ${p.loads} extra loads, ms):`,
    '',
    '| by file | ms |',
    '|---|---:|',
    ...p.byFile.map((r) => `| \`${r.name}\` | ${r.ms.toFixed(1)} |`),
    '',
    '| by function | ms |',
    '|---|---:|',
    ...p.byFunction.map((r) => `| \`${r.name}\` | ${r.ms.toFixed(1)} |`),
    '',
  ]);
}

const kib = (n: number) => (n / 1024).toFixed(1);
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const num = (n: number) => (Number.isFinite(n) ? (Number.isInteger(n) ? String(n) : n.toFixed(1)) : '—');
const range = (s: Spread, f: (n: number) => string) => (s.n ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : '—');
const signed = (f: (n: number) => string) => (n: number) => (n > 0 ? `+${f(n)}` : f(n));
const ratio = (s: Spread | null) =>
  s ? `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : '— (peer 0)';

const FORMAT: Record<Metric, { name: string; f: (n: number) => string }> = {
  firstLayerMs: { name: 'first layer visible, ms', f: ms },
  longTasks: { name: 'long tasks', f: num },
  longTasksBeforeFirstLayer: { name: 'long tasks before the first layer', f: num },
  tbtMs: { name: 'total blocking time, ms', f: ms },
  scriptMs: { name: 'script time, ms', f: ms },
  bytes: { name: 'transferred, KiB', f: kib },
  bytesBeforeFirstLayer: { name: 'transferred before the first layer, KiB', f: kib },
  requests: { name: 'requests', f: num },
  requestsBeforeFirstLayer: { name: 'requests before the first layer', f: num },
};

const triple = (s: Size) => `${kib(s.min)} / ${kib(s.gzip)} / ${kib(s.brotli)}`;

function sizeTable(rows: SizeRow[]): string[] {
  return [
    '| | version | first load min / gzip / brotli | new visitor, first layer shown | whole min / gzip / brotli |',
    '|---|---|---:|---:|---:|',
    ...rows.map(
      (r) => `| ${r.label} | ${r.version} | ${triple(r.firstLoad)} | ${triple(r.newVisitor)} | ${triple(r.whole)} |`,
    ),
  ];
}

function loadTables(s: LoadSummary): string[] {
  const metrics = Object.keys(FORMAT) as Metric[];
  return [
    `**CPU ${s.cpuRate}×** — median (min–max) over ${s.rows[0]?.metrics.firstLayerMs.n ?? 0} runs`,
    '',
    `| | ${metrics.map((m) => FORMAT[m].name).join(' | ')} |`,
    `|---|${metrics.map(() => '---:').join('|')}|`,
    ...s.rows.map((r) => {
      const missing = r.metrics.bytes.n - r.metrics.firstLayerMs.n;
      const label = missing > 0 ? `${r.label} (first layer missing in ${missing} runs)` : r.label;
      return `| ${label} | ${metrics.map((m) => range(r.metrics[m], FORMAT[m].f)).join(' | ')} |`;
    }),
    '',
    `| ours at CPU ${s.cpuRate}× | added over the bare page | ${s.ratios.map((r) => `÷ ${r.label}`).join(' | ')} |`,
    `|---|---:|${s.ratios.map(() => '---:').join('|')}|`,
    ...metrics.map(
      (m) =>
        `| ${FORMAT[m].name} | ${range(s.added[m], signed(FORMAT[m].f))} | ${s.ratios.map((r) => ratio(r.metrics[m])).join(' | ')} |`,
    ),
    '',
    `Where our first layer's time goes at CPU ${s.cpuRate}× (median ms from navigation start, fetch start to response end):`,
    '',
    '| step | start | end |',
    '|---|---:|---:|',
    ...s.waterfall.map((w) => `| \`${w.step}\` | ${ms(w.start)} | ${ms(w.end)} |`),
  ];
}

function returningTable(samples: ReturningSample[], cpuRates: number[]): string[] {
  return [
    '| CPU | state readable via `TwikitPrivacy.get`, ms | after the script started, ms | server answer (`GET /v1/consents`) done, ms | launcher visible, ms | click → panel interactive, ms | state before the server answered |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...cpuRates.map((cpuRate) => {
      const mine = samples.filter((s) => s.cpuRate === cpuRate);
      const early = mine.filter((s) => s.stateMs < s.serverMs).length;
      const col = (k: keyof ReturningSample) => range(spread(mine.map((s) => s[k])), ms);
      const after = range(spread(mine.map((s) => s.stateMs - s.scriptStartMs)), ms);
      return `| ${cpuRate}× | ${col('stateMs')} | ${after} | ${col('serverMs')} | ${col('launcherMs')} | ${col('clickMs')} | ${early} of ${mine.length} |`;
    }),
  ];
}

function apiTable(api: ApiLoadOutcome): string[] {
  return [
    '| database | scenario | endpoint | requests/s | p50 ms | p99 ms | requests | failures |',
    '|---|---|---|---:|---:|---:|---:|---:|',
    ...api.results.map(
      (r) =>
        `| ${r.database} | ${r.scenario} | \`${r.endpoint}\` | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms} | ${r.p99Ms} | ${r.requests} | ${r.failures} |`,
    ),
    ...api.skipped.map((s) => `| ${s.database} | not measured | ${s.reason} | | | | | |`),
    ...pgbenchRow(api),
    '',
    ...api.writePaths.map(
      (w) =>
        `One consent write on ${w.database} sends ${w.statements} statements (round trips), ${w.transactions} transaction (\`npx tsx bench/write-path.ts ${w.database} --sql\` lists them).`,
    ),
    '',
    ...serverGoals(api),
    `Load average (1 min) on this machine: ${api.loadAverage.before.toFixed(1)} before these rows, ${api.loadAverage.after.toFixed(1)} after.`,
  ];
}

const isRun = (p: ApiLoadOutcome['pgbench']): p is Exclude<ApiLoadOutcome['pgbench'], { skipped: string } | null> =>
  p !== null && !('skipped' in p);

function pgbenchRow(api: ApiLoadOutcome): string[] {
  const p = api.pgbench;
  if (p === null) return [];
  if (!isRun(p)) return [`| postgres | the same statements, pgbench | not measured: ${p.skipped} | | | | | |`];
  return [
    `| postgres | the same statements, pgbench (\`-M prepared\`, ${p.connections} clients) | transactions | ${p.transactionsPerSecond.toFixed(0)} | ${p.p50Ms.toFixed(1)} | ${p.p99Ms.toFixed(1)} | ${p.transactions} | ${p.failures} |`,
  ];
}

/** Issue 16, point 5: the server's goals, met or not, and by how much. */
export const WRITES_GOAL = { perSecond: 1500, p99Ms: 50 };
export const STARTUP_GOAL_MS = 1000;

function serverGoals(api: ApiLoadOutcome): string[] {
  const writes = api.results.find((r) => r.database === 'postgres' && r.scenario === 'consent writes');
  const lines: string[] = [];
  if (writes) {
    const met = writes.requestsPerSecond >= WRITES_GOAL.perSecond && writes.p99Ms < WRITES_GOAL.p99Ms;
    const rate = writes.requestsPerSecond / WRITES_GOAL.perSecond;
    const ofDb = isRun(api.pgbench)
      ? `; ${((100 * writes.requestsPerSecond) / api.pgbench.transactionsPerSecond).toFixed(0)} % of what pgbench drives through the same statements (${api.pgbench.transactionsPerSecond.toFixed(0)}/s)`
      : '';
    lines.push(
      `Goal, consent writes on PostgreSQL ≥ ${WRITES_GOAL.perSecond.toLocaleString('en')}/s with p99 < ${WRITES_GOAL.p99Ms} ms: ${met ? 'met' : '**not met**'} — ` +
        `${writes.requestsPerSecond.toFixed(0)}/s (${(rate * 100).toFixed(0)} % of the goal), p99 ${writes.p99Ms} ms${ofDb}.`,
    );
  }
  if (api.startup) {
    const sorted = [...api.startup.samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const worst = sorted.at(-1)!;
    lines.push(
      `Goal, PGlite answers within ${STARTUP_GOAL_MS / 1000} s of start on an existing data folder: ${worst <= STARTUP_GOAL_MS ? 'met' : median <= STARTUP_GOAL_MS ? '**not met** in every start' : '**not met**'} — ` +
        `median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms over ${sorted.length} starts (listening after a median ${[...api.startup.listening].sort((a, b) => a - b)[Math.floor(sorted.length / 2)]!.toFixed(0)} ms).`,
    );
  }
  return lines.flatMap((l) => [l, '']);
}

function scaleTable(s: ScaleOutcome): string[] {
  const worst = Math.max(...s.rows.map((r) => r.ratioP50));
  return [
    `Loaded: ${s.sizes.subjects.toLocaleString('en')} subjects, ${s.sizes.records.toLocaleString('en')} consent records, ${s.sizes.requests.toLocaleString('en')} requests ` +
      `(written by SQL in ${s.loadSeconds.toFixed(0)} s). Empty: only enough rows for every list measured to fill its first page (2,000 requests). ${s.calls} calls each, one at a time, alternating between the two servers.`,
    '',
    '| call | who | empty p50 / p99 ms | loaded p50 / p99 ms | loaded ÷ empty, p50 | p99 | failures |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...s.rows.map(
      (r) =>
        `| \`${r.call}\` | ${r.who} | ${r.empty.p50Ms.toFixed(2)} / ${r.empty.p99Ms.toFixed(2)} | ${r.loaded.p50Ms.toFixed(2)} / ${r.loaded.p99Ms.toFixed(2)} | ${r.ratioP50.toFixed(2)}× | ${r.ratioP99.toFixed(2)}× | ${r.failures} |`,
    ),
    '',
    `Goal: every p50 ratio under ${SCALE_GOAL}× — ${worst < SCALE_GOAL ? 'met' : '**not met**'} (worst ${worst.toFixed(2)}×).`,
  ];
}

/** The whole report as markdown. */
export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    `Measured ${r.date} on ${m.cores} cores, ${m.memoryGiB} GiB, Chromium ${m.chromium ?? '(not launched)'}, Node ${m.node}; ` +
      `${r.settings.runs} runs per target and CPU rate; served over local HTTP with ${r.settings.encodings.join('/') || 'compression'}.`,
    '',
    '#### Size (KiB)',
    '',
    ...(r.sizes ? sizeTable(r.sizes) : ['not measured in this run']),
    '',
    '#### Page load, new user',
    '',
    ...(r.pageLoad ? r.pageLoad.summaries.flatMap((s) => [...loadTables(s), '']) : ['not measured in this run', '']),
    '#### Returning user (ours, from the IndexedDB cache)',
    '',
    ...(r.returning ? returningTable(r.returning, r.settings.cpuRates) : ['not measured in this run']),
    '',
    '#### Extension popup',
    '',
    ...(r.extension
      ? [
          'Signed in, the popup page opened at popup size; interactive = the first frame with the view switcher rendered.',
          '',
          '| CPU | popup open → interactive, ms (cache filled) |',
          '|---|---:|',
          ...r.extension.popupInteractive.map((p) => `| ${p.cpuRate}× | ${range(p.spread, ms)} |`),
          '',
          `First open on a fresh profile (nothing cached yet), 1×: ${ms(r.extension.firstOpenMs)} ms.`,
        ]
      : ['not measured in this run']),
    '',
    `#### Reference server (autocannon, ${r.settings.apiConnections} connections, ${r.settings.apiSeconds} s per row)`,
    '',
    ...(r.api ? apiTable(r.api) : ['not measured in this run']),
    '',
    '#### Reference server at scale (PostgreSQL)',
    '',
    ...(r.scale ? scaleTable(r.scale) : ['not measured in this run']),
    '',
    '#### Issue 16 goals',
    '',
    '| goal | met | by how much |',
    '|---|---|---|',
    ...issue16Goals(r.sizes, r.pageLoad?.summaries ?? null, r.returning).map(
      (g) => `| ${g.goal} | ${g.met ? 'yes' : '**no**'} | ${g.behind.join('; ')} |`,
    ),
    '',
    ...(r.profile ? profileTables(r.profile) : []),
    '#### Earlier goals',
    '',
    '| goal | met | where we are not ahead |',
    '|---|---|---|',
    ...goals(r.sizes, r.pageLoad?.summaries ?? null).map(
      (g) => `| ${g.goal} | ${g.met ? 'yes' : '**no**'} | ${g.behind.join('; ')} |`,
    ),
  ];
  return `${out.join('\n')}\n`;
}
