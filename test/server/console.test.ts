import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import {
  ADMIN_TOKEN,
  apiKey,
  client,
  DB_KIND,
  hostToken,
  latestCode,
  newKey,
  productionSecrets,
  requestBodies,
  signInOperator,
  startTestServer,
  stepUp,
  type Client,
  type TestServer,
} from './harness.ts';

const DPO = 'dpo@twikit.com';
const DESK = 'desk@twikit.com';
const SCANS = 'scans@twikit.com';
const OPERATORS = `${DPO}:dpo+biometric,${DESK}:operator,${SCANS}:biometric`;
const problemType = (body: { type?: string }) => body.type?.split('/').pop();

let server: TestServer;
let api: Client;
beforeAll(async () => {
  server = await startTestServer({ OPERATORS });
  api = client(server.url);
});
afterAll(async () => server?.stop());

const file = async (body: unknown, email = `person-${newKey()}@example.com`, sub = `console-${newKey()}`) => {
  const token = await hostToken(sub, { email, emailVerified: true });
  const res = await api.post('/v1/requests', body, { token, headers: { 'idempotency-key': newKey() } });
  if (res.status !== 201) throw new Error(res.text);
  return { id: res.body.id as string, token, email, sub };
};
const auditOf = async (requestId: string) =>
  server.deps.db.query<{ actor_name: string; action: string; detail: Record<string, unknown> }>(
    'select actor_name, action, detail from audit_log where request_id = $1 order by seq',
    [requestId],
  );

describe(`OPERATORS (${DB_KIND})`, () => {
  it('reads "email:role+role" entries and refuses an unknown role or a malformed entry, naming it', () => {
    const env = { NODE_ENV: 'development' };
    expect(
      loadConfig({ ...env, OPERATORS: ' A@Twikit.com:dpo+biometric , b@twikit.com:operator' }).console.operators,
    ).toEqual([
      { email: 'a@twikit.com', roles: ['dpo', 'biometric'] },
      { email: 'b@twikit.com', roles: ['operator'] },
    ]);
    expect(() => loadConfig({ ...env, OPERATORS: 'a@twikit.com:admin' })).toThrow(/OPERATORS: .*unknown role "admin"/);
    expect(() => loadConfig({ ...env, OPERATORS: 'a@twikit.com' })).toThrow(
      /OPERATORS: "a@twikit.com" is not "email:role"/,
    );
  });
});

