import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ExportDocument, RightsRequest } from '../../shared/contract/requests.ts';
import {
  apiKey,
  client,
  hostToken,
  newKey,
  requestBodies,
  signInByEmail,
  startTestServer,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  server = await startTestServer();
  api = client(server.url);
});
afterAll(async () => server?.stop());

let userCount = 0;
const newUser = async () => hostToken(`requests-user-${++userCount}-${newKey()}`);
const file = (token: string, body: unknown, key = newKey()) =>
  api.post('/v1/requests', body, { token, headers: { 'idempotency-key': key } });
const problemType = (body: { type: string }) => body.type.split('/').pop();

describe('filing a rights request', () => {
  it("answers with the request, its status and its due date, in the contract's shape", async () => {
    const res = await file(await newUser(), requestBodies.rectification);
    expect(res.status, res.text).toBe(201);
    expect(z.safeParse(RightsRequest, res.body).success).toBe(true);
    expect(res.headers.get('location')).toBe(`/v1/requests/${res.body.id}`);
    expect(res.body).toMatchObject({
      type: 'rectification',
      status: 'received',
      receivedAt: server.clock.now().toISOString(),
    });
    expect(res.body.events).toEqual([expect.objectContaining({ from: null, to: 'received', actor: 'user' })]);
  });

  it('never makes a second request for the same Idempotency-Key', async () => {
    const token = await newUser();
    const key = newKey();
    const first = await file(token, requestBodies.restriction, key);
    const again = await file(token, requestBodies.restriction, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await api.get('/v1/requests', { token })).body.requests).toHaveLength(1);
  });

  it('a replay answers with the request as it is now, not as it was when filed', async () => {
    const token = await newUser();
    const key = newKey();
    const first = await file(token, requestBodies.restriction, key);
    const cancelled = await api.post(`/v1/requests/${first.body.id}/cancel`, { reason: 'Filed by mistake' }, { token });
    expect(cancelled.status).toBe(200);
    const again = await file(token, requestBodies.restriction, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, status: 'cancelled' });
  });

  it('refuses the same Idempotency-Key with a different body, and files nothing', async () => {
    const token = await newUser();
    const key = newKey();
    await file(token, requestBodies.restriction, key);
    const other = await file(token, { ...requestBodies.restriction, ground: 'unlawful-processing' }, key);
    expect(other.status).toBe(422);
    expect(problemType(other.body)).toBe('idempotency-key-reused');
    expect((await api.get('/v1/requests', { token })).body.requests).toHaveLength(1);
  });

  it('files each of two concurrent calls with one key exactly once', async () => {
    const token = await newUser();
    const key = newKey();
    const [a, b] = await Promise.all([
      file(token, requestBodies.objection, key),
      file(token, requestBodies.objection, key),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await api.get('/v1/requests', { token })).body.requests).toHaveLength(1);
  });

  it('asks only for the fields each type needs, and says which one is missing', async () => {
    const token = await newUser();
    const cases: Array<[unknown, string]> = [
      [{ ...requestBodies.rectification, correction: undefined }, '/body/correction'],
      [{ ...requestBodies.erasure, confirmed: undefined }, '/body/confirmed'],
      [{ ...requestBodies.erasure, scope: 'specific' }, '/body/details'],
      [{ ...requestBodies.objection, scope: 'legitimate-interest' }, '/body/grounds'],
      [{ ...requestBodies.portability, format: 'xml' }, '/body/format'],
      [{ ...requestBodies.account_deletion, confirmed: false }, '/body/confirmed'],
    ];
    for (const [body, pointer] of cases) {
      const res = await file(token, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await api.get('/v1/requests', { token })).body.requests).toHaveLength(0);
  });
});

describe('R50: objecting to telemetry', () => {
  it('R50: an objection to telemetry is filed without a reason; one to account processing still needs the person’s grounds', async () => {
    const token = await newUser();
    const telemetry = { ...requestBodies.objection, scope: 'legitimate-interest', processing: 'telemetry' };
    const filed = await file(token, telemetry);
    expect(filed.status, filed.text).toBe(201);
    const account = await file(token, { ...telemetry, processing: 'account' });
    expect(account.status).toBe(422);
    expect(account.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/grounds');
  });
});

describe('R38: the due date is one calendar month after receipt, on a working day', () => {
  const cases: Array<[string, string, string]> = [
    [
      '2026-01-31T09:00:00.000Z',
      '2026-03-02',
      '31 January 2026 is due at the end of February, a Saturday, so on Monday 2 March',
    ],
    ['2024-01-31T09:00:00.000Z', '2024-02-29', '31 January 2024 is due on 29 February in a leap year'],
    ['2028-01-30T09:00:00.000Z', '2028-02-29', '30 January 2028 is due on 29 February in a leap year'],
    ['2026-03-31T09:00:00.000Z', '2026-04-30', '31 March is due on 30 April'],
    ['2026-01-31T23:30:00.000Z', '2026-03-02', 'late on 31 January UTC is 1 February in Brussels'],
  ];
  for (const [receivedAt, dueAt, title] of cases) {
    it(`R38: ${title}`, async () => {
      server.clock.set(receivedAt);
      const res = await file(await newUser(), requestBodies.rectification);
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ receivedAt, dueAt, originalDueAt: dueAt });
    });
  }
});

