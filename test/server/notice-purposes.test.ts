// Purposes come from the notice (issue 13.1): a server started with a notice version whose purposes differ from
// the default notice's takes decisions for the purpose it adds, refuses them for the one it retires, and applies the
// GPC, "accept all" and special-category rules as that notice states them. Over real HTTP, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord, ConsentState } from '../../shared/contract/consent.ts';
import type { NoticeResponse } from '../../shared/contract/notice.ts';
import { CHANGED_VERSION, changedNotice, KEPT, NEWSLETTER, RETIRED } from './changed-notice.ts';
import {
  client,
  createTestDatabase,
  DB_KIND,
  hostToken,
  newKey,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestDatabase,
  type TestServer,
} from './harness.ts';

const PROBLEMS = 'https://privacy.twikit.com/problems/';
const GPC = { 'sec-gpc': '1' };
const SPECIAL = KEPT.find((p) => p.specialCategory)!;
const SHARED = KEPT.find((p) => p.gpc === 'off')!;

function expectProblem(res: ApiResponse, status: number, type: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.body).toMatchObject({ type: PROBLEMS + type, status });
  return res.body as { detail: string; errors?: Array<{ pointer: string }> };
}

describe(`a notice version that adds and retires purposes (${DB_KIND})`, () => {
  let database: TestDatabase;
  let server: TestServer;
  let api: Client;
  const newUser = () => hostToken(`purposes-${newKey()}`);
  const body = (purpose: string, decision: string, extra: Record<string, unknown> = {}) => ({
    purpose,
    decision,
    method: 'ui',
    control: 'toggle',
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion: CHANGED_VERSION,
    locale: 'en',
    ...extra,
  });
  const post = (token: string, payload: unknown, headers: Record<string, string> = {}) =>
    api.post('/v1/consents', payload, { token, headers });
  const state = async (token: string, headers: Record<string, string> = {}) =>
    (await api.get<ConsentState>('/v1/consents', { token, headers })).body;
  const history = async (token: string) =>
    (await api.get<{ records: ConsentRecord[] }>('/v1/consents/history', { token })).body.records;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({}, database, undefined, { notices: [await changedNotice()] });
    api = client(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it('serves the purposes of the notice in force, and the consent state lists exactly those, with their rules', async () => {
    const notice = (await api.get<NoticeResponse>('/v1/notice')).body.notice;
    expect(notice.version).toBe(CHANGED_VERSION);
    expect(notice.purposes.map((p) => p.id)).toEqual([...KEPT.map((p) => p.id), NEWSLETTER.id]);
    const purposes = (await state(await newUser())).purposes;
    expect(purposes.map((p) => p.purpose)).toEqual(notice.purposes.map((p) => p.id));
    expect(purposes.find((p) => p.purpose === NEWSLETTER.id)).toMatchObject({ kind: 'consent', active: false });
    expect(purposes.find((p) => p.purpose === NEWSLETTER.id)?.gpc).toBeUndefined();
    expect(purposes.find((p) => p.purpose === SHARED.id)?.gpc).toBe('off');
    expect(purposes.find((p) => p.purpose === SPECIAL.id)?.justInTime).toBe(true);
  });

  it('R17: records decisions for the purpose it adds, by "accept all" as the notice says, with its legal basis', async () => {
    const token = await newUser();
    const given = await post(token, body(NEWSLETTER.id, 'grant', { control: 'accept-all' }));
    expect(given.status, given.text).toBe(201);
    expect(given.body.record).toMatchObject({
      purpose: NEWSLETTER.id,
      event: 'given',
      legalBasis: 'consent',
      specialCategory: false,
      noticeVersion: CHANGED_VERSION,
    });
    expect((await state(token)).purposes.find((p) => p.purpose === NEWSLETTER.id)?.active).toBe(true);
    const withdrawn = await post(token, body(NEWSLETTER.id, 'deny', { control: 'reject-all' }));
    expect(withdrawn.body.record).toMatchObject({ event: 'withdrawn', active: false });
    // A decision of the other kind is not one of its decisions.
    const wrong = expectProblem(await post(token, body(NEWSLETTER.id, 'object')), 422, 'validation-failed');
    expect(wrong.errors?.map((e) => e.pointer)).toEqual(['/body/decision']);
  });

  it('refuses, naming it, a decision for the purpose it retired or one it never defined, and writes nothing', async () => {
    const token = await newUser();
    for (const [purpose, decision] of [
      [RETIRED.id, 'object'],
      [RETIRED.id, 'withdraw-objection'],
      ['marketing', 'grant'],
    ] as const) {
      const problem = expectProblem(await post(token, body(purpose, decision)), 422, 'validation-failed');
      expect(problem.detail).toContain(`"${purpose}"`);
      expect(problem.errors?.map((e) => e.pointer)).toEqual(['/body/purpose']);
    }
    expect(await history(token)).toEqual([]);
  });

  it('R28: GPC turns off and objects to what this notice says: nothing for the retired purpose, nothing for the newsletter', async () => {
    const token = await newUser();
    expect((await post(token, body(NEWSLETTER.id, 'grant'))).status).toBe(201);
    const seen = await state(token, GPC);
    expect(seen.gpc).toEqual({ signal: true, honored: true });
    expect(seen.purposes.find((p) => p.purpose === NEWSLETTER.id)?.active).toBe(true);
    expect((await history(token)).map((r) => r.purpose)).not.toContain(RETIRED.id);
    // Sharing, which GPC keeps off, needs a confirmed exception (R29); the newsletter, which it says nothing of, does not.
    expectProblem(await post(token, body(SHARED.id, 'grant'), GPC), 409, 'gpc-override-unconfirmed');
    expect((await post(token, body(NEWSLETTER.id, 'grant'), GPC)).status).toBe(201);
  });

  it('R22: the special-category purpose it keeps is still given only in its own step, never by "accept all"', async () => {
    const token = await newUser();
    expectProblem(
      await post(token, body(SPECIAL.id, 'grant', { control: 'accept-all' })),
      422,
      'special-category-control',
    );
    expect((await post(token, body(SPECIAL.id, 'grant', { control: 'just-in-time' }))).status).toBe(201);
  });
});

describe(`a purpose retired by a newer notice version on a database that has decisions for it (${DB_KIND})`, () => {
  it('keeps its records, drops it from the state, and refuses new decisions for it', async () => {
    const database = await createTestDatabase();
    const user = `retire-${newKey()}`;
    try {
      const before = await startTestServer({}, database);
      const old = client(before.url);
      const version = (await old.get<NoticeResponse>('/v1/notice')).body.notice.version;
      const objected = await old.post(
        '/v1/consents',
        {
          purpose: RETIRED.id,
          decision: 'object',
          method: 'ui',
          control: 'object-button',
          surface: { kind: 'api' },
          noticeVersion: version,
          locale: 'en',
        },
        { token: await hostToken(user) },
      );
      expect(objected.status, objected.text).toBe(201);
      await before.stop();

      const after = await startTestServer({}, database, undefined, { notices: [await changedNotice()] });
      try {
        const api = client(after.url);
        const token = await hostToken(user);
        const now = (await api.get<ConsentState>('/v1/consents', { token })).body;
        expect(now.purposes.map((p) => p.purpose)).not.toContain(RETIRED.id);
        expect(now.purposes.map((p) => p.purpose)).toContain(NEWSLETTER.id);
        const records = (await api.get<{ records: ConsentRecord[] }>('/v1/consents/history', { token })).body.records;
        expect(records.map((r) => [r.purpose, r.event, r.noticeVersion])).toEqual([[RETIRED.id, 'objected', version]]);
        const again = await api.post(
          '/v1/consents',
          {
            purpose: RETIRED.id,
            decision: 'withdraw-objection',
            method: 'ui',
            surface: { kind: 'api' },
            noticeVersion: CHANGED_VERSION,
            locale: 'en',
          },
          { token },
        );
        expectProblem(again, 422, 'validation-failed');
      } finally {
        await after.stop();
      }
    } finally {
      await database.dispose();
    }
  });
});
