import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ConsentRecord, type ConsentState, type PurposeState } from '../../shared/contract/consent.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { gpcTargets, justInTimePurposes } from '../../shared/notice/purpose-rules.ts';
import { publishNotice } from '../../server/store/notices.ts';
import {
  client,
  DB_KIND,
  hostToken,
  newKey,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestServer,
} from './harness.ts';

const PROBLEMS = 'https://privacy.twikit.com/problems/';
const GPC = { 'sec-gpc': '1' };
const VISIT_MINUTES = 30;
const MINUTE = 60_000;

// The purposes come from the default notice, never by name: the special-category one, and the one GPC turns off.
const BODY_SCAN = justInTimePurposes(defaultNoticeEn.purposes)[0]!;
const SHARING = gpcTargets(defaultNoticeEn.purposes).find(([, active]) => !active)![0];

type PurposeId = PurposeState['purpose'];

function expectProblem(res: ApiResponse, status: number, type: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: PROBLEMS + type, status });
  return res.body as { detail: string; currentNoticeVersion?: string; errors?: Array<{ pointer: string }> };
}

describe(`the server's consent guards (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  let version: string;

  const body = (purpose: PurposeId, decision: string, extra: Record<string, unknown> = {}) => ({
    purpose,
    decision,
    method: 'ui',
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion: version,
    locale: 'en',
    ...extra,
  });
  const post = (token: string, payload: unknown, headers: Record<string, string> = {}) =>
    api.post('/v1/consents', payload, { token, headers });
  const history = async (token: string) =>
    (await api.get<{ records: ConsentRecord[] }>('/v1/consents/history', { token })).body.records;
  const stateOf = async (token: string, purpose: PurposeId) =>
    (await api.get<ConsentState>('/v1/consents', { token })).body.purposes.find((p) => p.purpose === purpose)!;
  const newDevice = async (): Promise<string> => (await api.post('/v1/auth/device', {})).body.token;
  const newUser = () => hostToken(`guards-${newKey()}`);
  const giveBodyScan = async (token: string) => {
    const res = await post(token, body(BODY_SCAN, 'grant', { control: 'just-in-time' }));
    expect(res.status, res.text).toBe(201);
    return res.body.record as ConsentRecord;
  };

  beforeAll(async () => {
    server = await startTestServer({ VISITOR_SPECIAL_CONSENT_MINUTES: String(VISIT_MINUTES) });
    api = client(server.url);
    version = (await api.get('/v1/notice')).body.notice.version;
  });
  afterAll(async () => server?.stop());

  it('R22: a body-scan grant by "accept all", GPC or the plain API is refused with a reason, and nothing is written', async () => {
    const token = await newUser();
    const refused: Array<[Record<string, unknown>, Record<string, string>, string]> = [
      [{ control: 'accept-all' }, {}, 'accept-all'],
      [{ method: 'gpc', control: 'gpc' }, GPC, 'method "gpc"'],
      [{ method: 'gpc', control: 'just-in-time' }, {}, 'method "gpc"'],
      [{ method: 'api', control: 'just-in-time' }, {}, 'method "api"'],
      [{ method: 'api' }, {}, 'method "api"'],
      [{}, {}, '(none)'],
      [{ control: 'toggle' }, {}, 'toggle'],
    ];
    for (const [extra, headers, why] of refused) {
      const problem = expectProblem(
        await post(token, body(BODY_SCAN, 'grant', extra), headers),
        422,
        'special-category-control',
      );
      expect(problem.detail).toContain('just-in-time');
      expect(problem.detail).toContain(why);
    }
    expect(await history(token)).toEqual([]);
    expect((await stateOf(token, BODY_SCAN)).active).toBe(false);
  });

  it('R22: a body-scan grant from its just-in-time step is recorded, and withdrawing it is accepted any way', async () => {
    const token = await newUser();
    expect(await giveBodyScan(token)).toMatchObject({ event: 'given', method: 'ui', control: 'just-in-time' });
    const withdrawn = await post(token, body(BODY_SCAN, 'deny', { method: 'api' }));
    expect(withdrawn.status, withdrawn.text).toBe(201);
    expect(withdrawn.body.record).toMatchObject({ event: 'withdrawn', active: false });
  });

  it("R31: a visitor's body-scan consent lapses after the configured time, with an expired record of when it lapsed", async () => {
    const device = await newDevice();
    const given = await giveBodyScan(device);
    const lapsesAt = new Date(Date.parse(given.recordedAt) + VISIT_MINUTES * MINUTE).toISOString();
    expect(given.expiresAt).toBe(lapsesAt);

    server.clock.advance(VISIT_MINUTES * MINUTE - 1000);
    expect((await stateOf(device, BODY_SCAN)).active).toBe(true);
    server.clock.advance(2 * MINUTE);
    expect((await stateOf(device, BODY_SCAN)).active).toBe(false);

    const records = await history(device);
    expect(records.map((r) => r.event)).toEqual(['given', 'expired']);
    expect(records[1]).toMatchObject({
      purpose: BODY_SCAN,
      active: false,
      method: 'system',
      control: 'visit-timeout',
      expiresAt: lapsesAt,
      recordedAt: server.clock.now().toISOString(),
      prevHash: given.hash,
    });
    for (const record of records) expect(z.safeParse(ConsentRecord, record).success).toBe(true);
    // Observed once, recorded once.
    await stateOf(device, BODY_SCAN);
    expect(await history(device)).toHaveLength(2);
  });

  it("R31: endVisit ends a visitor's body-scan consent at once; an account's consent never lapses", async () => {
    const device = await newDevice();
    await giveBodyScan(device);
    const ended = await api.post<ConsentState>('/v1/consents/end-visit', undefined, { token: device });
    expect(ended.status, ended.text).toBe(200);
    expect(ended.body.purposes.find((p) => p.purpose === BODY_SCAN)).toMatchObject({ active: false, decided: true });
    const records = await history(device);
    expect(records.map((r) => [r.event, r.control, r.expiresAt])).toEqual([
      ['given', 'just-in-time', expect.any(String)],
      ['expired', 'end-visit', server.clock.now().toISOString()],
    ]);
    await api.post('/v1/consents/end-visit', undefined, { token: device });
    expect(await history(device)).toHaveLength(2);

    const user = await newUser();
    expect((await giveBodyScan(user)).expiresAt).toBeNull();
    expect((await api.post('/v1/consents/end-visit', undefined, { token: user })).status).toBe(200);
    server.clock.advance(10 * VISIT_MINUTES * MINUTE);
    expect((await stateOf(user, BODY_SCAN)).active).toBe(true);
    expect(await history(user)).toHaveLength(1);
  });

  it('R35: a record keeps what the client claims (method, control, when it decided) apart from what the server saw (GPC, when it arrived)', async () => {
    const token = await newUser();
    const decidedAt = new Date(server.clock.now().getTime() - 3 * 3600_000).toISOString();
    const res = await post(
      token,
      body(SHARING, 'grant', { decidedAt, control: 'gpc-override-confirmed', method: 'gpc' }),
      GPC,
    );
    expect(res.status, res.text).toBe(201);
    const record = res.body.record as ConsentRecord;
    expect(record).toMatchObject({
      method: 'gpc',
      control: 'gpc-override-confirmed',
      decidedAt,
      gpc: true,
      receivedAt: server.clock.now().toISOString(),
      recordedAt: server.clock.now().toISOString(),
    });
    expect(z.safeParse(ConsentRecord, record).success).toBe(true);
    expect(await history(token)).toEqual([record]);

    const notDated = await post(token, body(SHARING, 'deny'));
    expect(notDated.body.record).toMatchObject({ decidedAt: null, gpc: false });
  });

  it('R12: a decision citing a superseded or unknown notice version is refused, naming the current version; nothing is written', async () => {
    const token = await newUser();
    const current = (await api.get<{ notice: NoticeDocument }>('/v1/notice')).body.notice;
    const older = { ...current, version: `older-${newKey().slice(0, 8)}`, contentHash: 'sha256-older' };
    await publishNotice(server.deps.db, older, server.clock.now());

    const superseded = expectProblem(
      await post(token, body(SHARING, 'grant', { noticeVersion: older.version })),
      409,
      'notice-version-superseded',
    );
    expect(superseded.currentNoticeVersion).toBe(version);
    expect(superseded.detail).toContain(`"${version}"`);
    const unknown = expectProblem(
      await post(token, body(SHARING, 'grant', { noticeVersion: 'never-published' })),
      422,
      'notice-version-unknown',
    );
    expect(unknown.currentNoticeVersion).toBe(version);
    expect(await history(token)).toEqual([]);
  });

  it('R29: turning sharing on while Sec-GPC: 1 is present needs the confirmed-exception control; "accept all" never makes one', async () => {
    const token = await newUser();
    for (const control of [undefined, 'toggle', 'accept-all']) {
      const problem = expectProblem(
        await post(token, body(SHARING, 'grant', control ? { control } : {}), GPC),
        409,
        'gpc-override-unconfirmed',
      );
      expect(problem.detail).toContain('gpc-override-confirmed');
    }
    expect(await history(token)).toEqual([]);

    const confirmed = await post(token, body(SHARING, 'grant', { control: 'gpc-override-confirmed' }), GPC);
    expect(confirmed.status, confirmed.text).toBe(201);
    expect(confirmed.body.record).toMatchObject({ control: 'gpc-override-confirmed', gpc: true, active: true });
    // Without the signal there is no conflict to confirm.
    const other = await newUser();
    expect((await post(other, body(SHARING, 'grant', { control: 'accept-all' }))).status).toBe(201);
  });
});
