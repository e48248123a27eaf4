import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { justInTimePurposes } from '../../shared/notice/purpose-rules.ts';
import {
  apiKey,
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  signInOperator,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';
import { startSystemProcess, systemsEnv, webhookEntry, type SystemProcess } from './system-kit.ts';

const DPO = 'dpo@twikit.com';
const DESK = 'desk@twikit.com';
const OPERATORS = `${DPO}:dpo,${DESK}:operator`;
const problemType = (body: { type?: string }) => body.type?.split('/').pop();

let server: TestServer;
let api: Client;
let answering: SystemProcess;
let broken: SystemProcess;
let dpo: string;
let desk: string;

beforeAll(async () => {
  [answering, broken] = await Promise.all([startSystemProcess('twikfit'), startSystemProcess('carrier')]);
  await broken.mode('error500');
  server = await startTestServer({
    OPERATORS,
    ...systemsEnv([
      webhookEntry(answering, { name: 'TwikFit', handles: ['erasure'] }),
      webhookEntry(broken, { name: 'Carrier', handles: ['erasure'] }),
      {
        id: 'support-desk',
        name: 'Support desk',
        kind: 'processor',
        regions: ['eea'],
        handles: ['erasure'],
        connector: { type: 'email', to: 'privacy@support.example' },
      },
      {
        id: 'paper-archive',
        name: 'Paper archive',
        kind: 'processor',
        regions: ['eea'],
        handles: ['erasure'],
        connector: { type: 'manual' },
      },
    ]),
  });
  api = client(server.url);
  dpo = await signInOperator(server, DPO);
  desk = await signInOperator(server, DESK);
});
afterAll(async () => {
  await server?.stop();
  await answering?.close();
  await broken?.close();
});

const lastAudit = async (action: string) =>
  (
    await server.deps.db.query<{ actor_name: string; detail: Record<string, unknown> }>(
      'select actor_name, detail from audit_log where action = $1 order by seq desc limit 1',
      [action],
    )
  )[0];

describe(`the systems page's test job (${DB_KIND})`, () => {
  it('a dpo sends a test job to a webhook system: it is delivered signed, answered, and on the audit log', async () => {
    const res = await api.post('/v1/admin/systems/twikfit/test', undefined, { token: dpo });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ system: 'twikfit', connector: 'webhook', outcome: 'answered', detail: null });
    expect(res.body.job).toMatchObject({ event: 'request.test', type: 'test', state: 'done', requestId: null });
    const received = (await answering.received()).find((j) => j.job.id === res.body.job.id);
    expect(received).toMatchObject({ event: 'request.test', subject: { email: null, hostSubject: null } });
    expect(await lastAudit('system.test')).toMatchObject({
      actor_name: DPO,
      detail: { system: 'twikfit', job: res.body.job.id },
    });
    const health = await api.get('/v1/admin/systems', { token: dpo });
    expect(health.body.systems.find((s: { id: string }) => s.id === 'twikfit').lastSuccessAt).not.toBeNull();
  });

  it('a test job to a failing system says why, once, and counts as no open or failing work', async () => {
    const res = await api.post('/v1/admin/systems/carrier/test', undefined, { token: dpo });
    expect(res.status, res.text).toBe(200);
    expect(res.body.outcome).toBe('failed');
    expect(res.body.detail).toMatch(/HTTP 500: the system is broken/);
    expect(res.body.job).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    const health = await api.get('/v1/admin/systems', { token: dpo });
    expect(health.body.systems.find((s: { id: string }) => s.id === 'carrier')).toMatchObject({ failing: 0, open: 0 });
  });

  it("an e-mailed processor's contact receives a test that asks nothing about any person", async () => {
    const res = await api.post('/v1/admin/systems/support-desk/test', undefined, { token: dpo });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ connector: 'email', outcome: 'delivered' });
    const mail = server.deps.mailer.outbox!.findLast((m) => m.to === 'privacy@support.example');
    expect(mail?.subject).toBe('Test of the data-protection requests for Support desk');
    expect(mail?.text).toMatch(/Nothing is asked of you about any person/);
    expect(mail?.text).toContain(`/v1/systems/jobs/${res.body.job.id}/confirm?token=`);
  });

  it('a manual system has nothing to send, and says so', async () => {
    const res = await api.post('/v1/admin/systems/paper-archive/test', undefined, { token: dpo });
    expect(res.body).toEqual({
      system: 'paper-archive',
      connector: 'manual',
      outcome: 'manual',
      detail: null,
      job: null,
    });
  });

  it('an operator without systems:manage is refused 403 problem+json; an unknown system is 404', async () => {
    const before = (await answering.received()).length;
    const refused = await api.post('/v1/admin/systems/twikfit/test', undefined, { token: desk });
    expect(refused.status).toBe(403);
    expect(problemType(refused.body)).toBe('forbidden');
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await answering.received()).length).toBe(before);
    expect((await api.post('/v1/admin/systems/nowhere/test', undefined, { token: dpo })).status).toBe(404);
  });
});