describe("two users never see each other's requests", () => {
  it("answers another user's request id exactly like an id that does not exist", async () => {
    const alice = await newUser();
    const bob = await signInByEmail(server, `bob-${newKey()}@example.com`);
    const mine = await file(alice, requestBodies.restriction);
    const theirs = await api.get(`/v1/requests/${mine.body.id}`, { token: bob });
    const nobody = await api.get(`/v1/requests/00000000-0000-4000-8000-000000000000`, { token: bob });
    expect(theirs.status).toBe(404);
    expect(theirs.body.detail).toBe(nobody.body.detail);
    expect((await api.post(`/v1/requests/${mine.body.id}/cancel`, {}, { token: bob })).status).toBe(404);
    expect((await api.get(`/v1/requests/${mine.body.id}/export`, { token: bob })).status).toBe(404);
    expect((await api.get('/v1/requests', { token: bob })).body.requests).toHaveLength(0);
    expect((await api.get(`/v1/requests/${mine.body.id}`, { token: alice })).status).toBe(200);
  });
});

describe('cancelling', () => {
  it('cancels an open request once, with the step in its log', async () => {
    const token = await newUser();
    const { body } = await file(token, requestBodies.objection);
    const cancelled = await api.post(`/v1/requests/${body.id}/cancel`, { reason: 'Filed by mistake' }, { token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.events.at(-1)).toMatchObject({
      from: 'received',
      to: 'cancelled',
      actor: 'user',
      reason: 'Filed by mistake',
    });
    const twice = await api.post(`/v1/requests/${body.id}/cancel`, {}, { token });
    expect(twice.status).toBe(409);
    expect(problemType(twice.body)).toBe('illegal-transition');
  });
});

describe('the export of access and portability requests', () => {
  it('R45: an access request is fulfilled at once with everything held on the person, as JSON and CSV', async () => {
    const token = await newUser();
    const notice = (await api.get('/v1/notice')).body.notice;
    await api.post(
      '/v1/consents',
      {
        purpose: 'biometric_scans',
        decision: 'grant',
        method: 'ui',
        control: 'just-in-time',
        surface: { kind: 'widget', app: 'twikfit' },
        noticeVersion: notice.version,
        locale: 'en',
      },
      { token },
    );
    const filed = await file(token, requestBodies.access);
    expect(filed.body.status).toBe('completed');
    expect(filed.body.export).toEqual({ formats: ['json', 'csv'], href: `/v1/requests/${filed.body.id}/export` });
    const json = await api.get(filed.body.export.href, { token });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="twikit-privacy-export-.+\.json"$/);
    const parsed = z.safeParse(ExportDocument, json.body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(json.body.consents).toEqual([expect.objectContaining({ purpose: 'biometric_scans', event: 'given' })]);
    expect(json.body.requests.map((r: { id: string }) => r.id)).toContain(filed.body.id);
    expect(json.body.information).toMatchObject({
      controller: { name: 'Twikit NV' },
      complaint: expect.anything(),
      retention: expect.anything(),
    });
    const csv = await api.get(`${filed.body.export.href}?format=csv`, { token });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('section,path,value');
    expect(csv.text).toContain('"consents","0.purpose","biometric_scans"');
  });

  it('R46: a portability export carries provided and observed data, not the notice information', async () => {
    const token = await newUser();
    const filed = await file(token, requestBodies.portability);
    const json = await api.get(`/v1/requests/${filed.body.id}/export`, { token });
    expect(json.body.request.type).toBe('portability');
    expect(json.body).not.toHaveProperty('information');
  });

  it('has no export for other request types', async () => {
    const token = await newUser();
    const filed = await file(token, requestBodies.restriction);
    const res = await api.get(`/v1/requests/${filed.body.id}/export`, { token });
    expect(res.status).toBe(409);
    expect(problemType(res.body)).toBe('not-ready');
  });
});

describe('R48: self-service account deletion', () => {
  it('erases the account at once and lists what was kept, on which ground, until when', async () => {
    const email = `carla-${newKey()}@example.com`;
    const token = await signInByEmail(server, email);
    const me = (await api.get('/v1/me', { token })).body;
    const notice = (await api.get('/v1/notice')).body.notice;
    await api.post(
      '/v1/consents',
      {
        purpose: 'third_party_sharing',
        decision: 'grant',
        method: 'ui',
        surface: { kind: 'extension' },
        noticeVersion: notice.version,
        locale: 'en',
      },
      { token },
    );
    await file(token, { ...requestBodies.rectification, statement: 'My name is spelled wrongly' });
    const res = await file(token, requestBodies.account_deletion);
    expect(res.status, res.text).toBe(201);
    expect(res.body.status).toBe('completed');
    expect(res.body.outcome.erased.length).toBeGreaterThan(0);
    for (const kept of res.body.outcome.kept) {
      expect(kept.ground).toMatch(/Art\. \d+/);
      expect(kept.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect((await api.get('/v1/me', { token })).status).toBe(401);
    const [user] = await server.deps.db.query<{ email: string | null; deleted_at: Date | null }>(
      'select email, deleted_at from users where id = $1',
      [me.subjectId],
    );
    expect(user).toMatchObject({ email: null, deleted_at: expect.anything() });
    const texts = await server.deps.db.query<{ input: { statement?: string } }>(
      "select input from rights_requests where user_id = $1 and type = 'rectification'",
      [me.subjectId],
    );
    expect(texts[0]?.input.statement).toBe('[erased]');
    const kept = await server.deps.db.query('select 1 from consent_records where subject_id = $1', [me.subjectId]);
    expect(kept).toHaveLength(1);
  });
});

describe('operators', () => {
  // A named key, not a console session: these tests move the clock by days, past a session's idle limit.
  const admin = { token: '' };
  beforeAll(async () => {
    admin.token = await apiKey(server, 'Dana', ['operator']);
  });
  const move = (id: string, body: unknown) => api.post(`/v1/admin/requests/${id}/transitions`, body, admin);

  it('list requests by status, earliest due first, and refuse callers without the admin token', async () => {
    server.clock.set('2026-05-04T08:00:00.000Z');
    const later = await file(await newUser(), requestBodies.restriction);
    server.clock.set('2026-05-01T08:00:00.000Z');
    const sooner = await file(await newUser(), requestBodies.restriction);
    const res = await api.get('/v1/admin/requests?status=received&type=restriction&dueBefore=2026-06-30', admin);
    expect(res.status).toBe(200);
    const ids = res.body.requests.map((v: { request: { id: string } }) => v.request.id);
    expect(ids.indexOf(sooner.body.id)).toBeLessThan(ids.indexOf(later.body.id));
    expect(ids.indexOf(sooner.body.id)).toBeGreaterThanOrEqual(0);
    expect((await api.get('/v1/admin/requests', { token: await newUser() })).status).toBe(401);
    expect((await api.get('/v1/admin/requests')).status).toBe(401);
  });

  it('R51: move a request through its lifecycle, each step logged with actor, time and reason', async () => {
    server.clock.set('2026-06-01T08:00:00.000Z');
    const { body } = await file(await newUser(), requestBodies.rectification);
    expect((await move(body.id, { to: 'verifying', reason: 'Checking the account' })).status).toBe(200);
    server.clock.advance(3_600_000);
    expect((await move(body.id, { to: 'in_progress' })).status).toBe(200);
    const done = await move(body.id, { to: 'completed', reason: 'Name corrected' });
    expect(done.status).toBe(200);
    expect(done.body.request.status).toBe('completed');
    expect(done.body.request.events.map((e: { to: string }) => e.to)).toEqual([
      'received',
      'verifying',
      'in_progress',
      'completed',
    ]);
    expect(done.body.request.events[1]).toMatchObject({
      actor: 'operator',
      actorId: 'Dana',
      reason: 'Checking the account',
      at: '2026-06-01T08:00:00.000Z',
    });
    expect(done.body.request.events[2].at).toBe('2026-06-01T09:00:00.000Z');
    const refused = await move(body.id, { to: 'in_progress' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('"completed" cannot become "in_progress"');
  });

  it('R40: a rejection needs a reason', async () => {
    const { body } = await file(await newUser(), requestBodies.objection);
    const res = await move(body.id, { to: 'rejected' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].pointer).toBe('/body/reason');
    expect((await api.get(`/v1/admin/requests/${body.id}`, admin)).body.request.status).toBe('received');
  });

  it('R39: an extension of up to two further months, with a reason, decided by the original due date, once', async () => {
    server.clock.set('2026-01-31T09:00:00.000Z');
    const { body } = await file(await newUser(), requestBodies.restriction);
    expect(body.dueAt).toBe('2026-03-02');
    const noMonths = await move(body.id, { to: 'extended', reason: 'Complex' });
    expect(noMonths.status).toBe(422);
    server.clock.set('2026-03-02T20:00:00.000Z');
    const extended = await move(body.id, {
      to: 'extended',
      reason: 'Data spread over both regions',
      extendByMonths: 2,
    });
    expect(extended.status, extended.text).toBe(200);
    expect(extended.body.request).toMatchObject({
      status: 'extended',
      dueAt: '2026-04-30',
      originalDueAt: '2026-03-02',
      extensionReason: 'Data spread over both regions',
    });
    const again = await move(body.id, { to: 'extended', reason: 'More', extendByMonths: 1 });
    expect(again.status).toBe(409);
  });

  it('R39: an extension after the original due date is refused', async () => {
    server.clock.set('2026-01-31T09:00:00.000Z');
    const { body } = await file(await newUser(), requestBodies.restriction);
    server.clock.set('2026-03-03T09:00:00.000Z');
    const late = await move(body.id, { to: 'extended', reason: 'Too late', extendByMonths: 1 });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('2026-03-02');
  });
});
