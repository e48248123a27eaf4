// The reference server under load (autocannon): consent writes (POST /v1/consents, as the widget sends them,
// with an Idempotency-Key) and request reads (GET /v1/requests/{id}), each spread over many people so no one
// subject's hash chain serialises the writes. The server runs in its own process (bench/api-process.ts),
// once on PGlite and once on PostgreSQL, each on a database of its own that is removed afterwards.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon, { type Request as LoadRequest } from 'autocannon';
import { hostToken } from '../test/server/harness.ts';
import { BENCH_HOST_SECRET, startApiChild } from './api-child.ts';
import { createBenchDatabase, type DatabaseKind } from './database.ts';
import { findPgbench, type PgbenchResult, runPgbench } from './pgbench.ts';
import { measureStartup, type StartupResult } from './startup.ts';
import { captureWritePath } from './write-path.ts';

export interface ApiResult {
  database: DatabaseKind;
  scenario: 'consent writes' | 'request reads';
  endpoint: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, errors and timeouts: any of these makes the row suspect. */
  failures: number;
}

/** What one consent write sends to the database (bench/write-path.ts). */
export interface WritePathCount {
  database: DatabaseKind;
  statements: number;
  transactions: number;
}

export interface ApiLoadOutcome {
  results: ApiResult[];
  writePaths: WritePathCount[];
  /** The captured write under pgbench on the same PostgreSQL database, or why it was not run. */
  pgbench: (PgbenchResult & { connections: number; seconds: number }) | { skipped: string } | null;
  /** PGlite: process start → first answer on the data folder the load wrote. */
  startup: StartupResult | null;
  /** The machine's 1-minute load average before and after (the machine may be shared: read the figures with it). */
  loadAverage: { before: number; after: number };
  /** Databases that could not be measured, and why (e.g. no PostgreSQL on this machine). */
  skipped: Array<{ database: DatabaseKind; reason: string }>;
}

const PEOPLE = 50;

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** `PEOPLE` device tokens (for consents) and `PEOPLE` signed-in people with one access request each (for reads). */
async function seed(apiUrl: string) {
  const notice = (await (await fetch(`${apiUrl}/v1/notice`)).json()) as { notice: { version: string } };
  const devices = await Promise.all(
    Array.from({ length: PEOPLE }, () => post<{ token: string }>(`${apiUrl}/v1/auth/device`, {}).then((r) => r.token)),
  );
  const readers = await Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => {
      const token = await hostToken(`bench-reader-${i}`, { secret: BENCH_HOST_SECRET, expiresIn: '2h' });
      const request = await post<{ id: string }>(
        `${apiUrl}/v1/requests`,
        { type: 'access', locale: 'en', surface: { kind: 'widget', app: 'twikfit' } },
        {
          authorization: `Bearer ${token}`,
          'idempotency-key': randomUUID(),
        },
      );
      return { token, id: request.id };
    }),
  );
  return { noticeVersion: notice.notice.version, devices, readers };
}

/** Round-robin over people; each device flips its sharing consent, so every write is a real change. */
function scenarios(data: Awaited<ReturnType<typeof seed>>) {
  let write = 0;
  let read = 0;
  return {
    'consent writes': {
      endpoint: 'POST /v1/consents',
      request: (): LoadRequest => {
        const n = write++;
        return {
          method: 'POST',
          path: '/v1/consents',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${data.devices[n % PEOPLE]}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({
            purpose: 'third_party_sharing',
            decision: Math.floor(n / PEOPLE) % 2 ? 'deny' : 'grant',
            method: 'ui',
            control: 'toggle',
            surface: { kind: 'widget', app: 'twikfit' },
            noticeVersion: data.noticeVersion,
            locale: 'en',
          }),
        };
      },
    },
    'request reads': {
      endpoint: 'GET /v1/requests/{id}',
      request: (): LoadRequest => {
        const reader = data.readers[read++ % PEOPLE]!;
        return {
          method: 'GET',
          path: `/v1/requests/${reader.id}`,
          headers: { authorization: `Bearer ${reader.token}` },
        };
      },
    },
  } as const;
}

async function load(url: string, seconds: number, connections: number, next: () => LoadRequest) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
}

/** Both scenarios on each database in `databases`; a database that cannot be created is reported, not fatal. */
export async function runApiLoad(
  options: {
    databases: DatabaseKind[];
    seconds: number;
    connections: number;
    pgAdminUrl: string;
    startupRuns?: number;
  },
  log: (line: string) => void,
): Promise<ApiLoadOutcome> {
  const outcome: ApiLoadOutcome = {
    results: [],
    writePaths: [],
    pgbench: null,
    startup: null,
    loadAverage: { before: loadavg()[0]!, after: 0 },
    skipped: [],
  };
  for (const kind of options.databases) {
    const database = await createBenchDatabase(kind, options.pgAdminUrl).catch((error: unknown) => {
      outcome.skipped.push({ database: kind, reason: error instanceof Error ? error.message : String(error) });
      return null;
    });
    if (!database) continue;
    try {
      const api = await startApiChild(database.env);
      let devices: string[] = [];
      try {
        const data = await seed(api.url);
        devices = data.devices;
        const all = scenarios(data);
        for (const [scenario, { endpoint, request }] of Object.entries(all) as Array<
          [ApiResult['scenario'], (typeof all)[keyof typeof all]]
        >) {
          await load(api.url, 1, options.connections, request); // warm-up: JIT, connection pool, caches
          const r = await load(api.url, options.seconds, options.connections, request);
          outcome.results.push({
            database: kind,
            scenario,
            endpoint,
            requestsPerSecond: r.requests.average,
            p50Ms: r.latency.p50,
            p99Ms: r.latency.p99,
            requests: r.requests.total,
            failures: r.non2xx + r.errors + r.timeouts,
          });
          log(
            `  ${kind} ${scenario}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
          );
        }
      } finally {
        await api.stop();
      }
      // The write's statements, captured in this process once the server has let go of the database.
      const path = await captureWritePath(kind, database.env);
      outcome.writePaths.push({ database: kind, statements: path.statements, transactions: path.transactions });
      log(`  ${kind}: ${path.statements} statements (${path.transactions} transaction) per consent write`);
      if (kind === 'postgres')
        outcome.pgbench = await pgbenchRow(database.env.DATABASE_URL!, path, devices, options, log);
      if (kind === 'pglite') {
        outcome.startup = await measureStartup(database.env.DATA_DIR!, options.startupRuns ?? 5);
        log(`  pglite start → first answer: ${outcome.startup.samples.map((ms) => Math.round(ms)).join(', ')} ms`);
      }
    } finally {
      await database.dispose();
    }
  }
  outcome.loadAverage.after = loadavg()[0]!;
  return outcome;
}

async function pgbenchRow(
  databaseUrl: string,
  path: Awaited<ReturnType<typeof captureWritePath>>,
  devices: readonly string[],
  options: { seconds: number; connections: number },
  log: (line: string) => void,
): Promise<ApiLoadOutcome['pgbench']> {
  const pgbench = findPgbench();
  if (!pgbench) return { skipped: 'pgbench not found (it comes with the postgresql package)' };
  try {
    const result = await runPgbench(pgbench, databaseUrl, path, devices, options);
    log(
      `  pgbench, the same statements: ${Math.round(result.transactionsPerSecond)} transactions/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`,
    );
    return { ...result, connections: options.connections, seconds: options.seconds };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}