describe(`reports (${DB_KIND})`, () => {
  it('consent counts per purpose and notice version hold each present decision once, and no person', async () => {
    const { version } = (await api.get('/v1/notice/version')).body as { version: string };
    const people: { token: string; sub: string }[] = [];
    const decide = (token: string, purpose: string, decision: 'grant' | 'deny') =>
      api.post(
        '/v1/consents',
        {
          purpose,
          decision,
          method: 'ui',
          ...(decision === 'grant' && justInTimePurposes(defaultNoticeEn.purposes).includes(purpose)
            ? { control: 'just-in-time' }
            : {}),
          surface: { kind: 'widget', app: 'twikfit' },
          noticeVersion: version,
          locale: 'en',
        },
        { token, headers: { 'idempotency-key': newKey() } },
      );
    const before = await api.get('/v1/admin/reports/consents', { token: dpo });
    const countOf = (body: { rows: { purpose: string; noticeVersion: string; granted: number; refused: number }[] }) =>
      body.rows.find((r) => r.purpose === 'third_party_sharing' && r.noticeVersion === version) ?? {
        granted: 0,
        refused: 0,
      };
    for (let i = 0; i < 3; i++) {
      const sub = `report-${newKey()}`;
      people.push({ token: await hostToken(sub, { email: `${sub}@example.com`, emailVerified: true }), sub });
    }
    // One changes their mind: only the latest decision counts.
    for (const [person, decisions] of [
      [people[0]!, ['grant']],
      [people[1]!, ['grant', 'deny']],
      [people[2]!, ['deny']],
    ] as const)
      for (const d of decisions)
        expect((await decide(person.token, 'third_party_sharing', d)).status).toBeLessThan(300);
    const after = await api.get('/v1/admin/reports/consents', { token: dpo });
    expect(after.status, after.text).toBe(200);
    expect(countOf(after.body).granted - countOf(before.body).granted).toBe(1);
    expect(countOf(after.body).refused - countOf(before.body).refused).toBe(2);
    for (const person of people) expect(after.text).not.toContain(person.sub);
    expect(Object.keys(after.body.rows[0]).sort()).toEqual(['granted', 'noticeVersion', 'purpose', 'refused']);
    expect(await lastAudit('report.consents')).toMatchObject({ actor_name: DPO });
  });

  it('request volume per month counts what came in, what was answered and how much of it on time', async () => {
    const sub = `volume-${newKey()}`;
    const token = await hostToken(sub, { email: `${sub}@example.com`, emailVerified: true });
    const month = new Date(server.clock.now()).toISOString().slice(0, 7);
    const before = await api.get('/v1/admin/reports/requests', { token: dpo });
    const rowOf = (body: { months: { month: string }[] }) =>
      (body.months.find((m) => m.month === month) ?? { received: 0, answered: 0, onTime: 0 }) as {
        received: number;
        answered: number;
        onTime: number;
      };
    const filed = await api.post('/v1/requests', requestBodies.rectification, {
      token,
      headers: { 'idempotency-key': newKey() },
    });
    expect(filed.status, filed.text).toBe(201);
    const read = await api.get(`/v1/admin/requests/${filed.body.id}`, { token: dpo });
    const completed = await api.post(
      `/v1/admin/requests/${filed.body.id}/transitions`,
      { to: 'completed', reason: 'corrected' },
      { token: dpo, headers: { 'if-match': read.headers.get('etag')! } },
    );
    expect(completed.status, completed.text).toBe(200);
    const after = await api.get('/v1/admin/reports/requests', { token: dpo });
    expect(after.status, after.text).toBe(200);
    expect(rowOf(after.body).received - rowOf(before.body).received).toBe(1);
    expect(rowOf(after.body).answered - rowOf(before.body).answered).toBe(1);
    expect(rowOf(after.body).onTime - rowOf(before.body).onTime).toBe(1);
    const row = after.body.months.find((m: { month: string }) => m.month === month);
    expect(row.onTimeRate).toBeCloseTo(row.onTime / row.answered);
    const backwards = await api.get('/v1/admin/reports/requests?from=2026-05-01&to=2026-04-01', { token: dpo });
    expect(backwards.status).toBe(422);
    expect(backwards.text).toMatch(/`from` is after `to`/);
  });

  it('the audit log downloads as CSV with every entry of the range, spreadsheet-safe, and the download is logged', async () => {
    // A key named like a formula: its name is the actor of the entries it causes.
    const key = await apiKey(server, '-2+3 automation', ['operator']);
    expect((await api.get('/v1/admin/requests?q=%3DHYPERLINK(1)', { token: key })).status).toBe(200);
    const res = await api.get('/v1/admin/reports/audit.csv', { token: dpo });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="twikit-privacy-audit-.*\.csv"/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actorKind,actor,action,requestId,subjectId,detail');
    const line = lines.find((l) => l.includes('automation'))!;
    expect(line).toContain(`"'-2+3 automation"`);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/(^|,)"[=+\-@]/);
    const count = Number((await server.deps.db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n);
    expect(lines.length - 1).toBe(count - 1); // everything before the download's own entry
    expect(await lastAudit('audit.download')).toMatchObject({ actor_name: DPO, detail: { entries: count - 1 } });
  });

  it('an operator without reports:read or audit:read is refused each report with 403 problem+json', async () => {
    for (const path of ['/v1/admin/reports/consents', '/v1/admin/reports/requests', '/v1/admin/reports/audit.csv']) {
      const res = await api.get(path, { token: desk });
      expect(res.status, path).toBe(403);
      expect(problemType(res.body)).toBe('forbidden');
    }
  });
});
