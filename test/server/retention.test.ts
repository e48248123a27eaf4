import { afterEach, describe, expect, it } from 'vitest';
import { runRetention } from '../../server/retention/job.ts';
import {
  ADMIN_TOKEN,
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  signInByEmail,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';

const DAY = 86_400_000;
let server: TestServer;
let api: Client;

async function start(env: Record<string, string> = {}): Promise<void> {
  server = await startTestServer(env);
  api = client(server.url);
}
afterEach(async () => server?.stop());

const rows = async (sql: string, params: unknown[] = []): Promise<number> =>
  (await server.deps.db.query<{ n: number }>(`select count(*)::int as n from (${sql}) t`, params))[0]!.n;

async function noticeVersion(): Promise<string> {
  return (await api.get('/v1/notice/version')).body.version as string;
}

async function newDevice(): Promise<{ token: string; subjectId: string }> {
  const res = await api.post('/v1/auth/device', {});
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function decide(token: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const body = {
    purpose: 'third_party_sharing',
    decision: 'grant',
    method: 'ui',
    surface: { kind: 'api' },
    noticeVersion: await noticeVersion(),
    locale: 'en',
    ...extra,
  };
  const res = await api.post('/v1/consents', body, { token, headers });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const file = (token: string, body: unknown) =>
  api.post('/v1/requests', body, { token, headers: { 'idempotency-key': newKey() } });

describe(`the retention job (${DB_KIND})`, () => {
  it('deletes expired sessions and keeps live ones working', async () => {
    await start();
    const old = await newDevice();
    server.clock.advance(31 * DAY);
    const fresh = await newDevice();
    const report = await runRetention(server.deps);
    expect(report.expiredSessions).toBe(1);
    expect(await rows('select 1 from sessions where subject_id = $1', [old.subjectId])).toBe(0);
    expect((await api.get('/v1/me', { token: fresh.token })).status).toBe(200);
    expect((await api.get('/v1/me', { token: old.token })).status).toBe(401);
  });

  it('deletes sign-in codes once expired, with the address they kept', async () => {
    await start();
    expect((await api.post('/v1/auth/email/start', { email: 'stale@example.com' })).status).toBe(202);
    expect(await rows("select 1 from sign_in_codes where email = 'stale@example.com'")).toBe(1);
    await runRetention(server.deps);
    expect(await rows("select 1 from sign_in_codes where email = 'stale@example.com'")).toBe(1);
    server.clock.advance(server.config.signInCode.ttlMinutes * 60_000 + 1);
    expect((await runRetention(server.deps)).staleSignInCodes).toBe(1);
    expect(await rows("select 1 from sign_in_codes where email = 'stale@example.com'")).toBe(0);
  });

  it('deletes stored idempotent answers past RETAIN_IDEMPOTENCY_KEYS_DAYS and keeps younger ones', async () => {
    await start({ RETAIN_IDEMPOTENCY_KEYS_DAYS: '2' });
    const device = await newDevice();
    await decide(device.token, {}, { 'idempotency-key': 'first' });
    server.clock.advance(2 * DAY + 1);
    await decide(device.token, { decision: 'deny' }, { 'idempotency-key': 'second' });
    expect((await runRetention(server.deps)).idempotencyKeys).toBe(1);
    expect(
      (
        await server.deps.db.query<{ key: string }>('select key from idempotency_keys where subject_id = $1', [
          device.subjectId,
        ])
      ).map((r) => r.key),
    ).toEqual(['second']);
  });

  it('deletes stored exports past RETAIN_EXPORTS_DAYS and generates them again when the person asks', async () => {
    await start({ RETAIN_EXPORTS_DAYS: '30' });
    const token = await hostToken(`retention-${newKey()}`);
    const filed = await file(token, requestBodies.access);
    expect(filed.body.status).toBe('completed');
    const first = await api.get(filed.body.export.href, { token });
    server.clock.advance(29 * DAY);
    expect((await runRetention(server.deps)).exports).toBe(0);
    server.clock.advance(DAY + 1);
    expect((await runRetention(server.deps)).exports).toBe(1);
    expect(await rows('select 1 from rights_requests where id = $1 and export_document is null', [filed.body.id])).toBe(
      1,
    );
    // The request still offers its export; asking for it generates a new one, as of now, and keeps it again.
    expect((await api.get(`/v1/requests/${filed.body.id}`, { token })).body.export).toEqual(filed.body.export);
    const again = await api.get(filed.body.export.href, { token });
    expect(again.status, again.text).toBe(200);
    expect(again.body.generatedAt).toBe(server.clock.now().toISOString());
    expect(again.body.generatedAt).not.toBe(first.body.generatedAt);
    expect(again.body.account).toEqual(first.body.account);
    expect(
      await rows('select 1 from rights_requests where id = $1 and export_document is not null', [filed.body.id]),
    ).toBe(1);
    // A regenerated export ages from its own generation, not from the request's completion.
    expect((await runRetention(server.deps)).exports).toBe(0);
  });

  it('retires idle devices, keeps their consent records as proof until the hold ends, then deletes them', async () => {
    await start({ RETIRE_IDLE_DEVICES_DAYS: '35', RETAIN_PROOF_MONTHS: '60' });
    const idle = await newDevice();
    await decide(idle.token);
    const active = await newDevice();
    server.clock.advance(25 * DAY);
    await decide(active.token, { decision: 'deny' }); // its last activity: day 25
    server.clock.advance(6 * DAY); // day 31: both tokens expired
    expect((await runRetention(server.deps)).retiredDevices).toBe(0); // but idle decided only 31 days ago, not 35
    server.clock.advance(10 * DAY); // day 40: idle quiet for 40 days, active for 15
    const report = await runRetention(server.deps);
    expect(report.retiredDevices).toBe(1);
    expect(await rows('select 1 from devices where id = $1', [idle.subjectId])).toBe(0);
    expect(await rows('select 1 from devices where id = $1', [active.subjectId])).toBe(1);
    expect(await rows('select 1 from consent_records where subject_id = $1', [idle.subjectId])).toBe(1);
    const [hold] = await server.deps.db.query<{ kept_until: string }>(
      'select kept_until::text from retention_holds where subject_id = $1',
      [idle.subjectId],
    );
    expect(hold?.kept_until).toBe('2031-04-20'); // day 41 is 2026-04-20, plus 60 months
    server.clock.set('2031-04-20T12:00:00.000Z');
    expect((await runRetention(server.deps)).expiredProofSubjects).toBe(0);
    server.clock.set('2031-04-21T12:00:00.000Z');
    expect((await runRetention(server.deps)).expiredProofSubjects).toBe(1);
    expect(await rows('select 1 from consent_records where subject_id = $1', [idle.subjectId])).toBe(0);
    expect(await rows('select 1 from retention_holds where subject_id = $1', [idle.subjectId])).toBe(0);
    // The other device, retired later, is still under its own hold.
    expect(await rows('select 1 from consent_records where subject_id = $1', [active.subjectId])).toBe(1);
  });

  it('R48: honours the "kept until" date of a deleted account: its proof is kept until then and deleted after', async () => {
    await start();
    const token = await signInByEmail(server, 'leaving@example.com');
    await decide(token);
    const cancelled = await file(token, requestBodies.rectification);
    await api.post(`/v1/requests/${cancelled.body.id}/cancel`, { reason: 'Changed my mind' }, { token });
    const deletion = await file(token, requestBodies.account_deletion);
    const until: string = deletion.body.outcome.kept[0].until;
    const userId = (
      await server.deps.db.query<{ user_id: string }>('select user_id from rights_requests where id = $1', [
        deletion.body.id,
      ])
    )[0]!.user_id;
    const proof = async () => ({
      consents: await rows('select 1 from consent_records where subject_id = $1', [userId]),
      requests: await rows('select 1 from rights_requests where user_id = $1', [userId]),
      events: await rows(
        'select 1 from request_events e join rights_requests r on r.id = e.request_id where r.user_id = $1',
        [userId],
      ),
      user: await rows('select 1 from users where id = $1', [userId]),
    });
    const kept = await proof();
    expect(kept).toEqual({ consents: 1, requests: 2, events: 4, user: 1 });
    server.clock.set(`${until}T21:00:00.000Z`); // the last day, late evening in Brussels: still kept
    await runRetention(server.deps);
    expect(await proof()).toEqual(kept);
    server.clock.set(`${until}T23:30:00.000Z`); // past midnight in Brussels: the day after
    expect((await runRetention(server.deps)).expiredProofSubjects).toBe(1);
    expect(await proof()).toEqual({ consents: 0, requests: 0, events: 0, user: 0 });
  });

  it('the append-only records stay append-only outside the job', async () => {
    await start();
    const device = await newDevice();
    await decide(device.token);
    await expect(
      server.deps.db.query('delete from consent_records where subject_id = $1', [device.subjectId]),
    ).rejects.toThrow(/append-only/);
    await expect(server.deps.db.query('delete from request_events')).resolves.toBeDefined(); // no rows: nothing to refuse
  });

  it('two instances running the job at once delete each row once, without errors', async () => {
    await start({ RETENTION_BATCH_SIZE: '5' });
    // PGlite is one process's database: there the other "instance" is a second run in the same server.
    const second =
      DB_KIND === 'postgres'
        ? await startTestServer({ RETENTION_BATCH_SIZE: '5' }, server.database, server.clock)
        : { deps: server.deps, close: async () => undefined };
    try {
      for (let i = 0; i < 23; i++) await newDevice();
      server.clock.advance(31 * DAY);
      const reports = await Promise.all([
        runRetention(server.deps),
        runRetention(second.deps),
        runRetention(server.deps),
      ]);
      const again = await runRetention(second.deps);
      expect(reports.reduce((sum, r) => sum + r.expiredSessions, 0) + again.expiredSessions).toBe(23);
      expect(await rows('select 1 from sessions')).toBe(0);
    } finally {
      await second.close();
    }
  });
});

describe(`deleting an account erases the person's own cancel reasons (${DB_KIND})`, () => {
  it("R48: the reason the person gave when cancelling is erased; an operator's reason stays", async () => {
    await start();
    const token = await signInByEmail(server, 'reasons@example.com');
    const mine = await file(token, requestBodies.restriction);
    await api.post(
      `/v1/requests/${mine.body.id}/cancel`,
      { reason: 'My private reason, with my new address in it' },
      { token },
    );
    const theirs = await file(token, requestBodies.objection);
    const admin = { token: ADMIN_TOKEN, headers: { 'x-operator': 'Dana' } };
    await api.post(
      `/v1/admin/requests/${theirs.body.id}/transitions`,
      { to: 'rejected', reason: 'No processing for direct marketing takes place.' },
      admin,
    );
    await file(token, requestBodies.account_deletion);
    const cancelled = (await api.get(`/v1/admin/requests/${mine.body.id}`, admin)).body.request;
    expect(cancelled.statusReason).toBe('[erased]');
    expect(cancelled.events.map((e: { reason: string | null }) => e.reason)).toEqual([null, '[erased]']);
    expect(JSON.stringify(await server.deps.db.query('select * from request_events'))).not.toContain(
      'My private reason',
    );
    const rejected = (await api.get(`/v1/admin/requests/${theirs.body.id}`, admin)).body.request;
    // The refusal as the person received it: the operator's reasons, then the rights to complain and go to court.
    expect(rejected.statusReason).toMatch(/^No processing for direct marketing takes place\.\n\nYou have the right/);
  });
});
