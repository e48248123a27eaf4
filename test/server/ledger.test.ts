import { createHash, createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import type { LedgerCheckpoint, LedgerVerification } from '../../shared/contract/ledger.ts';
import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { runRetention } from '../../server/retention/job.ts';
import { checkpointIfDue } from '../../server/services/ledger.ts';
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
  productionSecrets,
} from './harness.ts';

const CHECKPOINT_KEY = 'test-ledger-checkpoint-key-0123456789abcdef';
const admin = { token: ADMIN_TOKEN };
const hmacHex = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex');

describe(`the consent ledger (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  let noticeVersion: string;

  beforeAll(async () => {
    server = await startTestServer({ LEDGER_CHECKPOINT_KEY: CHECKPOINT_KEY });
    api = client(server.url);
    noticeVersion = (await api.get('/v1/notice/version')).body.version;
  });
  afterAll(async () => server?.stop());

  async function decide(token: string, purpose = 'third_party_sharing', decision = 'grant'): Promise<ConsentRecord> {
    const body = { purpose, decision, method: 'ui', surface: { kind: 'api' }, noticeVersion, locale: 'en' };
    const res = await api.post('/v1/consents', body, { token });
    expect(res.status, res.text).toBe(201);
    return res.body.record;
  }
  const keyOf = async (subjectId: string): Promise<string | undefined> =>
    (await server.deps.db.query<{ key: string }>('select key from ledger_keys where subject_id = $1', [subjectId]))[0]
      ?.key;
  const checkpoint = async (): Promise<LedgerCheckpoint> => {
    const res = await api.post('/v1/admin/ledger/checkpoints', undefined, admin);
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const verify = async (): Promise<LedgerVerification> => {
    const res = await api.post('/v1/admin/ledger/verify', undefined, admin);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  /** As a database superuser, past the append-only trigger (replica mode fires no ordinary trigger). */
  const asSuperuser = (statements: Array<[string, unknown[]]>) =>
    server.deps.db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      for (const [text, params] of statements) await tx.query(text, params);
    });

  it("R35: each subject's records are chained with HMAC-SHA256 under that subject's own key", async () => {
    const token = await hostToken(`ledger-${newKey()}`);
    const first = await decide(token);
    const second = await decide(token, 'telemetry', 'object');
    const key = await keyOf(first.subjectId);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(second.prevHash).toBe(first.hash);
    for (const { hash, ...content } of [first, second]) {
      expect(hmacHex(Buffer.from(key!, 'hex'), canonicalJson(content))).toBe(hash);
      // Not the unkeyed hash any more: a published head says nothing to whoever lacks the key.
      expect(createHash('sha256').update(canonicalJson(content)).digest('hex')).not.toBe(hash);
    }
    const other = await decide(await hostToken(`ledger-${newKey()}`));
    expect(await keyOf(other.subjectId)).not.toBe(key);
  });

  it('R35: a chain begun under the unkeyed scheme goes on keyed, and both parts verify', async () => {
    const token = await hostToken(`ledger-legacy-${newKey()}`);
    const subjectId = (await api.get('/v1/me', { token })).body.subjectId as string;
    // A record as written before migration 006: SHA-256 of its canonical JSON, marked 'sha256'.
    const legacy = {
      schemaVersion: 1,
      id: randomUUID(),
      subjectId,
      subjectKind: 'user',
      purpose: 'telemetry',
      event: 'refused',
      active: false,
      legalBasis: 'legitimate_interest',
      specialCategory: false,
      method: 'ui',
      gpc: false,
      surface: { kind: 'api' },
      control: null,
      locale: 'en',
      noticeVersion,
      noticeHash: 'f'.repeat(64),
      recordedAt: '2026-03-01T09:00:00.000Z',
      prevHash: null,
    };
    const legacyHash = createHash('sha256').update(canonicalJson(legacy)).digest('hex');
    await server.deps.db.query(
      `insert into consent_records (id, subject_id, subject_kind, purpose, event, active, legal_basis, special_category,
         method, gpc, surface, control, locale, notice_version, notice_hash, recorded_at, prev_hash, hash, chain)
       values ($1,$2,'user','telemetry','refused',false,'legitimate_interest',false,'ui',false,$3,null,'en',$4,$5,$6,null,$7,'sha256')`,
      [
        legacy.id,
        subjectId,
        JSON.stringify(legacy.surface),
        noticeVersion,
        legacy.noticeHash,
        legacy.recordedAt,
        legacyHash,
      ],
    );
    const next = await decide(token);
    expect(next.prevHash).toBe(legacyHash);
    const report = await verify();
    expect(report.divergences).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('R35: a checkpoint signs the head of every chain, and auditors can list it', async () => {
    await decide(await hostToken(`ledger-${newKey()}`));
    const taken = await checkpoint();
    const chains = await server.deps.db.query('select distinct subject_id from consent_records');
    expect(taken.subjects).toBe(chains.length);
    const { createdAt, throughSeq, subjects, root } = taken;
    expect(taken.signature).toBe(hmacHex(CHECKPOINT_KEY, canonicalJson({ createdAt, throughSeq, subjects, root })));
    const listed = await api.get('/v1/admin/ledger/checkpoints', admin);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.checkpoints[0]).toEqual(taken);
    expect((await api.get('/v1/admin/ledger/checkpoints')).status).toBe(401);
    expect((await api.post('/v1/admin/ledger/verify', undefined)).status).toBe(401);
    expect((await verify()).ok).toBe(true);
  });

  it('R35: a record changed directly in the database, past the trigger, is reported with its subject and record', async () => {
    const token = await hostToken(`ledger-tamper-${newKey()}`);
    await decide(token, 'telemetry', 'object');
    const changed = await decide(token);
    await decide(token, 'telemetry', 'withdraw-objection');
    const bystander = await decide(await hostToken(`ledger-${newKey()}`));
    await checkpoint();
    expect((await verify()).ok).toBe(true);

    await asSuperuser([['update consent_records set active = false where id = $1', [changed.id]]]);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.divergences).toEqual([
      expect.objectContaining({ reason: 'hash-mismatch', subjectId: changed.subjectId, recordId: changed.id }),
    ]);
    expect(report.divergences.some((d) => d.subjectId === bystander.subjectId)).toBe(false);
    await asSuperuser([['update consent_records set active = true where id = $1', [changed.id]]]);
    expect((await verify()).ok).toBe(true);
  });

  it('R35: a history rewritten with fresh hashes, even with the subject key, no longer matches the signed checkpoint', async () => {
    const token = await hostToken(`ledger-rewrite-${newKey()}`);
    const { hash, ...content } = await decide(token);
    await checkpoint();
    const key = await keyOf(content.subjectId);
    const forged = hmacHex(Buffer.from(key!, 'hex'), canonicalJson({ ...content, active: false, event: 'refused' }));
    await asSuperuser([
      ["update consent_records set active = false, event = 'refused', hash = $2 where id = $1", [content.id, forged]],
    ]);
    const report = await verify();
    expect(report.divergences).toEqual([
      expect.objectContaining({ reason: 'head-mismatch', subjectId: content.subjectId, recordId: content.id }),
    ]);
    await asSuperuser([
      [
        'update consent_records set active = true, event = $2, hash = $3 where id = $1',
        [content.id, content.event, hash],
      ],
    ]);
    expect((await verify()).ok).toBe(true);
  });

  it('R35: a checkpoint rewritten in the database fails its signature', async () => {
    const taken = await checkpoint();
    await asSuperuser([['update ledger_checkpoints set root = $2 where id = $1', [taken.id, '0'.repeat(64)]]]);
    const report = await verify();
    expect(report.divergences).toContainEqual(
      expect.objectContaining({ reason: 'checkpoint-signature', subjectId: null }),
    );
    await checkpoint();
    expect((await verify()).ok).toBe(true);
  });

  it('R35, R48: proof kept after an account deletion is purged at its "kept until" date with its chain key, and every other chain still verifies', async () => {
    const leaving = await signInByEmail(server, `leaving-${newKey()}@example.com`);
    const kept = await decide(leaving);
    const staying = await decide(await hostToken(`ledger-${newKey()}`));
    const deletion = await api.post('/v1/requests', requestBodies.account_deletion, {
      token: leaving,
      headers: { 'idempotency-key': newKey() },
    });
    expect(deletion.status, deletion.text).toBe(201);
    const until: string = deletion.body.outcome.kept[0].until;
    await checkpoint();
    // Until then the proof stays checkable: its key is kept with it.
    expect(await keyOf(kept.subjectId)).toBeDefined();
    expect((await verify()).ok).toBe(true);

    server.clock.set(`${until}T23:30:00.000Z`); // past midnight in Brussels: the day after
    expect((await runRetention(server.deps)).expiredProofSubjects).toBeGreaterThanOrEqual(1);
    const left = await server.deps.db.query('select 1 from consent_records where subject_id = $1', [kept.subjectId]);
    expect(left).toEqual([]);
    expect(await keyOf(kept.subjectId)).toBeUndefined();

    const report = await verify();
    expect(report.divergences).toEqual([]);
    expect(report.erased).toContain(kept.subjectId);
    expect(report.ok).toBe(true);
    expect(await keyOf(staying.subjectId)).toBeDefined();
    // The next checkpoint covers only the chains that remain.
    const after = await checkpoint();
    expect((await verify()).erased).toEqual([]);
    expect(after.subjects).toBe(report.subjects);
  });

  it('R35: chains whose records are gone while their key remains are reported, not taken for erased', async () => {
    const token = await hostToken(`ledger-deleted-${newKey()}`);
    const gone = await decide(token);
    await checkpoint();
    await asSuperuser([['delete from consent_records where subject_id = $1', [gone.subjectId]]]);
    const report = await verify();
    expect(report.divergences).toEqual([
      expect.objectContaining({ reason: 'records-missing', subjectId: gone.subjectId }),
    ]);
    await asSuperuser([['delete from ledger_keys where subject_id = $1', [gone.subjectId]]]);
    await checkpoint();
  });

  it('a checkpoint is taken when the latest is older than the configured age, by one instance at a time', async () => {
    const key = CHECKPOINT_KEY;
    const latest = (await api.get('/v1/admin/ledger/checkpoints', admin)).body.checkpoints[0] as LedgerCheckpoint;
    const soon = new Date(Date.parse(latest.createdAt) + 3_600_000);
    expect(await checkpointIfDue(server.deps.db, key, soon, 24)).toBeNull();
    const dayLater = new Date(Date.parse(latest.createdAt) + 24 * 3_600_000);
    const [a, b] = await Promise.all([
      checkpointIfDue(server.deps.db, key, dayLater, 24),
      checkpointIfDue(server.deps.db, key, dayLater, 24),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await verify()).checkpoint?.id).toBe((a ?? b)!.id);
  });
});

describe('the ledger checkpoint key', () => {
  // Production's secrets but the one under test.
  const { LEDGER_CHECKPOINT_KEY: _underTest, ...production } = productionSecrets();

  it('is required in production, at least 32 characters, and generated afresh in development', () => {
    expect(() => loadConfig(production)).toThrow(/production needs LEDGER_CHECKPOINT_KEY/);
    expect(() => loadConfig({ ...production, LEDGER_CHECKPOINT_KEY: 'short' })).toThrow(ConfigError);
    expect(loadConfig({ ...production, LEDGER_CHECKPOINT_KEY: CHECKPOINT_KEY }).ledger).toEqual({
      checkpointKey: CHECKPOINT_KEY,
      checkpointHours: 24,
    });
    const first = loadConfig({ NODE_ENV: 'development' }).ledger.checkpointKey;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ NODE_ENV: 'development' }).ledger.checkpointKey).not.toBe(first);
  });
});
