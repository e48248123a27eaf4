import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AdminRequestList, ExportDocument, RightsRequestList } from '../../shared/contract/requests.ts';
import { ConsentHistory } from '../../shared/contract/consent.ts';
import {
  ADMIN_TOKEN,
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestServer,
} from './harness.ts';

const PROBLEMS = 'https://privacy.twikit.com/problems/';
let server: TestServer;
let api: Client;
let noticeVersion: string;
beforeAll(async () => {
  server = await startTestServer({ MAX_OPEN_REQUESTS_PER_PERSON: '3' });
  api = client(server.url);
  noticeVersion = (await api.get('/v1/notice/version')).body.version;
});
afterAll(async () => server?.stop());

const admin = { token: ADMIN_TOKEN, headers: { 'x-operator': 'Dana' } };
const newUser = () => hostToken(`paging-${newKey()}`);
const file = (token: string, body: unknown) =>
  api.post('/v1/requests', body, { token, headers: { 'idempotency-key': newKey() } });
const decide = (
  token: string,
  decision: 'grant' | 'deny',
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  api.post(
    '/v1/consents',
    {
      purpose: 'third_party_sharing',
      decision,
      method: 'ui',
      surface: { kind: 'api' },
      noticeVersion,
      locale: 'en',
      ...extra,
    },
    { token, headers },
  );

/** Follows `next` from `path` and returns every page's body. */
async function pages(path: string, token: string, key: string): Promise<Array<Record<string, any>>> {
  const out: Array<Record<string, any>> = [];
  let next: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: ApiResponse = await api.get(next === null ? path : `${path}${sep}cursor=${encodeURIComponent(next)}`, {
      token,
    });
    expect(res.status, res.text).toBe(200);
    out.push(res.body);
    next = res.body.next;
    expect(out.length).toBeLessThan(50);
  } while (next !== null);
  expect(out.every((body) => Array.isArray(body[key]))).toBe(true);
  return out;
}

function expectBadCursor(res: ApiResponse): void {
  expect(res.status, res.text).toBe(422);
  expect(res.body.type).toBe(`${PROBLEMS}validation-failed`);
  expect(res.body.errors).toEqual([{ pointer: '/query/cursor', reason: expect.any(String) }]);
  expect(res.body.detail).toMatch(/cursor/);
}

describe(`lists page by cursor (${DB_KIND})`, () => {
  it('consent history: a page at a time, oldest first, every record once, next null on the last page', async () => {
    const token = await newUser();
    const written: string[] = [];
    for (let i = 0; i < 7; i++) written.push((await decide(token, i % 2 ? 'deny' : 'grant')).body.record.id);
    const bodies = await pages('/v1/consents/history?limit=3', token, 'records');
    expect(bodies.map((b) => b.records.length)).toEqual([3, 3, 1]);
    expect(bodies.flatMap((b) => b.records.map((r: { id: string }) => r.id))).toEqual(written);
    expect(bodies.every((b) => z.safeParse(ConsentHistory, b).success)).toBe(true);
    // Without a limit: the documented default (100), so a short history is one page.
    expect((await api.get('/v1/consents/history', { token })).body).toMatchObject({
      next: null,
      records: expect.any(Array),
    });
  });

  it('refuses a cursor it did not issue, and a limit above the maximum, with 422 naming the parameter', async () => {
    const token = await newUser();
    expectBadCursor(await api.get('/v1/consents/history?cursor=not-a-cursor!', { token }));
    expectBadCursor(
      await api.get(`/v1/consents/history?cursor=${Buffer.from('["x"]').toString('base64url')}`, { token }),
    );
    const tooMany = await api.get('/v1/consents/history?limit=501', { token });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].pointer).toBe('/query/limit');
    expectBadCursor(await api.get('/v1/requests?cursor=eyJ4Ijox', { token }));
    expectBadCursor(await api.get('/v1/admin/requests?cursor=WzFd', admin));
  });

  it("a person's requests: newest first, a page at a time, none lost or repeated", async () => {
    const token = await newUser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      server.clock.advance(1_000);
      const res = await file(token, requestBodies.access); // completed at once: never open, never capped
      expect(res.status, res.text).toBe(201);
      ids.push(res.body.id);
    }
    const bodies = await pages('/v1/requests?limit=2', token, 'requests');
    expect(bodies.map((b) => b.requests.length)).toEqual([2, 2, 1]);
    expect(bodies.flatMap((b) => b.requests.map((r: { id: string }) => r.id))).toEqual([...ids].reverse());
    expect(bodies.every((b) => z.safeParse(RightsRequestList, b).success)).toBe(true);
  });

  it('a JSON export pages its consent records; the pages join into the whole document', async () => {
    const token = await newUser();
    for (let i = 0; i < 5; i++) await decide(token, i % 2 ? 'deny' : 'grant');
    const filed = await file(token, requestBodies.access);
    const bodies = await pages(`${filed.body.export.href}?limit=2`, token, 'consents');
    expect(bodies.map((b) => b.consents.length)).toEqual([2, 2, 1]);
    expect(bodies.every((b) => z.safeParse(ExportDocument, b).success)).toBe(true);
    const history = (await api.get('/v1/consents/history', { token })).body.records;
    expect(bodies.flatMap((b) => b.consents)).toEqual(history);
    expect(new Set(bodies.map((b) => b.generatedAt)).size).toBe(1);
    expectBadCursor(await api.get(`${filed.body.export.href}?cursor=WzFd`, { token }));
    // CSV stays one file.
    const csv = await api.get(`${filed.body.export.href}?format=csv`, { token });
    expect(csv.text.split('\r\n').filter((line) => /^"consents","\d+\.id"/.test(line)).length).toBe(5);
  });
});

