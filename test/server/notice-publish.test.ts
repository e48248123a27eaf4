// Purposes come from the notice (issue 13.1) and a new version is in force at once (13.3), over the publish route:
// a running server — and another instance on the same database, started before — takes a version published
// through POST /v1/admin/notices that adds a purpose and retires another, with no restart. Real HTTP, on PGlite and
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord, ConsentState } from '../../shared/contract/consent.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { NoticeRelease } from '../../shared/contract/notice-admin.ts';
import { acceptAllDecisions } from '../../shared/notice/purpose-rules.ts';
import { createOutboxMailer } from '../../server/mail/mailer.ts';
import { type RunningServer, startServer } from '../../server/start.ts';
import { CHANGED_VERSION, changedNotice, KEPT, NEWSLETTER, RETIRED } from './changed-notice.ts';
import {
  apiKey,
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

describe(`a notice version published while the server runs, adding a purpose and retiring one (${DB_KIND})`, () => {
  let server: TestServer;
  /** A second instance over the same database, started (and caching its notice) before the publication. */
  let other: RunningServer;
  let api: Client;
  let otherApi: Client;
  let before: NoticeDocument;
  /** Someone who objected to the purpose about to be retired and accepted all, under the old version. */
  let earlier: string;
  let release: ApiResponse<NoticeRelease>;

  const newUser = () => hostToken(`publish-${newKey()}`);
  const body = (purpose: string, decision: string, version: string, control = 'toggle') => ({
    purpose,
    decision,
    method: 'ui',
    control,
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion: version,
    locale: 'en',
  });
  const state = async (via: Client, token: string, headers: Record<string, string> = {}) => {
    const res = await via.get<ConsentState>('/v1/consents', { token, headers });
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const history = async (token: string) =>
    (await api.get<{ records: ConsentRecord[] }>('/v1/consents/history', { token })).body.records;

  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
    // PGlite is one process's database: the instances share its handle. On PostgreSQL the other instance opens
    // its own pool from the same DATABASE_URL, as a second process would.
    other = await startServer(server.config, {
      ...(DB_KIND === 'pglite' ? { db: server.deps.db } : {}),
      now: server.clock.now,
      mailer: createOutboxMailer(() => undefined),
    });
    otherApi = client(other.url);
    before = (await api.get('/v1/notice')).body.notice;
    expect((await otherApi.get('/v1/notice')).body.notice.version).toBe(before.version);

    earlier = await newUser();
    expect(
      (await api.post('/v1/consents', body(RETIRED.id, 'object', before.version), { token: earlier })).status,
    ).toBe(201);
    for (const d of acceptAllDecisions(before.purposes, true, () => false)) {
      const res = await api.post('/v1/consents', body(d.purpose, d.decision, before.version, 'accept-all'), {
        token: earlier,
      });
      expect(res.status, res.text).toBe(201);
    }

    // Published by a DPO's API key (notices:publish), not by the development ADMIN_TOKEN.
    const dpo = await apiKey(server, 'notice publisher', ['dpo']);
    release = await api.post('/v1/admin/notices', { documents: [await changedNotice()] }, { token: dpo });
  });
  afterAll(async () => {
    await other?.close();
    await server?.stop();
  });

  it('R12: the publication is accepted and is the notice in force at once, on both instances', async () => {
    expect(release.status, release.text).toBe(201);
    expect(release.body).toMatchObject({ version: CHANGED_VERSION, current: true });
    expect(release.body.purposes.map((p) => p.purpose).sort()).toEqual(
      [...KEPT.map((p) => p.id), NEWSLETTER.id].sort(),
    );
    for (const via of [api, otherApi]) {
      const notice = (await via.get<{ notice: NoticeDocument }>('/v1/notice')).body.notice;
      expect(notice.version).toBe(CHANGED_VERSION);
      expect(notice.purposes.map((p) => p.id)).toEqual([...KEPT.map((p) => p.id), NEWSLETTER.id]);
    }
  });

  it('R12: both instances take decisions for the purpose it adds, under the new version', async () => {
    for (const via of [api, otherApi]) {
      const token = await newUser();
      const res = await via.post('/v1/consents', body(NEWSLETTER.id, 'grant', CHANGED_VERSION), { token });
      expect(res.status, res.text).toBe(201);
      expect(res.body.record).toMatchObject({
        purpose: NEWSLETTER.id,
        event: 'given',
        legalBasis: NEWSLETTER.legalBasis,
        noticeVersion: CHANGED_VERSION,
      });
    }
  });

  it('R12: both instances refuse a decision for the retired purpose with a 422 naming it, and write nothing', async () => {
    for (const via of [api, otherApi]) {
      const token = await newUser();
      for (const decision of ['object', 'withdraw-objection']) {
        const res = await via.post('/v1/consents', body(RETIRED.id, decision, CHANGED_VERSION), { token });
        expect(res.status, res.text).toBe(422);
        expect(res.body).toMatchObject({ type: `${PROBLEMS}validation-failed` });
        expect(res.body.detail).toContain(`"${RETIRED.id}"`);
        expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/purpose']);
      }
      expect(await history(token)).toEqual([]);
    }
  });

  it('R12: the consent state lists the new purpose and not the retired one, on both instances, also under GPC', async () => {
    const expected = [...KEPT.map((p) => p.id), NEWSLETTER.id];
    for (const via of [api, otherApi]) {
      const token = await newUser();
      expect((await state(via, token)).purposes.map((p) => p.purpose)).toEqual(expected);
      // GPC objects to what this notice says: the retired objection gets no record.
      const gpc = await state(via, token, { 'sec-gpc': '1' });
      expect(gpc.purposes.map((p) => p.purpose)).toEqual(expected);
      expect((await history(token)).map((r) => r.purpose)).not.toContain(RETIRED.id);
    }
    // Someone who objected to it under the old version: the record stays in the history, the state drops it.
    expect((await state(otherApi, earlier)).purposes.map((p) => p.purpose)).toEqual(expected);
    expect((await history(earlier)).map((r) => r.purpose)).toContain(RETIRED.id);
  });

  it('R17: "accept all" covers the new purpose, as the served notice says, on both instances', async () => {
    for (const via of [api, otherApi]) {
      const notice = (await via.get<{ notice: NoticeDocument }>('/v1/notice')).body.notice;
      const decisions = acceptAllDecisions(notice.purposes, true, () => false);
      expect(decisions.map((d) => d.purpose)).toContain(NEWSLETTER.id);
      expect(decisions.map((d) => d.purpose)).not.toContain(RETIRED.id);
      const token = await newUser();
      for (const d of decisions) {
        const res = await via.post('/v1/consents', body(d.purpose, d.decision, notice.version, 'accept-all'), {
          token,
        });
        expect(res.status, res.text).toBe(201);
        expect(res.body.record).toMatchObject({ purpose: d.purpose, event: 'given', control: 'accept-all' });
      }
      const active = (await state(via, token)).purposes.filter((p) => p.active).map((p) => p.purpose);
      expect(active.sort()).toEqual(decisions.map((d) => d.purpose).sort());
    }
  });

  it('R12: a decision citing the version the publication superseded is refused on both instances, naming the new one', async () => {
    for (const via of [api, otherApi]) {
      const res = await via.post('/v1/consents', body(NEWSLETTER.id, 'grant', before.version), {
        token: await newUser(),
      });
      expect(res.status, res.text).toBe(409);
      expect(res.body).toMatchObject({
        type: `${PROBLEMS}notice-version-superseded`,
        currentNoticeVersion: CHANGED_VERSION,
      });
    }
  });
});
