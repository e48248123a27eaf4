import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConsentDecisionResult,
  ConsentHistory,
  ConsentRecord,
  ConsentState,
  PurposeState,
} from '../../shared/contract/consent.ts';
import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import { createHmac } from 'node:crypto';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { justInTimePurposes } from '../../shared/notice/purpose-rules.ts';
import {
  client,
  hostToken,
  newKey,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestServer,
} from './harness.ts';

const PROBLEMS = 'https://privacy.twikit.com/problems/';
const GPC = { 'sec-gpc': '1' };
/** The control the UI sends once the person confirmed an exception to GPC (R29). */
const CONFIRMED = { control: 'gpc-override-confirmed' };

type PurposeId = PurposeState['purpose'];
type HeaderMap = Record<string, string>;

/** Asserts a problem+json answer of `status` and `type`; returns its body for further checks. */
function expectProblem(res: ApiResponse, status: number, type: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: PROBLEMS + type, status });
  return res.body as { detail: string; errors?: Array<{ pointer: string; reason: string }> };
}

const pointers = (problem: { errors?: Array<{ pointer: string }> }): string[] =>
  (problem.errors ?? []).map((e) => e.pointer);

/** A new host-app user nobody else uses. */
const newUser = (): Promise<string> => hostToken(`consents-${newKey()}`);