describe(`the operator list (${DB_KIND})`, () => {
  it('filters by open and due after/before, sorts by due date, pages by cursor and counts the matches', async () => {
    const mine: string[] = [];
    // Two on the same day, received an hour apart: the earlier one comes first.
    for (const at of [
      '2030-01-05T09:00',
      '2030-01-03T09:00',
      '2030-01-04T09:00',
      '2030-01-03T10:00',
      '2030-01-06T09:00',
    ]) {
      server.clock.set(`${at}:00.000Z`);
      mine.push((await file(await newUser(), requestBodies.restriction)).body.id);
    }
    // One of them closed: `open=true` leaves it out.
    await api.post(`/v1/admin/requests/${mine[4]}/transitions`, { to: 'rejected', reason: 'Duplicate.' }, admin);
    const filter = 'open=true&dueAfter=2030-02-03&dueBefore=2030-02-06';
    const bodies = await pages(`/v1/admin/requests?${filter}&limit=2`, ADMIN_TOKEN, 'requests');
    const seen = bodies.flatMap((b) => b.requests.map((v: { request: { id: string; dueAt: string } }) => v.request));
    expect(seen.map((r) => r.id)).toEqual([mine[1], mine[3], mine[2], mine[0]]);
    expect(seen.map((r) => r.dueAt)).toEqual(['2030-02-04', '2030-02-04', '2030-02-04', '2030-02-05']);
    expect(bodies.map((b) => [b.total, b.totalExact])).toEqual([
      [4, true],
      [4, true],
    ]);
    expect(bodies.every((b) => z.safeParse(AdminRequestList, b).success)).toBe(true);
    const closed = (await api.get('/v1/admin/requests?open=false&type=restriction&dueAfter=2030-02-01', admin)).body;
    expect(closed.requests.map((v: { request: { id: string } }) => v.request.id)).toEqual([mine[4]]);
  });

  it('says beyond 1,000 matches that the total is an estimate, never fewer than 1,001', async () => {
    const userId = (await server.deps.db.query<{ id: string }>('select id from users limit 1'))[0]!.id;
    await server.deps.db.query(
      `insert into rights_requests (id, user_id, type, status, input, received_at, due_at, original_due_at, updated_at)
       select gen_random_uuid(), $1, 'erasure', 'received', '{}'::jsonb, now(), date '2099-01-01', date '2099-01-01', now()
       from generate_series(1, 1200)`,
      [userId],
    );
    await server.deps.db.query('analyze rights_requests');
    const res = await api.get('/v1/admin/requests?type=erasure&dueAfter=2098-12-31&limit=1', admin);
    expect(res.status, res.text).toBe(200);
    expect(res.body.totalExact).toBe(false);
    expect(res.body.total).toBeGreaterThan(1000);
    expect(res.body.requests).toHaveLength(1);
  });
});

describe(`limits per person (${DB_KIND})`, () => {
  it('caps open requests per person (MAX_OPEN_REQUESTS_PER_PERSON) with a 409 that says why; cancelling frees a place', async () => {
    const token = await newUser();
    const open: string[] = [];
    for (let i = 0; i < 3; i++) open.push((await file(token, requestBodies.rectification)).body.id);
    const refused = await file(token, requestBodies.restriction);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.type).toBe(`${PROBLEMS}conflict`);
    expect(refused.body.detail).toMatch(/3 open requests/);
    expect((await api.get('/v1/requests', { token })).body.requests).toHaveLength(3);
    // Account deletion is never refused, and an answered request frees a place.
    await api.post(`/v1/requests/${open[0]}/cancel`, {}, { token });
    expect((await file(token, requestBodies.restriction)).status).toBe(201);
  });

  it('only the server records method "gpc": without Sec-GPC a client\'s "gpc" is recorded as "api"', async () => {
    const token = await newUser();
    const claimed = await decide(token, 'deny', { method: 'gpc', control: 'gpc' });
    expect(claimed.status, claimed.text).toBe(201);
    expect(claimed.body.record).toMatchObject({ method: 'api', gpc: false, control: 'gpc' });
    expect(
      claimed.body.state.purposes.find((p: { purpose: string }) => p.purpose === 'third_party_sharing'),
    ).toMatchObject({ active: false, byGpc: false });
    const seen = await decide(token, 'deny', { method: 'gpc', control: 'gpc' }, { 'sec-gpc': '1' });
    expect(seen.body.record).toMatchObject({ method: 'gpc', gpc: true });
  });
});

describe(`costly reads weigh more in the rate limit (${DB_KIND})`, () => {
  it('a history page counts 5 calls: with 10 a minute, the third is refused while cheap calls still pass', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '10' });
    try {
      const other = client(limited.url);
      const token = await hostToken(`weights-${newKey()}`);
      expect((await other.get('/v1/consents/history', { token })).status).toBe(200);
      expect((await other.get('/v1/consents/history', { token })).status).toBe(200);
      const third = await other.get('/v1/consents/history', { token });
      expect(third.status).toBe(429);
      expect(third.body.type).toBe(`${PROBLEMS}rate-limited`);
      const cheap = await hostToken(`weights-${newKey()}`);
      for (let i = 0; i < 10; i++) expect((await other.get('/v1/me', { token: cheap })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
