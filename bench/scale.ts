// Does a person's call, or the operator list, cost more when the service is big? The same calls, one at a
// time, against two PostgreSQL databases of the bench's own: "empty" (only enough bulk rows that every
// list fills its first page, so both sides return as much) and "loaded" (BENCH_SCALE_* rows, by default 1,000,000 subjects,
// 10,000,000 consent records and 500,000 requests, written by SQL). The calls alternate between the two
// servers, so drift on a shared machine hits both alike. Goal: loaded / empty p50 under 1.5× for every call.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/db/open.ts';
import { hostToken } from '../test/server/harness.ts';
import { BENCH_HOST_SECRET, startApiChild, type ApiChild } from './api-child.ts';
import { createBenchDatabase, type BenchDatabase } from './database.ts';
import { loadScaleData, type ScaleSizes } from './scale-data.ts';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
export const SCALE_GOAL = 1.5;

// The baseline: the same generator with just enough rows that every list measured fills its first page
// (status, type, open and a 30-day due range each match 100+ of 2,000 requests), so both sides return as much.
const EMPTY_SIZES: ScaleSizes = { subjects: 200, records: 2_000, requests: 2_000 };

export interface ScaleRow {
  call: string;
  who: 'device' | 'person' | 'operator';
  empty: { p50Ms: number; p99Ms: number };
  loaded: { p50Ms: number; p99Ms: number };
  ratioP50: number;
  ratioP99: number;
  failures: number;
}

export interface ScaleOutcome {
  sizes: ScaleSizes;
  calls: number;
  loadSeconds: number;
  rows: ScaleRow[];
}

