import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobBody } from '../../shared/contract/systems.ts';
import {
  ADMIN_TOKEN,
  apiKey,
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';
import {
  eventually,
  newSecret,
  startSystemProcess,
  systemsEnv,
  webhookEntry,
  type SystemProcess,
} from './system-kit.ts';

const admin = { token: ADMIN_TOKEN };

describe(`failing systems and bad callbacks change nothing that is not so (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  // Each system is its own process (test/server/system-process.ts), killed, slowed or broken by the tests.
  /** Answers nothing by itself: each test answers (or not) with `answer`. */
  let shop: SystemProcess;
  let flaky: SystemProcess;
  /** Verifies with another secret than the one the server signs with. */
  let wrongKey: SystemProcess;
  const processorMail = 'privacy@support-desk.example';

  async function file(body: object = requestBodies.access) {
    const sub = `failures-${newKey()}`;
    const token = await hostToken(sub, { email: `${sub}@example.com`, emailVerified: true });
    const res = await api.post('/v1/requests', body, { token, headers: { 'idempotency-key': newKey() } });
    expect(res.status, res.text).toBe(201);
    return { request: res.body, token };
  }
  const jobs = async (requestId: string) => (await api.get(`/v1/admin/requests/${requestId}/jobs`, admin)).body.jobs;
  const jobFor = async (requestId: string, system: string) =>
    (await jobs(requestId)).find((j: { system: string }) => j.system === system);
  const received = async (system: SystemProcess, requestId: string): Promise<JobBody | undefined> =>
    (await system.jobsOf(requestId))[0];

  beforeAll(async () => {
    [shop, flaky, wrongKey] = await Promise.all([
      startSystemProcess('shop', { rules: { '*': 'hold' } }),
      startSystemProcess('flaky', { rules: { '*': { status: 'done', data: { ok: true } } } }),
      startSystemProcess('wrongkey', { verifyWith: newSecret() }),
    ]);
    server = await startTestServer(
      systemsEnv(
        [
          webhookEntry(shop, { handles: ['access', 'erasure'] }),
          webhookEntry(flaky, { handles: ['portability'] }),
          webhookEntry(wrongKey, { handles: ['restriction'] }),
          {
            id: 'support-desk',
            name: 'Support desk',
            kind: 'processor',
            regions: ['eea'],
            handles: ['erasure'],
            connector: { type: 'email', to: processorMail },
          },
          {
            id: 'archive',
            name: 'Paper archive',
            kind: 'processor',
            regions: ['eea'],
            handles: ['objection'],
            connector: { type: 'manual', instructions: 'Pull the file from the cabinet.' },
          },
        ],
        // The default callback limit (10 MB) stands: the 50 MB answer below meets it as it would in production.
      ),
    );
    api = client(server.url);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    for (const s of [shop, flaky, wrongKey]) await s?.close();
  });

  it('a system that is down gets its job exactly once when it is back, and meanwhile the operator sees each failed attempt and why', async () => {
    await flaky.kill();
    const { request, token } = await file(requestBodies.portability);
    const failing = await eventually('two attempts failed', async () => {
      const job = await jobFor(request.id, 'flaky');
      return job.attempts >= 2 && job;
    });
    expect(failing.state).toBe('pending');
    expect(failing.lastError).toMatch(/network error/);
    expect(failing.nextAttemptAt).not.toBeNull();
    expect((await api.get(`/v1/requests/${request.id}`, { token })).body.status).toBe('in_progress');
    await flaky.start();
    const done = await eventually('the request completes', async () => {
      const r = await api.get(`/v1/requests/${request.id}`, { token });
      return r.body.status === 'completed' && r.body;
    });
    expect(done.systems[0]).toMatchObject({ system: 'flaky', state: 'done' });
    const job = (await received(flaky, request.id))!;
    expect(await flaky.deliveries(job.job.id)).toBe(1);
    expect((await flaky.state()).answers.filter((a) => a.job === job.job.id)).toEqual([
      { job: job.job.id, status: 200 },
    ]);
  });

  it('a system answering 500, garbage that is not HTTP, 50 MB, or too slowly, is retried with the reason kept; an operator can send it again', async () => {
    await flaky.mode('error500');
    const { request, token } = await file(requestBodies.portability);
    const failing = await eventually('an attempt failed with 500', async () => {
      const job = await jobFor(request.id, 'flaky');
      return job.lastError?.includes('HTTP 500') && job;
    });
    expect(failing.lastError).toContain('the system is broken');
    await flaky.mode('garbage');
    await eventually('an attempt met garbage', async () =>
      (await jobFor(request.id, 'flaky')).lastError?.includes('network error'),
    );
    // 50 MB of error page: the reason keeps its first words, and the attempt ends like any other.
    await flaky.mode('huge');
    const flooded = await eventually('an attempt met 50 MB', async () => {
      const job = await jobFor(request.id, 'flaky');
      return job.lastError?.includes('HTTP 500: yyy') && job;
    });
    expect(flooded.lastError.length).toBeLessThan(300);
    await flaky.mode('slow');
    await eventually('an attempt timed out', async () =>
      (await jobFor(request.id, 'flaky')).lastError?.includes('no answer within'),
    );
    expect((await api.get(`/v1/requests/${request.id}`, { token })).body.status).toBe('in_progress');
    expect(await flaky.jobsOf(request.id)).toEqual([]); // no attempt got through to the system's own code
    await flaky.mode('ok');
    const retried = await api.post(`/v1/admin/jobs/${failing.id}/retry`, undefined, admin);
    expect(retried.status, retried.text).toBe(200);
    await eventually('the job is answered', async () => (await jobFor(request.id, 'flaky')).state === 'done');
  });

  it('a system that calls back twice has its first answer taken and the second refused with 409', async () => {
    await flaky.rules({ '*': 'double' });
    try {
      const { request } = await file(requestBodies.portability);
      const [job] = await eventually('flaky has the job', async () => {
        const jobs = await flaky.jobsOf(request.id);
        return jobs.length > 0 && jobs;
      });
      const answers = await eventually('both answers were posted', async () => {
        const mine = (await flaky.state()).answers.filter((a) => a.job === job!.job.id);
        return mine.length === 2 && mine;
      });
      expect(answers.map((a) => a.status)).toEqual([200, 409]);
      // flaky holds nothing on this person: its first answer (not found) stands.
      expect(await jobFor(request.id, 'flaky')).toMatchObject({ state: 'not_found' });
    } finally {
      await flaky.rules({ '*': { status: 'done', data: { ok: true } } });
    }
  });

  it('a job signed with a key the system does not hold is refused by the system, and the refusal is the reason shown', async () => {
    const { request } = await file(requestBodies.restriction);
    const job = await eventually('the system refused it', async () => {
      const j = await jobFor(request.id, 'wrongkey');
      return j.lastError?.includes('HTTP 401') && j;
    });
    expect(job.state).toBe('pending');
    const state = await wrongKey.state();
    expect(state.refused).toBeGreaterThan(0);
    expect(state.received).toEqual([]);
  });

  it('garbage, foreign, duplicate and 50 MB callbacks are refused and change nothing', async () => {
    const first = await file();
    const second = await file();
    const [job, other] = await eventually('the shop holds both jobs', async () => {
      const a = await received(shop, first.request.id);
      const b = await received(shop, second.request.id);
      return a && b && ([a, b] as const);
    });
    const id = job.job.id;
    const state = async () => (await jobFor(first.request.id, 'shop')).state;
    const status = (answered: Awaited<ReturnType<SystemProcess['answer']>>) =>
      'status' in answered ? answered.status : answered.error;

    // Each refusal is written on the job the token belongs to, where the operator reads the jobs.
    const noted = async (requestId: string) => (await jobFor(requestId, 'shop')).callbackError as string | null;
    expect(await noted(first.request.id)).toBeNull();
    expect(status(await shop.answer(id, null, { raw: '{"status": "done", ' }))).toBe(400);
    expect(await noted(first.request.id)).toMatch(/callback refused with HTTP 400/);
    expect(status(await shop.answer(id, { status: 'finished' }))).toBe(422);
    expect(await noted(first.request.id)).toMatch(/HTTP 422.*\/status/);
    expect(status(await shop.answer(id, { status: 'failed' }))).toBe(422); // a failure needs its reason
    expect(await noted(first.request.id)).toMatch(/HTTP 422.*\/reason/);
    // A callback for another job: the first job's URL with the second job's token.
    expect(status(await shop.answer(id, { status: 'done' }, { tokenOf: other.job.id }))).toBe(404);
    expect(await noted(second.request.id)).toContain(`sent to the callback URL of job ${id}`);
    expect(status(await shop.answer(id, { status: 'done' }, { token: 'tpj_guessed' }))).toBe(404);
    expect(status(await shop.answer(id, { status: 'done' }, { token: null }))).toBe(401);
    // 50 MB against the default 10 MB limit: refused (413, or the connection cut once the limit is passed).
    const huge = await shop.answer(id, null, { megabytes: 50 });
    expect([413, 'other side closed', 'write EPIPE', 'read ECONNRESET']).toContain(status(huge));
    expect(await noted(first.request.id)).toMatch(/HTTP 413: The request body is larger than 10485760 bytes/);
    expect(await state()).toBe('sent');
    expect((await api.get(`/v1/admin/requests/${first.request.id}`, admin)).body.request.status).toBe('in_progress');

    const ok = await shop.answer(id, { status: 'done', data: { orders: 2 } });
    expect(ok).toMatchObject({ status: 200 });
    const twice = await shop.answer(id, { status: 'not_found' });
    expect(twice).toMatchObject({ status: 409, body: { detail: expect.stringMatching(/already answered/) } });
    expect(await state()).toBe('done');
    expect((await api.get(`/v1/admin/requests/${first.request.id}`, admin)).body.request.status).toBe('completed');
    await shop.answer(other.job.id, { status: 'failed', reason: 'the customer database is being migrated' });
    const failed = await jobFor(second.request.id, 'shop');
    expect(failed).toMatchObject({ state: 'failed', lastError: 'the customer database is being migrated' });
    expect((await api.get(`/v1/admin/requests/${second.request.id}`, admin)).body.request.status).toBe('in_progress');
  });

  it('an operator cannot complete a request a system has not answered, but can close it with a reason the person sees', async () => {
    const { request, token } = await file();
    const held = await eventually('the shop has it', () => received(shop, request.id));
    const refused = await api.post(`/v1/admin/requests/${request.id}/transitions`, { to: 'completed' }, admin);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/close it with a reason/);
    const closed = await api.post(
      `/v1/admin/requests/${request.id}/close`,
      { reason: 'The shop was closed down on 1 March; it holds no data any more.' },
      admin,
    );
    expect(closed.status, closed.text).toBe(200);
    const mine = (await api.get(`/v1/requests/${request.id}`, { token })).body;
    expect(mine.status).toBe('completed');
    expect(mine.systems[0]).toMatchObject({
      system: 'shop',
      state: 'closed',
      reason: 'The shop was closed down on 1 March; it holds no data any more.',
    });
    // The shop's late answer changes nothing.
    expect(await shop.answer(held.job.id, { status: 'done' })).toMatchObject({ status: 409 });
  });

  it('R48: an erasure reaches a processor without an API by e-mail with a one-time link; opening it confirms nothing, its button does, once', async () => {
    const { request, token } = await file(requestBodies.erasure);
    await shop.answer((await eventually('the shop has it', () => received(shop, request.id))).job.id, {
      status: 'done',
      erased: ['Orders'],
    });
    const mail = await eventually('the processor is mailed', () =>
      server.deps.mailer.outbox?.find((m) => m.to === processorMail && m.text.includes(request.id)),
    );
    const link = /(http:\/\/\S+\/confirm\?token=\S+)/.exec(mail.text)![1]!;
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<form method="post"');
    expect((await jobFor(request.id, 'support-desk')).state).toBe('sent');
    const confirmed = await fetch(link, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    const mine = (await api.get(`/v1/requests/${request.id}`, { token })).body;
    expect(mine.status).toBe('completed');
    expect(mine.systems.map((s: { system: string; state: string }) => [s.system, s.state]).sort()).toEqual([
      ['shop', 'done'],
      ['support-desk', 'done'],
    ]);
    expect((await fetch(link, { method: 'POST' })).status).toBe(409);
    expect((await fetch(link.replace(/token=\S+/, 'token=tpj_forged'), { method: 'POST' })).status).toBe(404);
  });

  it('R40: the person is told by e-mail, in their language: received, and a refusal with its reasons and the rights to complain and to go to court', async () => {
    const sub = `mail-${newKey()}`;
    const email = `${sub}@example.com`;
    const token = await hostToken(sub, { email, emailVerified: true });
    const filed = await api.post('/v1/requests', requestBodies.rectification, {
      token,
      headers: { 'idempotency-key': newKey() },
    });
    expect(filed.status, filed.text).toBe(201);
    const mails = () => (server.deps.mailer.outbox ?? []).filter((m) => m.to === email);
    expect(mails().map((m) => m.subject)).toEqual(['We hebben je privacyverzoek ontvangen']);
    expect(mails()[0]!.text).toContain(filed.body.dueAt);
    // Nobody holds what it would correct: the operator refuses, with a reason the person reads.
    const rejected = await api.post(
      `/v1/admin/requests/${filed.body.id}/transitions`,
      { to: 'rejected', reason: 'We hebben geen naam van je opgeslagen.' },
      admin,
    );
    expect(rejected.status, rejected.text).toBe(200);
    const refusal = mails().at(-1)!;
    expect(refusal.subject).toBe('We kunnen je privacyverzoek niet uitvoeren');
    expect(refusal.text).toContain('We hebben geen naam van je opgeslagen.');
    expect(refusal.text).toContain('Gegevensbeschermingsautoriteit');
    expect(refusal.text).toContain('naar de rechter');
  });

  it('a manual system waits for an operator, who ticks it off with a note; until then the queue marks it waiting on a system', async () => {
    const { request, token } = await file(requestBodies.objection);
    const job = await jobFor(request.id, 'archive');
    expect(job).toMatchObject({ connector: 'manual', state: 'pending', nextAttemptAt: null, attempts: 0 });
    const flags = async () => (await api.get(`/v1/admin/requests/${request.id}`, admin)).body.flags.waitingOnSystem;
    expect(await flags()).toBe(true);
    const waitingOn = async (system: string) =>
      (await api.get(`/v1/admin/requests?waitingOn=${system}&limit=500`, admin)).body.requests.map(
        (v: { request: { id: string } }) => v.request.id,
      );
    expect(await waitingOn('archive')).toContain(request.id);
    expect(await waitingOn('shop')).not.toContain(request.id);
    const ticked = await api.post(`/v1/admin/jobs/${job.id}/confirm`, { note: 'File pulled and marked.' }, admin);
    expect(ticked.status, ticked.text).toBe(200);
    // The note is signed by whoever is authenticated (here the shared token), never by a claimed name.
    expect(ticked.body).toMatchObject({ state: 'done', note: 'admin-token: File pulled and marked.' });
    expect((await api.get(`/v1/requests/${request.id}`, { token })).body.status).toBe('completed');
    expect(await flags()).toBe(false);
    expect(await waitingOn('archive')).not.toContain(request.id);
  });

  it('operators read each system with its health (last success, failing and open jobs) and no secret or address; a role without requests:read is refused', async () => {
    const { request } = await file(requestBodies.objection);
    const read = async () => {
      const res = await api.get('/v1/admin/systems', admin);
      expect(res.status, res.text).toBe(200);
      return res;
    };
    const before = await read();
    expect(before.body.systems.map((s: { id: string }) => s.id)).toEqual([
      'shop',
      'flaky',
      'wrongkey',
      'support-desk',
      'archive',
    ]);
    for (const secret of [shop.secret, shop.url, flaky.secret, processorMail])
      expect(before.text).not.toContain(secret);
    const archive = (res: typeof before) => res.body.systems.find((s: { id: string }) => s.id === 'archive');
    expect(archive(before)).toMatchObject({ kind: 'processor', connector: 'manual', handles: ['objection'] });
    expect(archive(before).open).toBeGreaterThanOrEqual(1);
    const job = await jobFor(request.id, 'archive');
    await api.post(`/v1/admin/jobs/${job.id}/confirm`, { note: 'Cabinet checked.' }, admin);
    const after = await read();
    expect(archive(after).open).toBe(archive(before).open - 1);
    expect(archive(after).lastSuccessAt).not.toBeNull();

    const scansOnly = await apiKey(server, `scans ${newKey().slice(0, 6)}`, ['biometric']);
    const refused = await api.get('/v1/admin/systems', { token: scansOnly });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
