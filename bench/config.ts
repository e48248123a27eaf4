// What one `npm run bench` does, read once from the environment. The defaults keep a run near five minutes on
// the 2-core bench machine while meeting the floor of 15 runs per target and CPU rate.
import { cpus, totalmem } from 'node:os';

export interface BenchConfig {
  /** Page loads per target and CPU rate (new user), and reloads per CPU rate (returning user). */
  runs: number;
  /** CDP CPU throttling rates to run at. */
  cpuRates: number[];
  /** A page load ends once the network has been idle this long after the first layer showed. */
  quietMs: number;
  /** Seconds of load per reference-server scenario, and its concurrent connections. */
  apiSeconds: number;
  apiConnections: number;
  /** Which reference-server databases to load: PGlite, PostgreSQL. */
  apiDatabases: Array<'pglite' | 'postgres'>;
  /** The PostgreSQL server to create (and drop) the bench database on. */
  pgAdminUrl: string;
  /** Sections to run (all by default): `size,load,returning,extension,api,scale`. */
  sections: Set<Section>;
  /** The scale section: rows loaded into PostgreSQL, and timed calls per endpoint on each database. */
  scale: { subjects: number; records: number; requests: number; calls: number };
}

export type Section = 'size' | 'load' | 'returning' | 'extension' | 'api' | 'scale';
const SECTIONS: Section[] = ['size', 'load', 'returning', 'extension', 'api', 'scale'];

const int = (env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
};

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads BENCH_* variables; every one has a default. */
export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const rates = list(env.BENCH_CPU_RATES).map(Number);
  if (rates.some((r) => !(r >= 1)))
    throw new Error(`BENCH_CPU_RATES must be numbers ≥ 1, got "${env.BENCH_CPU_RATES}"`);
  const sections = list(env.BENCH_ONLY) as Section[];
  const unknown = sections.filter((s) => !SECTIONS.includes(s));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  const databases = list(env.BENCH_API_DBS) as BenchConfig['apiDatabases'];
  return {
    runs: int(env, 'BENCH_RUNS', 15),
    cpuRates: rates.length ? rates : [1, 4],
    quietMs: int(env, 'BENCH_QUIET_MS', 300, 0),
    apiSeconds: int(env, 'BENCH_API_SECONDS', 5),
    apiConnections: int(env, 'BENCH_API_CONNECTIONS', 10),
    apiDatabases: databases.length ? databases : ['pglite', 'postgres'],
    pgAdminUrl: env.BENCH_PG_URL ?? env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    sections: new Set(sections.length ? sections : SECTIONS),
    scale: {
      subjects: int(env, 'BENCH_SCALE_SUBJECTS', 1_000_000),
      records: int(env, 'BENCH_SCALE_RECORDS', 10_000_000),
      requests: int(env, 'BENCH_SCALE_REQUESTS', 500_000),
      calls: int(env, 'BENCH_SCALE_CALLS', 200),
    },
  };
}

/** The machine, as the results name it. */
export interface Machine {
  cores: number;
  memoryGiB: number;
  node: string;
  chromium?: string;
}

export const describeMachine = (): Machine => ({
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
});
