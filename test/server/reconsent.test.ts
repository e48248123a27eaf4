import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord, ConsentState, PurposeState } from '../../shared/contract/consent.ts';
import type { NoticeDocument, Purpose } from '../../shared/contract/notice.ts';
import type { NoticeRelease } from '../../shared/contract/notice-admin.ts';
import { withContentHash } from '../../shared/notice/content-hash.ts';
import { purposeFingerprint } from '../../shared/notice/purpose-fingerprint.ts';
import { createOutboxMailer } from '../../server/mail/mailer.ts';
import { startServer } from '../../server/start.ts';
import {
  ADMIN_TOKEN,
  client,
  DB_KIND,
  hostToken,
  newKey,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';

const PROBLEMS = 'https://privacy.twikit.com/problems/';

describe(`re-consent when the notice changes (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  // Purposes by what they are, never by name: a plain consent, and an objection.
  let consentPurpose: Purpose;
  let objectionPurpose: Purpose;

  const notice = async (): Promise<NoticeDocument> => (await api.get('/v1/notice')).body.notice;
  const newUser = () => hostToken(`reconsent-${newKey()}`);
  const decide = (token: string, purpose: Purpose, decision: string, version: string) =>
    api.post(
      '/v1/consents',
      {
        purpose: purpose.id,
        decision,
        method: 'ui',
        control: 'toggle',
        surface: { kind: 'widget', app: 'twikfit' },
        noticeVersion: version,
        locale: 'en',
      },
      { token },
    );
  const stateOf = async (token: string, purpose: Purpose, via = api): Promise<PurposeState> => {
    const res = await via.get<ConsentState>('/v1/consents', { token });
    expect(res.status, res.text).toBe(200);
    return res.body.purposes.find((p) => p.purpose === purpose.id)!;
  };
  const history = async (token: string) =>
    (await api.get<{ records: ConsentRecord[] }>('/v1/consents/history', { token })).body.records;

  /** Publishes the current notice under a new version id with `change` applied to one purpose. */
  async function publish(
    purposeId: string,
    change: (p: Purpose) => Purpose,
    material?: Record<string, boolean>,
  ): Promise<{ version: string; release: NoticeRelease }> {
    const { contentHash: _hash, ...current } = await notice();
    const version = `v-${newKey().slice(0, 10)}`;
    const document = await withContentHash({
      ...current,
      version,
      purposes: current.purposes.map((p) => (p.id === purposeId ? change(p) : p)),
    });
    const res = await api.post(
      '/v1/admin/notices',
      { documents: [document], ...(material ? { material } : {}) },
      { token: ADMIN_TOKEN },
    );
    expect(res.status, res.text).toBe(201);
    return { version, release: res.body };
  }
  const reworded = (p: Purpose): Purpose => ({ ...p, description: `${p.description} (${newKey().slice(0, 6)})` });

  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
    const purposes = (await notice()).purposes;
    consentPurpose = purposes.find((p) => p.kind === 'consent' && !p.specialCategory)!;
    objectionPurpose = purposes.find((p) => p.kind === 'objection')!;
  });
  afterAll(async () => server?.stop());

  it('R12: a material change of a purpose expires the consents given under it; the state says why and since which version', async () => {
    const token = await newUser();
    const before = (await notice()).version;
    expect((await decide(token, consentPurpose, 'grant', before)).status).toBe(201);
    expect((await stateOf(token, consentPurpose)).active).toBe(true);

    const { version, release } = await publish(consentPurpose.id, reworded);
    expect(release).toMatchObject({ version, current: true, locales: ['en'] });
    expect(release.purposes.find((p) => p.purpose === consentPurpose.id)?.material).toBe(true);
    expect(release.purposes.filter((p) => p.material)).toHaveLength(1);
    // Served as current at once, without a restart.
    expect((await notice()).version).toBe(version);

    const state = await stateOf(token, consentPurpose);
    expect(state.active).toBe(false);
    expect(state.expired).toEqual({ reason: 'notice-changed', noticeVersion: before, changedIn: version });
    const records = await history(token);
    expect(records.map((r) => r.event)).toEqual(['given', 'expired']);
    expect(records[1]).toMatchObject({
      purpose: consentPurpose.id,
      active: false,
      method: 'system',
      control: 'notice-changed',
      noticeVersion: before,
    });
    // Read again: still not given, and the expiry is written once.
    expect((await stateOf(token, consentPurpose)).active).toBe(false);
    expect(await history(token)).toHaveLength(2);
  });

  it('R12: a new consent under the new version renews it', async () => {
    const token = await newUser();
    const before = (await notice()).version;
    await decide(token, consentPurpose, 'grant', before);
    const { version } = await publish(consentPurpose.id, reworded);
    expect((await stateOf(token, consentPurpose)).active).toBe(false);

    const renewed = await decide(token, consentPurpose, 'grant', version);
    expect(renewed.status, renewed.text).toBe(201);
    expect(renewed.body.record).toMatchObject({ event: 'given', active: true, noticeVersion: version });
    const state = await stateOf(token, consentPurpose);
    expect(state).toMatchObject({ active: true, noticeVersion: version });
    expect(state.expired).toBeUndefined();
  });

  it('R12: a decision made after the change, without reading first, is chained after the expiry it caused', async () => {
    const token = await newUser();
    await decide(token, consentPurpose, 'grant', (await notice()).version);
    const { version } = await publish(consentPurpose.id, reworded);
    const res = await decide(token, consentPurpose, 'deny', version);
    expect(res.status, res.text).toBe(201);
    // The consent had already ended: the deny refuses anew rather than withdrawing a consent in force.
    expect(res.body.record.event).toBe('refused');
    expect((await history(token)).map((r) => r.event)).toEqual(['given', 'expired', 'refused']);
  });

  it('R12: an editorial change (material: false) keeps the consents, although the fingerprint changed', async () => {
    const token = await newUser();
    await decide(token, consentPurpose, 'grant', (await notice()).version);
    const { release } = await publish(consentPurpose.id, reworded, { [consentPurpose.id]: false });
    const released = release.purposes.find((p) => p.purpose === consentPurpose.id)!;
    expect(released).toMatchObject({ material: false });
    expect(released.fingerprint).toBe(
      await purposeFingerprint((await notice()).purposes.find((p) => p.id === consentPurpose.id)!),
    );

    const state = await stateOf(token, consentPurpose);
    expect(state.active).toBe(true);
    expect(state.expired).toBeUndefined();
    expect((await history(token)).map((r) => r.event)).toEqual(['given']);
  });

  it('R12: material: true asks again although the consent-relevant fields did not change', async () => {
    const token = await newUser();
    await decide(token, consentPurpose, 'grant', (await notice()).version);
    const { version } = await publish(consentPurpose.id, (p) => p, { [consentPurpose.id]: true });
    expect(await stateOf(token, consentPurpose)).toMatchObject({ active: false, expired: { changedIn: version } });
  });

  it('R12: an unchanged purpose keeps its consent when another purpose changes', async () => {
    const token = await newUser();
    await decide(token, consentPurpose, 'grant', (await notice()).version);
    await publish(objectionPurpose.id, reworded);
    expect((await stateOf(token, consentPurpose)).active).toBe(true);
  });

  it('R12: objections stay in force through a material change of their purpose', async () => {
    const token = await newUser();
    await decide(token, objectionPurpose, 'object', (await notice()).version);
    const { release } = await publish(objectionPurpose.id, reworded, { [objectionPurpose.id]: true });
    expect(release.purposes.find((p) => p.purpose === objectionPurpose.id)?.material).toBe(true);
    const state = await stateOf(token, objectionPurpose);
    expect(state.active).toBe(true);
    expect(state.expired).toBeUndefined();
    expect((await history(token)).map((r) => r.event)).toEqual(['objected']);
  });

  it('R12: a decision citing the version a publication superseded is refused, naming the new current version', async () => {
    const token = await newUser();
    const before = (await notice()).version;
    const { version } = await publish(consentPurpose.id, reworded);
    const res = await decide(token, consentPurpose, 'grant', before);
    expect(res.status, res.text).toBe(409);
    expect(res.body).toMatchObject({ type: `${PROBLEMS}notice-version-superseded`, currentNoticeVersion: version });
    expect(await history(token)).toEqual([]);
  });

  it('R12: another instance on the same database serves the new version and reads the consent as expired at once', async () => {
    // A second server with its own notice cache over the same database (PGlite is one process's database, so
    // the instances share its handle; on PostgreSQL that is a pool like any other instance's).
    const other = await startServer(server.config, {
      db: server.deps.db,
      now: server.clock.now,
      mailer: createOutboxMailer(() => undefined),
    });
    try {
      const otherApi = client(other.url);
      // Started with the seed notice, it serves the latest published version, not the one it was given.
      expect((await otherApi.get('/v1/notice')).body.notice.version).toBe((await notice()).version);
      const token = await newUser();
      expect((await decide(token, consentPurpose, 'grant', (await notice()).version)).status).toBe(201);
      expect((await stateOf(token, consentPurpose, otherApi)).active).toBe(true);
      const { version } = await publish(consentPurpose.id, reworded);
      expect((await otherApi.get('/v1/notice')).body.notice.version).toBe(version);
      expect(await stateOf(token, consentPurpose, otherApi)).toMatchObject({
        active: false,
        expired: { changedIn: version },
      });
    } finally {
      await other.close();
    }
  });

  it('R12: an earlier version stays readable at /v1/notice/versions/{version}, so a client can show what changed', async () => {
    const before = await notice();
    const { version } = await publish(consentPurpose.id, reworded);
    const old = await api.get(`/v1/notice/versions/${encodeURIComponent(before.version)}?locale=nl`);
    expect(old.status, old.text).toBe(200);
    expect(old.body.notice).toEqual(before);
    expect(old.body.availableLocales).toEqual(['en']);
    expect(old.headers.get('content-language')).toBe('en');
    const current = await api.get(`/v1/notice/versions/${version}`);
    expect(current.body.notice.version).toBe(version);
    expect((await api.get('/v1/notice/versions/never-published')).status).toBe(404);
  });

  it('lists every published version newest first, with each purpose fingerprint and material flag', async () => {
    const { version } = await publish(consentPurpose.id, reworded);
    const res = await api.get<{ versions: NoticeRelease[] }>('/v1/admin/notices', { token: ADMIN_TOKEN });
    expect(res.status, res.text).toBe(200);
    expect(res.body.versions[0]).toMatchObject({ version, current: true });
    expect(res.body.versions.filter((v) => v.current)).toHaveLength(1);
    expect(res.body.versions.at(-1)?.purposes.every((p) => !p.material)).toBe(true);
    expect((await api.get('/v1/admin/notices')).status).toBe(401);
  });

  it('refuses a republished version id, a version without English, mixed versions and a wrong content hash', async () => {
    const current = await notice();
    const post = (body: unknown) => api.post('/v1/admin/notices', body, { token: ADMIN_TOKEN });
    const again = await post({ documents: [current] });
    expect(again.status, again.text).toBe(409);
    expect(again.body.detail).toContain(current.version);
    const { contentHash: _hash, ...content } = current;
    const version = `v-${newKey().slice(0, 10)}`;
    const fresh = await withContentHash({ ...content, version });
    const dutchOnly = await post({ documents: [await withContentHash({ ...content, version, locale: 'nl' })] });
    expect(dutchOnly.status, dutchOnly.text).toBe(422);
    expect(dutchOnly.body.detail).toContain('English');
    const mixed = await post({
      documents: [fresh, await withContentHash({ ...content, version: `${version}-other`, locale: 'nl' })],
    });
    expect(mixed.status, mixed.text).toBe(422);
    expect(mixed.body.detail).toContain('one version');
    const wrongHash = await post({ documents: [{ ...fresh, contentHash: current.contentHash }] });
    expect(wrongHash.status, wrongHash.text).toBe(422);
    expect(wrongHash.body.detail).toContain(fresh.contentHash);
    expect((await notice()).version).toBe(current.version);
  });
});