describe(`console sign-in (${DB_KIND})`, () => {
  it('an operator signs in by e-mailed code into a session that names them and their roles', async () => {
    const token = await signInOperator(server, DPO);
    expect(token).toMatch(/^tpo_/);
    const me = await api.get('/v1/console/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'operator', name: DPO, roles: ['dpo', 'biometric'], idleMinutes: 30 });
    expect(me.body.steppedUpUntil).toBeNull();
  });

  it('an address that is no operator gets the same answer and no mail; a wrong code is refused', async () => {
    const outbox = server.deps.mailer.outbox!;
    const before = outbox.length;
    const res = await api.post('/v1/console/auth/start', { email: 'someone@example.com' });
    expect(res.status).toBe(202);
    expect(res.body.sent).toBe(true);
    expect(outbox.length).toBe(before);
    const wrong = await api.post('/v1/console/auth/verify', { email: 'someone@example.com', code: '123456' });
    expect(wrong.status).toBe(401);
    expect(problemType(wrong.body)).toBe('sign-in-code-invalid');
  });

  it("a person's own sign-in code does not open the console, nor the console's code a person's session", async () => {
    await api.post('/v1/auth/email/start', { email: DESK });
    const personCode = latestCode(server, DESK);
    expect((await api.post('/v1/console/auth/verify', { email: DESK, code: personCode })).status).toBe(401);
  });

  it('a session ends after 30 minutes unused, and 8 hours after sign-in however busy', async () => {
    server.clock.set('2026-03-10T10:00:00.000Z');
    const token = await signInOperator(server, DESK);
    server.clock.advance(29 * 60_000);
    expect((await api.get('/v1/console/me', { token })).status).toBe(200);
    server.clock.advance(31 * 60_000);
    const idle = await api.get('/v1/console/me', { token });
    expect(idle.status).toBe(401);
    expect(idle.body.detail).toMatch(/ended/);
    const busy = await signInOperator(server, DESK);
    for (let i = 0; i < 16; i++) {
      server.clock.advance(29 * 60_000);
      expect((await api.get('/v1/console/me', { token: busy })).status, `after ${(i + 1) * 29} minutes`).toBe(200);
    }
    server.clock.advance(29 * 60_000);
    expect((await api.get('/v1/console/me', { token: busy })).status).toBe(401);
  });

  it('signing out ends the session', async () => {
    const token = await signInOperator(server, DESK);
    expect((await api.delete('/v1/console/auth/session', { token })).status).toBe(204);
    expect((await api.get('/v1/console/me', { token })).status).toBe(401);
  });
});

describe(`roles (${DB_KIND})`, () => {
  it('a role that does not allow an action gets 403 problem+json naming what it needs', async () => {
    const desk = await signInOperator(server, DESK);
    const scans = await signInOperator(server, SCANS);
    const audit = await api.get('/v1/console/audit', { token: desk });
    expect(audit.status).toBe(403);
    expect(audit.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(problemType(audit.body)).toBe('forbidden');
    expect(audit.body.detail).toContain('audit:read');
    expect((await api.get('/v1/console/keys', { token: desk })).status).toBe(403);
    expect((await api.post('/v1/console/keys', { name: 'desk key', roles: ['dpo'] }, { token: desk })).status).toBe(
      403,
    );
    // `biometric` alone opens no request.
    expect((await api.get('/v1/admin/requests', { token: scans })).status).toBe(403);
    const { id } = await file(requestBodies.restriction);
    expect((await api.post(`/v1/admin/requests/${id}/transitions`, { to: 'verifying' }, { token: scans })).status).toBe(
      403,
    );
  });

  it('X-Operator is not trusted: the log names the authenticated operator', async () => {
    const desk = await signInOperator(server, DESK);
    const { id } = await file(requestBodies.restriction);
    const res = await api.post(
      `/v1/admin/requests/${id}/transitions`,
      { to: 'verifying' },
      {
        token: desk,
        headers: { 'x-operator': 'somebody else' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.request.events.at(-1)).toMatchObject({ actor: 'operator', actorId: DESK });
  });
});

describe(`step-up for destructive actions (${DB_KIND})`, () => {
  it('refusing a request needs a fresh code, valid for 5 minutes', async () => {
    server.clock.set('2026-04-01T08:00:00.000Z');
    const desk = await signInOperator(server, DESK);
    const { id } = await file(requestBodies.objection);
    const refuse = () =>
      api.post(
        `/v1/admin/requests/${id}/transitions`,
        { to: 'rejected', reason: 'Manifestly unfounded.' },
        { token: desk },
      );
    const first = await refuse();
    expect(first.status).toBe(403);
    expect(problemType(first.body)).toBe('step-up-required');
    await stepUp(server, desk, DESK);
    expect((await api.get('/v1/console/me', { token: desk })).body.steppedUpUntil).toBe('2026-04-01T08:05:00.000Z');
    server.clock.advance(5 * 60_000 + 1000);
    expect(problemType((await refuse()).body)).toBe('step-up-required');
    await stepUp(server, desk, DESK);
    expect((await refuse()).status).toBe(200);
  });

  it('completing an erasure needs one too; completing a rectification does not', async () => {
    const desk = await signInOperator(server, DESK);
    const erasure = await file(requestBodies.erasure);
    const rectification = await file(requestBodies.rectification);
    const complete = (id: string) =>
      api.post(`/v1/admin/requests/${id}/transitions`, { to: 'completed', reason: 'Done.' }, { token: desk });
    expect(problemType((await complete(erasure.id)).body)).toBe('step-up-required');
    expect((await complete(rectification.id)).status).toBe(200);
    await stepUp(server, desk, DESK);
    expect((await complete(erasure.id)).status).toBe(200);
  });

  it('a wrong step-up code is refused and allows nothing', async () => {
    const desk = await signInOperator(server, DESK);
    await api.post('/v1/console/auth/step-up/start', undefined, { token: desk });
    const wrong = latestCode(server, DESK) === '000000' ? '111111' : '000000';
    expect((await api.post('/v1/console/auth/step-up', { code: wrong }, { token: desk })).status).toBe(401);
    expect((await api.get('/v1/console/me', { token: desk })).body.steppedUpUntil).toBeNull();
  });
});

describe(`API keys (${DB_KIND})`, () => {
  it('a dpo creates a named key after a fresh code; its secret is shown once and stored hashed', async () => {
    const dpo = await signInOperator(server, DPO);
    const name = `fulfilment bot ${newKey().slice(0, 6)}`;
    const early = await api.post('/v1/console/keys', { name, roles: ['operator'] }, { token: dpo });
    expect(problemType(early.body)).toBe('step-up-required');
    await stepUp(server, dpo, DPO);
    const created = await api.post('/v1/console/keys', { name, roles: ['operator'] }, { token: dpo });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, roles: ['operator'], createdBy: DPO, revokedAt: null });
    const token = created.body.token as string;
    expect(token).toMatch(/^tpk_/);
    const listed = await api.get('/v1/console/keys', { token: dpo });
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const stored = await server.deps.db.query<{ token_hash: string }>(
      'select token_hash from operator_keys where name = $1',
      [name],
    );
    expect(stored[0]!.token_hash).not.toContain(token.slice(4));

    const me = await api.get('/v1/console/me', { token });
    expect(me.body).toMatchObject({ kind: 'key', name, roles: ['operator'] });
    expect((await api.get('/v1/admin/requests?open=true', { token })).status).toBe(200);
    expect((await api.get('/v1/console/audit', { token })).status).toBe(403);

    expect((await api.delete(`/v1/console/keys/${created.body.id}`, { token: dpo })).status).toBe(204);
    expect((await api.get('/v1/console/me', { token })).status).toBe(401);
    const again = await api.post('/v1/console/keys', { name, roles: ['operator'] }, { token: dpo });
    expect(again.status).toBe(409);
  });
});

describe(`the queue (${DB_KIND})`, () => {
  it('dueBefore lists open requests only; flags mark overdue and due within 7 days', async () => {
    const key = await apiKey(server, `queue ${newKey().slice(0, 6)}`, ['operator']);
    server.clock.set('2026-07-01T08:00:00.000Z');
    const old = await file(requestBodies.restriction);
    const closed = await file(requestBodies.restriction);
    await api.post(`/v1/admin/requests/${closed.id}/transitions`, { to: 'completed', reason: 'Done.' }, { token: key });
    server.clock.set('2026-07-20T08:00:00.000Z');
    const recent = await file(requestBodies.restriction);
    server.clock.set('2026-08-05T08:00:00.000Z'); // `old` was due on 3 August, `recent` on 20 August
    const due = await api.get('/v1/admin/requests?dueBefore=2026-12-31&type=restriction&limit=500', { token: key });
    const ids = due.body.requests.map((v: { request: { id: string } }) => v.request.id);
    expect(ids).toContain(old.id);
    expect(ids).toContain(recent.id);
    expect(ids).not.toContain(closed.id);
    const flags = (id: string) => due.body.requests.find((v: { request: { id: string } }) => v.request.id === id).flags;
    expect(flags(old.id)).toEqual({ overdue: true, dueSoon: true, waitingOnSystem: false });
    expect(flags(recent.id)).toEqual({ overdue: false, dueSoon: false, waitingOnSystem: false });
    const overdue = await api.get('/v1/admin/requests?flag=overdue&type=restriction&limit=500', { token: key });
    const overdueIds = overdue.body.requests.map((v: { request: { id: string } }) => v.request.id);
    expect(overdueIds).toContain(old.id);
    expect(overdueIds).not.toContain(recent.id);
    expect(overdue.body.requests.every((v: { flags: { overdue: boolean } }) => v.flags.overdue)).toBe(true);
  });

  it('finds a request by the e-mail address, the host subject or the id', async () => {
    const key = await apiKey(server, `search ${newKey().slice(0, 6)}`, ['operator']);
    const mine = await file(requestBodies.erasure, `Findme-${newKey()}@Example.com`);
    for (const q of [mine.email, mine.email.toUpperCase(), mine.sub, mine.id]) {
      const res = await api.get(`/v1/admin/requests?q=${encodeURIComponent(q)}`, { token: key });
      expect(
        res.body.requests.map((v: { request: { id: string } }) => v.request.id),
        q,
      ).toEqual([mine.id]);
    }
    expect((await api.get('/v1/admin/requests?q=nobody%40example.com', { token: key })).body.requests).toEqual([]);
  });
});

describe(`two operators at once (${DB_KIND})`, () => {
  it('the second, acting on what they read before, is told what changed and nothing is applied twice', async () => {
    server.clock.set('2026-09-01T08:00:00.000Z');
    const a = await apiKey(server, `Ann ${newKey().slice(0, 6)}`, ['operator']);
    const b = await apiKey(server, `Bob ${newKey().slice(0, 6)}`, ['operator']);
    const { id } = await file(requestBodies.restriction);
    const read = await api.get(`/v1/admin/requests/${id}`, { token: b });
    const version = read.headers.get('etag')!;
    expect(version).toBe(`"${read.body.version}"`);
    const extend = { to: 'extended', reason: 'Many systems to check.', extendByMonths: 2 };
    const first = await api.post(`/v1/admin/requests/${id}/transitions`, extend, {
      token: a,
      headers: { 'if-match': version },
    });
    expect(first.status).toBe(200);
    const second = await api.post(`/v1/admin/requests/${id}/transitions`, extend, {
      token: b,
      headers: { 'if-match': version },
    });
    expect(second.status).toBe(412);
    expect(problemType(second.body)).toBe('stale-version');
    expect(second.body.currentVersion).toBe(first.body.version);
    expect(second.body.changes).toEqual([
      expect.objectContaining({ what: expect.stringContaining('received → extended') }),
    ]);
    const after = await api.get(`/v1/admin/requests/${id}`, { token: a });
    expect(after.body.request.events.filter((e: { to: string }) => e.to === 'extended')).toHaveLength(1);
  });

  it('two completions sent at the same moment: one is applied, the other refused', async () => {
    const a = await apiKey(server, `Cas ${newKey().slice(0, 6)}`, ['operator']);
    const b = await apiKey(server, `Dee ${newKey().slice(0, 6)}`, ['operator']);
    const { id } = await file(requestBodies.rectification);
    const version = (await api.get(`/v1/admin/requests/${id}`, { token: a })).headers.get('etag')!;
    const body = { to: 'completed', reason: 'Corrected.' };
    const results = await Promise.all(
      [a, b].map((token) =>
        api.post(`/v1/admin/requests/${id}/transitions`, body, { token, headers: { 'if-match': version } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const rows = await server.deps.db.query('select 1 from request_events where request_id = $1 and to_status = $2', [
      id,
      'completed',
    ]);
    expect(rows).toHaveLength(1);
  });
});

describe(`refusals and extensions reach the person (${DB_KIND})`, () => {
  it('R40: a refusal carries its reason and the right to complain to the Belgian DPA and to go to court, by e-mail too', async () => {
    const dpo = await signInOperator(server, DPO);
    await stepUp(server, dpo, DPO);
    const person = await file(requestBodies.objection);
    const res = await api.post(
      `/v1/admin/requests/${person.id}/transitions`,
      { to: 'rejected', reason: 'We found no processing on legitimate interest.' },
      { token: dpo },
    );
    expect(res.status).toBe(200);
    const own = await api.get(`/v1/requests/${person.id}`, { token: person.token });
    expect(own.body.statusReason).toMatch(/^We found no processing on legitimate interest\./);
    expect(own.body.statusReason).toMatch(/complaint with the Belgian Data Protection Authority/);
    expect(own.body.statusReason).toMatch(/judicial remedy before the courts/);
    const mail = [...server.deps.mailer.outbox!].reverse().find((m) => m.to === person.email.toLowerCase());
    expect(mail?.text).toContain('Belgian Data Protection Authority');
  });

  it('R39: an extension reaches the person with its reason and the new due date', async () => {
    const key = await apiKey(server, `ext ${newKey().slice(0, 6)}`, ['operator']);
    const person = await file(requestBodies.restriction);
    await api.post(
      `/v1/admin/requests/${person.id}/transitions`,
      { to: 'extended', reason: 'Three systems hold your data.', extendByMonths: 1 },
      { token: key },
    );
    const mail = [...server.deps.mailer.outbox!].reverse().find((m) => m.to === person.email.toLowerCase());
    expect(mail?.text).toContain('Three systems hold your data.');
  });
});

describe(`the audit log (${DB_KIND})`, () => {
  it("R51: every read of a person's data and every action is logged under the named operator, and a dpo reads it", async () => {
    const desk = await signInOperator(server, DESK);
    const person = await file(requestBodies.restriction);
    await api.get(`/v1/admin/requests?q=${encodeURIComponent(person.email)}`, { token: desk });
    const page = await api.get(`/v1/admin/requests/${person.id}`, { token: desk });
    await api.get(`/v1/admin/requests/${person.id}/export-preview`, { token: desk });
    await api.post(
      `/v1/admin/requests/${person.id}/transitions`,
      { to: 'extended', reason: 'Busy.', extendByMonths: 1 },
      { token: desk, headers: { 'if-match': page.headers.get('etag')! } },
    );
    expect((await auditOf(person.id)).map((e) => [e.actor_name, e.action])).toEqual([
      [DESK, 'request.read'],
      [DESK, 'export.preview'],
      [DESK, 'request.extended'],
    ]);
    const [queueRead] = await server.deps.db.query<{ detail: { shown: Array<{ requestId: string }> } }>(
      "select detail from audit_log where actor_name = $1 and action = 'queue.read' order by seq desc limit 1",
      [DESK],
    );
    expect(queueRead!.detail.shown).toEqual([expect.objectContaining({ requestId: person.id })]);

    const dpo = await signInOperator(server, DPO);
    const log = await api.get(`/v1/console/audit?requestId=${person.id}`, { token: dpo });
    expect(log.status).toBe(200);
    expect(log.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'request.extended',
      'export.preview',
      'request.read',
    ]);
    expect(log.body.entries[0]).toMatchObject({ actor: DESK, actorKind: 'operator', requestId: person.id });
    const csv = await api.get(`/v1/console/audit?requestId=${person.id}&format=csv`, { token: dpo });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('seq,at,actorKind,actor,action,requestId,subjectId,detail');
    expect(csv.text).toContain(`"${DESK}","request.extended"`);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    await expect(server.deps.db.query("update audit_log set actor_name = 'nobody'")).rejects.toThrow(/append-only/);
    await expect(server.deps.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });
});

describe(`body scans (${DB_KIND})`, () => {
  it('R70: an operator without biometric sees body-scan records masked in the export preview; a biometric holder sees them', async () => {
    const email = `scan-${newKey()}@example.com`;
    const sub = `scan-${newKey()}`;
    const token = await hostToken(sub, { email, emailVerified: true });
    const version = (await api.get('/v1/notice')).body.notice.version;
    const decided = await api.post(
      '/v1/consents',
      {
        purpose: 'biometric_scans',
        decision: 'grant',
        method: 'ui',
        control: 'just-in-time',
        surface: { kind: 'widget', app: 'twikfit' },
        noticeVersion: version,
        locale: 'en',
      },
      { token },
    );
    expect(decided.status, decided.text).toBe(201);
    const { id } = await file(requestBodies.erasure, email, sub);
    const desk = await signInOperator(server, DESK);
    const masked = await api.get(`/v1/admin/requests/${id}/export-preview`, { token: desk });
    expect(masked.status).toBe(200);
    expect(masked.body.masked).toEqual(['/consents/0']);
    expect(masked.body.document.consents[0]).toEqual({
      id: decided.body.record.id,
      purpose: 'biometric_scans',
      recordedAt: expect.any(String),
      masked: expect.stringContaining('biometric role'),
    });
    const dpo = await signInOperator(server, DPO);
    const shown = await api.get(`/v1/admin/requests/${id}/export-preview`, { token: dpo });
    expect(shown.body.masked).toEqual([]);
    expect(shown.body.document.consents[0]).toMatchObject({ purpose: 'biometric_scans', control: 'just-in-time' });
    expect((await auditOf(id)).map((e) => [e.actor_name, e.detail.bodyScans])).toEqual([
      [DESK, 'masked'],
      [DPO, 'shown'],
    ]);
  });
});

describe(`ADMIN_TOKEN (${DB_KIND})`, () => {
  it('grants every role in development (tests and local tools), logged as admin-token', async () => {
    const { id } = await file(requestBodies.restriction);
    const res = await api.post(`/v1/admin/requests/${id}/transitions`, { to: 'verifying' }, { token: ADMIN_TOKEN });
    expect(res.status).toBe(200);
    expect(res.body.request.events.at(-1).actorId).toBe('admin-token');
  });

  it('grants no operator action in production; a named key does', async () => {
    const secrets = productionSecrets();
    const production = await startTestServer({ NODE_ENV: '', ...secrets, OPERATORS });
    try {
      const prod = client(production.url);
      for (const path of ['/v1/admin/requests', '/v1/console/me', '/v1/console/audit']) {
        const res = await prod.get(path, { token: secrets.ADMIN_TOKEN });
        expect(res.status, path).toBe(401);
        expect(res.body.detail, path).toMatch(/ADMIN_TOKEN grants no operator action in production/);
      }
      const key = await apiKey(production, 'production desk', ['operator']);
      expect((await prod.get('/v1/admin/requests', { token: key })).status).toBe(200);
    } finally {
      await production.stop();
    }
  });
});