describe('consents', () => {
  let server: TestServer;
  let api: Client;
  let notice: { version: string; contentHash: string };

  /** A decision as the widget sends it, for the notice the server publishes (a body-scan grant from its own step). */
  const decisionBody = (purpose: PurposeId, decision: string, extra: Record<string, unknown> = {}) => ({
    purpose,
    decision,
    method: 'ui',
    ...(decision === 'grant' && justInTimePurposes(defaultNoticeEn.purposes).includes(purpose)
      ? { control: 'just-in-time' }
      : {}),
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion: notice.version,
    locale: 'en',
    ...extra,
  });
  const decide = (
    token: string,
    purpose: PurposeId,
    decision: string,
    headers?: HeaderMap,
    extra?: Record<string, unknown>,
  ) =>
    api.post<ConsentDecisionResult>('/v1/consents', decisionBody(purpose, decision, extra), {
      token,
      ...(headers ? { headers } : {}),
    });
  /** Decides and expects the record to be appended. */
  async function record(
    token: string,
    purpose: PurposeId,
    decision: string,
    headers?: HeaderMap,
    extra?: Record<string, unknown>,
  ): Promise<ConsentRecord> {
    const res = await decide(token, purpose, decision, headers, extra);
    expect(res.status, res.text).toBe(201);
    return res.body.record;
  }
  async function stateOf(token: string, headers?: HeaderMap): Promise<ConsentState> {
    const res = await api.get<ConsentState>('/v1/consents', { token, ...(headers ? { headers } : {}) });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }
  async function historyOf(token: string): Promise<ConsentRecord[]> {
    const res = await api.get<ConsentHistory>('/v1/consents/history', { token });
    expect(res.status, res.text).toBe(200);
    return res.body.records;
  }
  const purpose = (state: ConsentState, id: PurposeId): PurposeState => {
    const found = state.purposes.find((p) => p.purpose === id);
    if (!found) throw new Error(`no purpose ${id} in the state`);
    return found;
  };

  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
    notice = (await api.get('/v1/notice')).body.notice;
  });
  afterAll(async () => server?.stop());

  it('R16: every purpose is off and undecided for a new subject', async () => {
    const state = await stateOf(await newUser());
    const summary = Object.fromEntries(
      state.purposes.map((p) => [
        p.purpose,
        { kind: p.kind, active: p.active, decided: p.decided, byGpc: p.byGpc, updatedAt: p.updatedAt },
      ]),
    );
    const untouched = { active: false, decided: false, byGpc: false, updatedAt: null };
    expect(summary).toEqual({
      biometric_scans: { kind: 'consent', ...untouched },
      third_party_sharing: { kind: 'consent', ...untouched },
      telemetry: { kind: 'objection', ...untouched },
    });
    expect(state.gpc).toEqual({ signal: false, honored: false });
  });

  it('R31: giving then withdrawing biometric consent appends two records with server UTC time', async () => {
    const user = await newUser();
    const given = await record(user, 'biometric_scans', 'grant');
    const withdrawn = await record(user, 'biometric_scans', 'deny');

    expect([given.event, given.active, withdrawn.event, withdrawn.active]).toEqual(['given', true, 'withdrawn', false]);
    for (const rec of [given, withdrawn]) {
      expect(rec).toMatchObject({
        recordedAt: server.clock.now().toISOString(),
        noticeVersion: notice.version,
        noticeHash: notice.contentHash,
        legalBasis: 'explicit_consent',
        specialCategory: true,
        method: 'ui',
        surface: { kind: 'widget', app: 'twikfit' },
        locale: 'en',
      });
    }
    expect((await historyOf(user)).map((r) => [r.id, r.event])).toEqual([
      [given.id, 'given'],
      [withdrawn.id, 'withdrawn'],
    ]);
    expect(purpose(await stateOf(user), 'biometric_scans')).toMatchObject({ active: false, decided: true });
  });

  it('R31: a "no" without an earlier "yes" is recorded as refused, and a second "yes" as renewed', async () => {
    const user = await newUser();
    expect((await record(user, 'third_party_sharing', 'deny')).event).toBe('refused');
    expect((await record(user, 'biometric_scans', 'grant')).event).toBe('given');
    expect((await record(user, 'biometric_scans', 'grant')).event).toBe('renewed');
  });

  it('R25: telemetry takes an objection, not a consent', async () => {
    const user = await newUser();
    expect(await record(user, 'telemetry', 'object')).toMatchObject({
      event: 'objected',
      active: true,
      legalBasis: 'legitimate_interests',
    });
    expect(await record(user, 'telemetry', 'withdraw-objection')).toMatchObject({
      event: 'objection-withdrawn',
      active: false,
    });

    const granted = expectProblem(await decide(user, 'telemetry', 'grant'), 422, 'validation-failed');
    expect(pointers(granted)).toContain('/body/decision');
    expect(await historyOf(user)).toHaveLength(2);
  });

  it('R35: records keep how consent was collected, are chained by hash and cannot be changed', async () => {
    const user = await newUser();
    const withControl = await api.post<ConsentDecisionResult>(
      '/v1/consents',
      decisionBody('biometric_scans', 'grant', { control: 'just-in-time' }),
      { token: user },
    );
    expect(withControl.body.record).toMatchObject({ method: 'ui', control: 'just-in-time', gpc: false });
    await record(user, 'third_party_sharing', 'grant');
    await record(user, 'telemetry', 'object');

    const records = await historyOf(user);
    expect(records).toHaveLength(3);
    expect(records[0]!.prevHash).toBeNull();
    for (const [i, rec] of records.slice(1).entries()) expect(rec.prevHash).toBe(records[i]!.hash);
    // Each hash covers its record, keyed with the subject's own ledger key (issue 13): recomputed here with it.
    const subjectId = records[0]!.subjectId;
    const [keyRow] = await server.deps.db.query<{ key: string }>('select key from ledger_keys where subject_id = $1', [
      subjectId,
    ]);
    const key = keyRow!.key;
    for (const { hash, ...rest } of records)
      expect(createHmac('sha256', Buffer.from(key, 'hex')).update(canonicalJson(rest)).digest('hex')).toBe(hash);
    await expect(
      server.deps.db.query('update consent_records set active = false where subject_id = $1', [subjectId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      server.deps.db.query('delete from consent_records where subject_id = $1', [subjectId]),
    ).rejects.toThrow(/append-only/);
    expect(await historyOf(user)).toEqual(records);
  });

  it('R12: a decision names a published notice version', async () => {
    const user = await newUser();
    const res = await api.post(
      '/v1/consents',
      decisionBody('biometric_scans', 'grant', { noticeVersion: 'never-published-1' }),
      { token: user },
    );
    expect(pointers(expectProblem(res, 422, 'notice-version-unknown'))).toEqual(['/body/noticeVersion']);
    expect(await historyOf(user)).toEqual([]);
  });

  it('R28: Sec-GPC: 1 turns third-party sharing off and records a telemetry objection', async () => {
    const user = await newUser();
    await record(user, 'third_party_sharing', 'grant');

    const state = await stateOf(user, GPC);
    expect(purpose(state, 'third_party_sharing')).toMatchObject({ active: false, byGpc: true });
    expect(purpose(state, 'telemetry')).toMatchObject({ active: true, byGpc: true });
    expect(state.gpc).toEqual({ signal: true, honored: true });

    const records = await historyOf(user);
    expect(records.slice(1).map((r) => [r.purpose, r.event, r.method, r.gpc])).toEqual([
      ['third_party_sharing', 'withdrawn', 'gpc', true],
      ['telemetry', 'objected', 'gpc', true],
    ]);
    await stateOf(user, GPC);
    expect(await historyOf(user)).toHaveLength(records.length);
  });

  it('R29: an opt-in confirmed while the GPC signal is present is respected', async () => {
    const user = await newUser();
    expect((await record(user, 'third_party_sharing', 'grant', GPC, CONFIRMED)).gpc).toBe(true);
    const state = await stateOf(user, GPC);
    expect(purpose(state, 'third_party_sharing')).toMatchObject({ active: true, byGpc: false });
    expect((await historyOf(user)).filter((r) => r.purpose === 'third_party_sharing')).toHaveLength(1);
  });

  it('R29: while a confirmed exception keeps sharing on, the state does not claim GPC is honored', async () => {
    // The contract: `honored` means the state reflects the signal (sharing off, telemetry objected).
    const user = await newUser();
    await record(user, 'third_party_sharing', 'grant', GPC, CONFIRMED);
    const state = await stateOf(user, GPC);
    expect(purpose(state, 'third_party_sharing').active).toBe(true);
    expect(state.gpc).toEqual({ signal: true, honored: false });
  });

  it('R28: a missing GPC signal never counts as consent', async () => {
    const user = await newUser();
    const state = await stateOf(user);
    expect(state.purposes.every((p) => !p.active && !p.decided)).toBe(true);
    expect(state.gpc).toEqual({ signal: false, honored: false });
    expect(await historyOf(user)).toEqual([]);
  });

  it("two subjects never see each other's records, and a device is a subject of its own", async () => {
    const userA = await newUser();
    const userB = await newUser();
    await record(userA, 'biometric_scans', 'grant');

    expect(purpose(await stateOf(userB), 'biometric_scans')).toMatchObject({ active: false, decided: false });
    expect(await historyOf(userB)).toEqual([]);

    const device = (await api.post('/v1/auth/device', {})).body.token as string;
    expect(await historyOf(device)).toEqual([]);
    expect((await record(device, 'third_party_sharing', 'grant')).subjectKind).toBe('device');
    expect(purpose(await stateOf(userA), 'third_party_sharing').decided).toBe(false);
    expect((await historyOf(userA)).map((r) => r.purpose)).toEqual(['biometric_scans']);
  });

  it('the same Idempotency-Key and body record one decision; the key with another body is refused', async () => {
    const user = await newUser();
    const key = { 'idempotency-key': newKey() };
    const first = await decide(user, 'biometric_scans', 'grant', key);
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const retry = await decide(user, 'biometric_scans', 'grant', key);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.record.id).toBe(first.body.record.id);
    expect(await historyOf(user)).toHaveLength(1);

    expectProblem(await decide(user, 'biometric_scans', 'deny', key), 422, 'idempotency-key-reused');
    expect(await historyOf(user)).toHaveLength(1);
  });

  it('a replayed decision answers with the record it made and the state as it is now, not as it was then', async () => {
    const user = await newUser();
    const key = { 'idempotency-key': newKey() };
    const first = await decide(user, 'third_party_sharing', 'grant', key);
    expect(first.status, first.text).toBe(201);
    expect(await decide(user, 'third_party_sharing', 'deny')).toMatchObject({ status: 201 });

    const retry = await decide(user, 'third_party_sharing', 'grant', key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.record.id).toBe(first.body.record.id);
    expect(purpose(retry.body.state, 'third_party_sharing')).toMatchObject({ active: false, decided: true });
    expect(purpose(await stateOf(user), 'third_party_sharing').active).toBe(false);
    expect(await historyOf(user)).toHaveLength(2);
  });

  it('a decision with an unknown purpose or without a surface is refused with 422 naming the field', async () => {
    const user = await newUser();
    const unknown = await api.post(
      '/v1/consents',
      { ...decisionBody('biometric_scans', 'grant'), purpose: 'marketing' },
      { token: user },
    );
    expect(pointers(expectProblem(unknown, 422, 'validation-failed'))).toContain('/body/purpose');

    const { surface: _surface, ...withoutSurface } = decisionBody('biometric_scans', 'grant');
    const noSurface = await api.post('/v1/consents', withoutSurface, { token: user });
    expect(pointers(expectProblem(noSurface, 422, 'validation-failed'))).toContain('/body/surface');
    expect(await historyOf(user)).toEqual([]);
  });

  it('a body that is not JSON is refused: malformed JSON with 400, text/plain with 415', async () => {
    const user = await newUser();
    const malformed = await api.call('POST', '/v1/consents', {
      token: user,
      raw: '{"purpose": "biometric_scans",',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(malformed, 400, 'malformed-json');

    const plain = await api.call('POST', '/v1/consents', {
      token: user,
      raw: JSON.stringify(decisionBody('biometric_scans', 'grant')),
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(plain, 415, 'unsupported-media-type');
    expect(await historyOf(user)).toEqual([]);
  });
});