interface Actors {
  device: string;
  person: string;
  requestId: string;
  exportId: string;
  operatorNext: string;
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function call(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** A device with 10 decisions and a person with 10 decisions, three open requests and a completed access request. */
async function seedActors(base: string, noticeVersion: string, tag: string): Promise<Actors> {
  const device = (
    (await (
      await fetch(`${base}/v1/auth/device`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { token: string }
  ).token;
  const person = await hostToken(`bench-scale-${tag}`, { secret: BENCH_HOST_SECRET, expiresIn: '6h' });
  const decision = (i: number) => ({
    purpose: 'third_party_sharing',
    decision: i % 2 ? 'deny' : 'grant',
    method: 'ui',
    control: 'toggle',
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion,
    locale: 'en',
  });
  for (let i = 0; i < 10; i++) {
    await call(base, 'POST', '/v1/consents', device, decision(i));
    await call(base, 'POST', '/v1/consents', person, decision(i));
  }
  const file = async (body: unknown) =>
    (await (await call(base, 'POST', '/v1/requests', person, body, { 'idempotency-key': randomUUID() })).json()) as {
      id: string;
    };
  let requestId = '';
  for (let i = 0; i < 3; i++)
    requestId = (
      await file({
        type: 'rectification',
        field: 'name',
        correction: `Name ${i}`,
        locale: 'en',
        surface: { kind: 'api' },
      })
    ).id;
  const exportId = (await file({ type: 'access', locale: 'en', surface: { kind: 'api' } })).id;
  const first = (await (await call(base, 'GET', '/v1/admin/requests', BENCH_ADMIN_TOKEN)).json()) as {
    next: string | null;
  };
  return { device, person, requestId, exportId, operatorNext: first.next ?? '' };
}

/** The calls measured: each person's own calls and the operator list with its filters and a next page. */
function callsOf(
  a: Actors,
  noticeVersion: string,
): Array<{ call: string; who: ScaleRow['who']; run: (base: string, i: number) => Promise<Response> }> {
  const flip = (i: number) => ({
    purpose: 'telemetry',
    decision: i % 2 ? 'withdraw-objection' : 'object',
    method: 'ui',
    control: 'toggle',
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion,
    locale: 'en',
  });
  return [
    { call: 'GET /v1/consents', who: 'device', run: (b) => call(b, 'GET', '/v1/consents', a.device) },
    {
      call: 'POST /v1/consents',
      who: 'device',
      run: (b, i) => call(b, 'POST', '/v1/consents', a.device, flip(i), { 'idempotency-key': randomUUID() }),
    },
    { call: 'GET /v1/consents/history', who: 'device', run: (b) => call(b, 'GET', '/v1/consents/history', a.device) },
    {
      call: 'GET /v1/consents (Sec-GPC: 1)',
      who: 'person',
      run: (b) => call(b, 'GET', '/v1/consents', a.person, undefined, { 'sec-gpc': '1' }),
    },
    { call: 'GET /v1/me', who: 'person', run: (b) => call(b, 'GET', '/v1/me', a.person) },
    { call: 'GET /v1/requests', who: 'person', run: (b) => call(b, 'GET', '/v1/requests', a.person) },
    {
      call: 'GET /v1/requests/{id}',
      who: 'person',
      run: (b) => call(b, 'GET', `/v1/requests/${a.requestId}`, a.person),
    },
    {
      call: 'GET /v1/requests/{id}/export',
      who: 'person',
      run: (b) => call(b, 'GET', `/v1/requests/${a.exportId}/export`, a.person),
    },
    {
      call: 'GET /v1/admin/requests',
      who: 'operator',
      run: (b) => call(b, 'GET', '/v1/admin/requests', BENCH_ADMIN_TOKEN),
    },
    {
      call: 'GET /v1/admin/requests?status=received',
      who: 'operator',
      run: (b) => call(b, 'GET', '/v1/admin/requests?status=received', BENCH_ADMIN_TOKEN),
    },
    {
      call: 'GET /v1/admin/requests?open=true&type=access',
      who: 'operator',
      run: (b) => call(b, 'GET', '/v1/admin/requests?open=true&type=access', BENCH_ADMIN_TOKEN),
    },
    {
      call: 'GET /v1/admin/requests?dueAfter=…&dueBefore=…',
      who: 'operator',
      run: (b) =>
        call(b, 'GET', `/v1/admin/requests?dueAfter=${dayFromNow(30)}&dueBefore=${dayFromNow(60)}`, BENCH_ADMIN_TOKEN),
    },
    {
      call: 'GET /v1/admin/requests (next page)',
      who: 'operator',
      run: (b) => call(b, 'GET', `/v1/admin/requests?cursor=${a.operatorNext}`, BENCH_ADMIN_TOKEN),
    },
  ];
}

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function migratedAndLoaded(
  database: BenchDatabase,
  sizes: ScaleSizes,
  noticeVersion: string,
  log: (line: string) => void,
): Promise<void> {
  const db = await openDatabase({ databaseUrl: database.env.DATABASE_URL });
  try {
    await loadScaleData(db, sizes, noticeVersion, log);
  } finally {
    await db.close();
  }
}

export async function runScale(
  options: { sizes: ScaleSizes; calls: number; pgAdminUrl: string },
  log: (line: string) => void,
): Promise<ScaleOutcome> {
  const empty = await createBenchDatabase('postgres', options.pgAdminUrl);
  const loaded = await createBenchDatabase('postgres', options.pgAdminUrl);
  const apis: ApiChild[] = [];
  try {
    // The notice version the seed publishes; the bulk records name it like real ones would.
    const probe = await startApiChild(empty.env);
    apis.push(probe);
    const noticeVersion = ((await (await fetch(`${probe.url}/v1/notice/version`)).json()) as { version: string })
      .version;
    log(
      `  baseline database: ${EMPTY_SIZES.requests.toLocaleString('en')} requests, enough for every measured list to fill its first page…`,
    );
    await migratedAndLoaded(empty, EMPTY_SIZES, noticeVersion, () => undefined);
    log(
      `  loaded database: ${options.sizes.subjects.toLocaleString('en')} subjects, ${options.sizes.records.toLocaleString('en')} consent records, ${options.sizes.requests.toLocaleString('en')} requests…`,
    );
    const started = Date.now();
    await migratedAndLoaded(loaded, options.sizes, noticeVersion, log);
    const loadSeconds = (Date.now() - started) / 1000;
    const big = await startApiChild(loaded.env);
    apis.push(big);
    const servers = [
      { name: 'empty' as const, url: probe.url },
      { name: 'loaded' as const, url: big.url },
    ];
    const actors = {
      empty: await seedActors(probe.url, noticeVersion, 'empty'),
      loaded: await seedActors(big.url, noticeVersion, 'loaded'),
    };
    const rows: ScaleRow[] = [];
    for (const name of callsOf(actors.empty, noticeVersion).map((c) => c.call)) {
      const per = {
        empty: callsOf(actors.empty, noticeVersion).find((c) => c.call === name)!,
        loaded: callsOf(actors.loaded, noticeVersion).find((c) => c.call === name)!,
      };
      const times: Record<'empty' | 'loaded', number[]> = { empty: [], loaded: [] };
      let failures = 0;
      const warmup = 20;
      for (let i = 0; i < options.calls + warmup; i++) {
        // Alternate which server goes first, so neither always follows the other.
        for (const server of i % 2 ? servers : [...servers].reverse()) {
          const t0 = performance.now();
          const response = await per[server.name].run(server.url, i);
          await response.arrayBuffer();
          const ms = performance.now() - t0;
          if (!response.ok) failures++;
          if (i >= warmup) times[server.name].push(ms);
        }
      }
      const sorted = { empty: times.empty.sort((a, b) => a - b), loaded: times.loaded.sort((a, b) => a - b) };
      const e = { p50Ms: quantile(sorted.empty, 0.5), p99Ms: quantile(sorted.empty, 0.99) };
      const l = { p50Ms: quantile(sorted.loaded, 0.5), p99Ms: quantile(sorted.loaded, 0.99) };
      const row: ScaleRow = {
        call: name,
        who: per.empty.who,
        empty: e,
        loaded: l,
        ratioP50: l.p50Ms / e.p50Ms,
        ratioP99: l.p99Ms / e.p99Ms,
        failures,
      };
      rows.push(row);
      log(
        `  ${name}: empty p50 ${e.p50Ms.toFixed(2)} / p99 ${e.p99Ms.toFixed(2)} ms, loaded p50 ${l.p50Ms.toFixed(2)} / p99 ${l.p99Ms.toFixed(2)} ms, ${row.ratioP50.toFixed(2)}×${failures ? `, ${failures} failures` : ''}`,
      );
    }
    return { sizes: options.sizes, calls: options.calls, loadSeconds, rows };
  } finally {
    await Promise.allSettled(apis.map((a) => a.stop()));
    await Promise.allSettled([empty.dispose(), loaded.dispose()]);
  }
}
