import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Sql } from '../../server/db/database.ts';
import { createDevice, userForHostSubject } from '../../server/identity/sessions.ts';
import {
  ADMIN_TOKEN,
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';

/**
 * "Costs the same with 10 or 100,000 records", proven without a stopwatch: with 100,000 consent records on
 * one subject and 100,000 requests on one person (loaded by SQL), every statement a call runs is replayed
 * under EXPLAIN ANALYZE and must examine a bounded number of rows of the big tables. Rows examined, not
 * the plan's shape, is the measure: a sequential scan the planner stops after 16 rows under a LIMIT is as
 * cheap as an index (it picks one when every row matches), while a sort of the whole table is not.
 */
const BIG = 100_000;
const BIG_TABLES = new Set(['consent_records', 'rights_requests', 'request_events']);

interface Statement {
  text: string;
  params: readonly unknown[];
}

/** Routes read `deps.db` on every call, so swapping it records every statement the next calls run. */
function recordStatements(server: TestServer): { statements: Statement[]; stop(): void } {
  const db = server.deps.db;
  const statements: Statement[] = [];
  const wrap = <S extends Sql>(sql: S): Sql => ({
    query: (text, params) => {
      statements.push({ text, params: params ?? [] });
      return sql.query(text, params);
    },
    exec: (text) => sql.exec(text),
  });
  const recording: Database = {
    ...wrap(db),
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
  server.deps.db = recording;
  return { statements, stop: () => void (server.deps.db = db) };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}

/** Rows each big table's scans examined (returned, filtered out or fetched), and any sequential scan of one. */
function rowsRead(node: PlanNode, into = { rows: 0, seqScans: [] as string[] }) {
  if (node['Relation Name'] && BIG_TABLES.has(node['Relation Name'])) {
    if (node['Node Type'] === 'Seq Scan') into.seqScans.push(node['Relation Name']);
    const perLoop =
      (node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
    into.rows += perLoop * (node['Actual Loops'] ?? 1);
  }
  for (const child of node.Plans ?? []) rowsRead(child, into);
  return into;
}

/** Replays `statements` under EXPLAIN ANALYZE in a transaction that is rolled back (writes leave nothing). */
async function explainAll(db: Database, statements: readonly Statement[]) {
  const results: Array<{ text: string; rows: number; seqScans: string[] }> = [];
  const rollback = new Error('rollback');
  await db
    .transaction(async (tx) => {
      for (const { text, params } of statements) {
        if (!/^\s*(select|with|update|delete)\b/i.test(text) || /pg_advisory|set_config/.test(text)) continue;
        const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`explain (analyze, format json) ${text}`, params);
        const raw = row!['QUERY PLAN'];
        const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
        results.push({ text: text.replace(/\s+/g, ' ').slice(0, 160), ...rowsRead(plan[0]!.Plan) });
      }
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return results;
}

let server: TestServer;
let api: Client;
let device: { token: string; subjectId: string };
let person: string;
let noticeVersion: string;

beforeAll(async () => {
  server = await startTestServer();
  api = client(server.url);
  // Set up through the services, not HTTP: PGlite's bulk load below blocks this process for seconds, and a
  // kept-alive connection the server times out meanwhile would be reset under the first call after it.
  noticeVersion = server.deps.notices.current('en').notice.version;
  device = await createDevice(server.deps.db, undefined, 30, server.clock.now());
  const sub = `scale-${newKey()}`;
  person = await hostToken(sub);
  const me = (
    await userForHostSubject(
      server.deps.db,
      { sub, email: undefined, iat: Math.floor(server.clock.now().getTime() / 1000) },
      server.clock.now(),
    )
  ).id;
  const db = server.deps.db;
  await db.query(
    `insert into consent_records (id, subject_id, subject_kind, purpose, event, active, legal_basis, special_category, method, gpc, surface,
       control, locale, notice_version, notice_hash, recorded_at, prev_hash, hash)
     select gen_random_uuid(), $1, 'device', (array['biometric_scans', 'third_party_sharing', 'telemetry'])[1 + i % 3],
       case when i % 2 = 0 then 'given' else 'withdrawn' end, i % 2 = 0, 'consent', false, 'ui', false, '{"kind":"api"}'::jsonb,
       null, 'en', $2, 'x', now() - make_interval(secs => $3 - i), md5((i - 1)::text), md5(i::text)
     from generate_series(1, $3) as i`,
    [device.subjectId, noticeVersion, BIG],
  );
  await db.query(
    `insert into rights_requests (id, user_id, type, status, input, received_at, due_at, original_due_at, updated_at)
     select gen_random_uuid(), $1,
       (array['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection'])[1 + i % 6],
       (array['received', 'verifying', 'in_progress', 'extended', 'completed', 'rejected', 'cancelled'])[1 + i % 7],
       '{}'::jsonb, now() - make_interval(secs => i), date '2026-01-01' + (i % 400), date '2026-01-01' + (i % 400), now()
     from generate_series(1, $2) as i`,
    [me, BIG],
  );
  await db.query(
    `insert into request_events (request_id, from_status, to_status, actor, actor_id, reason, at)
    select id, null, 'received', 'user', user_id::text, null, received_at from rights_requests where user_id = $1`,
    [me],
  );
  // The steady state autovacuum keeps a table in: statistics and a visibility map (index-only counts).
  await db.query('vacuum analyze');
}, 180_000);
afterAll(async () => server?.stop());

async function expectBounded(calls: () => Promise<unknown>, maxRows: number) {
  const recording = recordStatements(server);
  try {
    await calls();
  } finally {
    recording.stop();
  }
  expect(recording.statements.length).toBeGreaterThan(0);
  const results = await explainAll(server.deps.db, recording.statements);
  if (process.env.SHOW_PLANS) for (const r of results) console.log(r.rows, r.seqScans.join(','), r.text);
  for (const result of results) {
    expect(result.rows, result.text).toBeLessThanOrEqual(maxRows);
  }
  return results;
}

describe(`with ${BIG.toLocaleString('en')} records (${DB_KIND})`, () => {
  it("a subject's state, decision, GPC and history pages read a bounded number of its records, by index", async () => {
    const results = await expectBounded(
      async () => {
        expect((await api.get('/v1/consents', { token: device.token })).status).toBe(200);
        const decided = await api.post(
          '/v1/consents',
          {
            purpose: 'telemetry',
            decision: 'object',
            method: 'ui',
            surface: { kind: 'api' },
            noticeVersion,
            locale: 'en',
          },
          { token: device.token },
        );
        expect(decided.status, decided.text).toBe(201);
        // The chain goes on from the newest record: its last hash was found without reading the others.
        expect(decided.body.record.prevHash).toBe(await lastHashBefore(decided.body.record.id));
        expect((await api.get('/v1/consents', { token: device.token, headers: { 'sec-gpc': '1' } })).status).toBe(200);
        const first = await api.get('/v1/consents/history', { token: device.token });
        expect(first.body.records).toHaveLength(100);
        const second = await api.get(`/v1/consents/history?limit=500&cursor=${first.body.next}`, {
          token: device.token,
        });
        expect(second.body.records).toHaveLength(500);
      },
      2 * 500 + 10,
    );
    expect(results.some((r) => /consent_records/.test(r.text))).toBe(true);
  });

  it("a person's request list and a new request read a bounded number of their 100,000 requests", async () => {
    await expectBounded(
      async () => {
        const page = await api.get('/v1/requests?limit=20', { token: person });
        expect(page.body.requests).toHaveLength(20);
        expect((await api.get(`/v1/requests?cursor=${page.body.next}`, { token: person })).body.requests).toHaveLength(
          50,
        );
        const refused = await api.post('/v1/requests', requestBodies.restriction, {
          token: person,
          headers: { 'idempotency-key': newKey() },
        });
        expect(refused.status).toBe(409); // far over the open-request cap, found by counting only up to it
      },
      2 * 50 + 20,
    );
  });

  it('the operator list, with each filter it offers and the next page, reads through an index and counts at most 1,001 rows', async () => {
    const admin = { token: ADMIN_TOKEN };
    await expectBounded(async () => {
      const filters = [
        '',
        'status=received',
        'type=erasure',
        'open=true',
        'open=false',
        'dueBefore=2026-03-01',
        'dueAfter=2026-12-01',
        'status=extended&type=access&dueAfter=2026-06-01&dueBefore=2026-09-01',
        'open=true&type=objection&dueAfter=2026-02-01',
        'open=false&type=portability&dueBefore=2026-12-01',
      ];
      for (const filter of filters) {
        const res = await api.get(`/v1/admin/requests?${filter}`, admin);
        expect(res.status, res.text).toBe(200);
        expect(res.body.requests.length).toBeGreaterThan(0);
        const next = await api.get(`/v1/admin/requests?${filter}${filter ? '&' : ''}cursor=${res.body.next}`, admin);
        expect(next.status, next.text).toBe(200);
      }
    }, 1_001 + 10);
  });
});

async function lastHashBefore(id: string): Promise<string> {
  const [row] = await server.deps.db.query<{ hash: string }>(
    'select hash from consent_records where subject_id = $1 and seq < (select seq from consent_records where id = $2) order by seq desc limit 1',
    [device.subjectId, id],
  );
  return row!.hash;
}
