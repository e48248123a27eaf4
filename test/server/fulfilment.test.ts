import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobBody } from '../../shared/contract/systems.ts';
import { systemKey } from '../../server/services/fulfilment.ts';
import {
  ADMIN_TOKEN,
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';
import { eventually, startSystemProcess, systemsEnv, webhookEntry, type SystemProcess } from './system-kit.ts';

const admin = { token: ADMIN_TOKEN };
const PRIVACY_CENTER = 'https://app.twikit.example/privacy';

describe(`rights reach the data systems (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  // Three systems, each its own process with its own store: TwikFit and the carrier know each person
  // `person()` makes; the telemetry system only hears of consent changes.
  let twikfit: SystemProcess;
  let carrier: SystemProcess;
  let telemetry: SystemProcess;

  /** A person of the host app, with an e-mail address the systems know them by, and data in two systems. */
  async function person(): Promise<{ token: string; email: string; sub: string }> {
    const sub = `fulfil-${newKey()}`;
    const email = `${sub}@example.com`;
    const token = await hostToken(sub, { email, emailVerified: true });
    expect((await api.get('/v1/me', { token })).status).toBe(200); // the account exists from its first call
    await twikfit.seed(email, {
      Profile: { name: 'Jan Jansens', email },
      'Body scans': [{ id: 'scan-1', takenAt: '2026-01-02' }],
      Designs: ['d-1'],
      Invoices: [{ number: 'TF-2026-7' }],
    });
    await carrier.seed(email, { 'Delivery addresses': ['Kerkstraat 1, Gent'] });
    return { token, email, sub };
  }

  async function file(token: string, body: object) {
    const res = await api.post('/v1/requests', body, { token, headers: { 'idempotency-key': newKey() } });
    expect(res.status, res.text).toBe(201);
    return res.body;
  }

  const jobsOf = (system: SystemProcess, requestId: string): Promise<JobBody[]> => system.jobsOf(requestId);

  const adminRequest = async (id: string) => (await api.get(`/v1/admin/requests/${id}`, admin)).body.request;

  beforeAll(async () => {
    [twikfit, carrier, telemetry] = await Promise.all([
      startSystemProcess('twikfit', {
        keeps: [
          {
            category: 'Invoices',
            what: 'Invoices',
            ground: 'Belgian accounting law (Art. 17(3)(b))',
            until: '2033-12-31',
          },
        ],
        purposeCategories: { biometric_scans: ['Body scans'] },
      }),
      // The carrier takes its time over access: the test answers for it.
      startSystemProcess('carrier', { rules: { access: 'hold' } }),
      startSystemProcess('telemetry'),
    ]);
    server = await startTestServer(
      systemsEnv(
        [
          webhookEntry(twikfit, { name: 'TwikFit', purposes: ['biometric_scans'] }),
          webhookEntry(carrier, {
            name: 'Parcel carrier',
            kind: 'processor',
            regions: ['eea'],
            handles: ['access', 'erasure', 'account_deletion', 'rectification', 'restriction'],
          }),
          webhookEntry(telemetry, { name: 'Telemetry', handles: ['consent'], purposes: ['telemetry'] }),
        ],
        { PRIVACY_CENTER_URL: PRIVACY_CENTER },
      ),
    );
    api = client(server.url);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    for (const s of [twikfit, carrier, telemetry]) await s?.close();
  });

  it('R45: access collects from every system that holds data, completes only once each answered, and the export holds each system under its id with the Art. 15 part naming the systems and their regions', async () => {
    const { token, email } = await person();
    const filed = await file(token, requestBodies.access);
    expect(filed.status).toBe('in_progress');
    expect(filed.systems.map((s: { system: string }) => s.system).sort()).toEqual(['carrier', 'twikfit']);

    const [held] = await eventually('the carrier receives the job', async () => {
      const jobs = await jobsOf(carrier, filed.id);
      return jobs.length > 0 && jobs;
    });
    expect(held!.subject.email).toBe(email);
    expect(held!.job.type).toBe('access');
    await eventually('TwikFit answers', async () => {
      const r = await api.get(`/v1/requests/${filed.id}`, { token });
      return r.body.systems.find((s: { system: string }) => s.system === 'twikfit')?.state === 'done';
    });
    // One system has answered, the other not yet: the request is not complete, and no export is offered.
    const midway = await api.get(`/v1/requests/${filed.id}`, { token });
    expect(midway.body.status).toBe('in_progress');
    expect(midway.body.systems.find((s: { system: string }) => s.system === 'carrier').state).toBe('sent');
    expect((await api.get(`/v1/requests/${filed.id}/export`, { token })).status).toBe(409);

    const answered = await carrier.answer(held!.job.id, { status: 'done', data: { parcels: ['BE-123'] } });
    expect(answered).toMatchObject({ status: 200 });
    const done = await api.get(`/v1/requests/${filed.id}`, { token });
    expect(done.body.status).toBe('completed');
    const exported = await api.get(`/v1/requests/${filed.id}/export`, { token });
    expect(exported.status).toBe(200);
    expect(exported.body.systems.twikfit).toMatchObject({
      name: 'TwikFit',
      kind: 'app',
      state: 'done',
      data: {
        Profile: { name: 'Jan Jansens', email },
        'Body scans': [{ id: 'scan-1', takenAt: '2026-01-02' }],
        Designs: ['d-1'],
      },
    });
    expect(exported.body.systems.carrier.data).toEqual({ parcels: ['BE-123'] });
    expect(exported.body.information.systemsHoldingYourData.map((s: { system: string }) => s.system).sort()).toEqual([
      'carrier',
      'twikfit',
    ]);
    expect(exported.body.information.recipientsOfYourData).toEqual([
      { system: 'carrier', name: 'Parcel carrier', kind: 'processor', regions: ['eea'] },
    ]);
    expect(exported.body.information.regionsOfYourData.sort()).toEqual(['eea', 'us_ca']);
    const csv = await api.get(`/v1/requests/${filed.id}/export?format=csv`, { token });
    expect(csv.text).toContain('"systems","twikfit.data.Body scans.0.id","scan-1"');
    // The zip holds one file per system beside the privacy service's own; any unzip opens it.
    const zip = await fetch(`${server.url}/v1/requests/${filed.id}/export?format=zip`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const saved = join(mkdtempSync(join(tmpdir(), 'tpc-zip-')), 'export.zip');
    writeFileSync(saved, Buffer.from(await zip.arrayBuffer()));
    expect(execFileSync('unzip', ['-Z1', saved], { encoding: 'utf8' }).trim().split('\n').sort()).toEqual([
      'systems/carrier.json',
      'systems/twikfit.json',
      'twikit-privacy-service.json',
    ]);
    const part = JSON.parse(execFileSync('unzip', ['-p', saved, 'systems/twikfit.json'], { encoding: 'utf8' }));
    expect(part.data.Designs).toEqual(['d-1']);
    execFileSync('unzip', ['-tq', saved]); // CRCs check out

    // The "done" mail sends the person where they see their requests, not to an API URL that needs a token.
    const mail = server.deps.mailer.outbox?.find((m) => m.to === email && m.text.includes('TwikFit: done'));
    expect(mail?.text).toContain(`open ${PRIVACY_CENTER},`);
    expect(mail?.text).toContain('“Your requests”');
    expect(mail?.text).not.toContain('/v1/requests/');
  });

  it('R46: portability collects from the systems that handle it the data the person provided or that was observed, as JSON and CSV under each system, without the notice information', async () => {
    const { token } = await person();
    const filed = await file(token, requestBodies.portability);
    // The carrier holds delivery addresses but does not handle portability: only TwikFit is asked.
    expect(filed.systems.map((s: { system: string }) => s.system)).toEqual(['twikfit']);
    await eventually('TwikFit answers', async () => {
      const r = await api.get(`/v1/requests/${filed.id}`, { token });
      return r.body.status === 'completed';
    });
    expect(await jobsOf(carrier, filed.id)).toEqual([]);
    const exported = await api.get(`/v1/requests/${filed.id}/export`, { token });
    expect(exported.status, exported.text).toBe(200);
    expect(Object.keys(exported.body.systems)).toEqual(['twikfit']);
    expect(exported.body.systems.twikfit.data).toMatchObject({
      'Body scans': [{ id: 'scan-1', takenAt: '2026-01-02' }],
      Designs: ['d-1'],
    });
    expect(exported.body).not.toHaveProperty('information');
    const csv = await api.get(`/v1/requests/${filed.id}/export?format=csv`, { token });
    expect(csv.text).toContain('"systems","twikfit.data.Designs.0","d-1"');
  });

  it('R48: account deletion reaches every app and processor; the request lists, per system, what was erased and what was kept, on which ground and until when', async () => {
    const { token, email } = await person();
    const filed = await file(token, requestBodies.account_deletion);
    expect(filed.status).toBe('in_progress');
    const request = await eventually('every system answered', async () => {
      const r = await adminRequest(filed.id);
      return r.status === 'completed' && r;
    });
    const bySystem = Object.fromEntries(request.systems.map((s: { system: string }) => [s.system, s]));
    expect(Object.keys(bySystem).sort()).toEqual(['carrier', 'twikfit']);
    expect(bySystem.twikfit).toMatchObject({
      state: 'done',
      erased: ['Profile', 'Body scans', 'Designs'],
      kept: [{ what: 'Invoices', ground: 'Belgian accounting law (Art. 17(3)(b))', until: '2033-12-31' }],
    });
    expect(bySystem.carrier).toMatchObject({ kind: 'processor', state: 'done', erased: ['Delivery addresses'] });
    // Each system really erased it in its own store; TwikFit keeps only what the law makes it keep.
    expect(await twikfit.person(email)).toEqual({ Invoices: [{ number: 'TF-2026-7' }] });
    expect(await carrier.person(email)).toEqual({});
    // The systems were told who the person was, although the account was erased in the same transaction.
    expect((await jobsOf(twikfit, filed.id))[0]!.subject.email).toBe(email);
    expect(request.outcome.erased.length).toBeGreaterThan(0);
    // Once each system erased, the copy of the address kept to reach them is gone too.
    const kept = await server.deps.db.query<{ subject: { email: string | null } }>(
      'select subject from system_jobs where request_id = $1',
      [filed.id],
    );
    expect(kept.map((k) => k.subject.email)).toEqual([null, null]);
  });

  it('rectification is forwarded to every system holding the data; each confirms what it corrected (or that it holds none)', async () => {
    const { token, email } = await person();
    const filed = await file(token, requestBodies.rectification);
    const request = await eventually('both systems answered', async () => {
      const r = await api.get(`/v1/requests/${filed.id}`, { token });
      return r.body.status === 'completed' && r.body;
    });
    expect((await jobsOf(twikfit, filed.id))[0]!.input).toMatchObject({ field: 'name', correction: 'Jan Janssens' });
    const bySystem = Object.fromEntries(request.systems.map((s: { system: string }) => [s.system, s]));
    expect(bySystem.twikfit).toMatchObject({ state: 'done', corrected: ['name → Jan Janssens'] });
    expect(bySystem.carrier.state).toBe('not_found');
    expect((await twikfit.person(email))?.Profile).toEqual({ name: 'Jan Janssens', email });
    expect((await jobsOf(carrier, filed.id)).length).toBe(1); // told too, although it holds no name
  });

  it('R50: an objection to direct marketing stops it in the server-to-server read at once, before any system answers', async () => {
    const { token, email } = await person();
    const key = systemKey(twikfit.secret, 'twikfit');
    const ask = (purpose: string) =>
      api.get(`/v1/systems/twikfit/subjects/may-process?purpose=${purpose}&email=${encodeURIComponent(email)}`, {
        token: key,
      });
    expect((await ask('direct_marketing')).body).toMatchObject({ allowed: true, basis: 'legitimate_interest' });
    await twikfit.rules({ objection: 'hold' });
    try {
      const filed = await file(token, requestBodies.objection);
      const answer = await ask('direct_marketing');
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body).toEqual({ allowed: false, basis: 'objected', since: filed.receivedAt });
      // …and the objection reaches TwikFit as a job as well.
      const [job] = await eventually('TwikFit is told', async () => {
        const jobs = await jobsOf(twikfit, filed.id);
        return jobs.length > 0 && jobs;
      });
      expect(job!.input).toMatchObject({ scope: 'direct-marketing' });
    } finally {
      await twikfit.rules({});
    }
    // Another system's key, or none, reads nothing.
    const foreign = await api.get(
      `/v1/systems/twikfit/subjects/may-process?purpose=telemetry&email=${encodeURIComponent(email)}`,
      { token: systemKey(carrier.secret, 'carrier') },
    );
    expect(foreign.status).toBe(404);
  });

  it('R50: an objection to telemetry reaches the systems that process it as a consent.changed job, and the read says no at once', async () => {
    const { token, email, sub } = await person();
    const key = systemKey(telemetry.secret, 'telemetry');
    const ask = () =>
      api.get(`/v1/systems/telemetry/subjects/may-process?purpose=telemetry&hostSubject=${sub}`, { token: key });
    expect((await ask()).body).toMatchObject({ allowed: true, basis: 'legitimate_interest' });
    const version = (await api.get('/v1/notice')).body.notice.version;
    const decided = await api.post(
      '/v1/consents',
      {
        purpose: 'telemetry',
        decision: 'object',
        method: 'ui',
        surface: { kind: 'widget', app: 'twikfit' },
        noticeVersion: version,
        locale: 'en',
      },
      { token },
    );
    expect(decided.status, decided.text).toBe(201);
    expect((await ask()).body).toEqual({ allowed: false, basis: 'objected', since: decided.body.record.recordedAt });
    const job = await eventually('the telemetry system is told', async () =>
      (await telemetry.received()).find((j) => j.event === 'consent.changed' && j.subject.email === email),
    );
    expect(job.input).toMatchObject({ purpose: 'telemetry', event: 'objected', active: true });
    // TwikFit does not process telemetry: it is not told.
    expect((await twikfit.received()).some((j) => j.event === 'consent.changed' && j.subject.email === email)).toBe(
      false,
    );
  });

  it('R24: a withdrawn consent stops the purpose in the read at once and, consent being its only basis, sends an erasure job to the systems that process it', async () => {
    const { token, email } = await person();
    const version = (await api.get('/v1/notice')).body.notice.version;
    const decide = (decision: string) =>
      api.post(
        '/v1/consents',
        {
          purpose: 'biometric_scans',
          decision,
          method: 'ui',
          control: 'just-in-time',
          surface: { kind: 'widget', app: 'twikfit' },
          noticeVersion: version,
          locale: 'en',
        },
        { token },
      );
    expect((await decide('grant')).status).toBe(201);
    const ask = () =>
      api.get(`/v1/systems/twikfit/subjects/may-process?purpose=biometric_scans&email=${encodeURIComponent(email)}`, {
        token: systemKey(twikfit.secret, 'twikfit'),
      });
    expect((await ask()).body).toMatchObject({ allowed: true, basis: 'consent' });
    const withdrawn = await decide('deny');
    expect(withdrawn.status).toBe(201);
    expect((await ask()).body).toEqual({
      allowed: false,
      basis: 'no_consent',
      since: withdrawn.body.record.recordedAt,
    });
    const erasure = await eventually('TwikFit is asked to erase', async () =>
      (await twikfit.received()).find((j) => j.subject.email === email && j.job.type === 'erasure'),
    );
    expect(erasure).toMatchObject({
      event: 'consent.changed',
      input: { purpose: 'biometric_scans', event: 'withdrawn', erase: true },
    });
    const given = (await twikfit.received()).find((j) => j.subject.email === email && j.input.event === 'given');
    expect(given?.job.type).toBe('consent');
    // TwikFit erased the scans, which it held for that purpose alone, and kept the rest.
    const left = await eventually('the scans are erased', async () => {
      const held = await twikfit.person(email);
      return held && !('Body scans' in held) && held;
    });
    expect(left.Designs).toEqual(['d-1']);
  });

  it('R49: a restriction reaches every system and, while it is in force, the read allows no processing but storage', async () => {
    const { token, email } = await person();
    const filed = await file(token, requestBodies.restriction);
    await eventually(
      'both systems are told',
      async () => (await jobsOf(twikfit, filed.id)).length > 0 && (await jobsOf(carrier, filed.id)).length > 0,
    );
    for (const system of [twikfit, carrier])
      await eventually(`${system.id} restricts it`, async () => (await system.person(email))?.restricted === true);
    const answer = await api.get(
      `/v1/systems/twikfit/subjects/may-process?purpose=biometric_scans&email=${encodeURIComponent(email)}`,
      { token: systemKey(twikfit.secret, 'twikfit') },
    );
    expect(answer.body).toEqual({ allowed: false, basis: 'restricted', since: filed.receivedAt });
  });

  it('R49: a restriction is lifted only after the person is told: their e-mail goes first, then every system gets the lift and the read allows processing again', async () => {
    const { token, email } = await person();
    const filed = await file(token, requestBodies.restriction);
    await eventually('the restriction completes', async () => (await adminRequest(filed.id)).status === 'completed');
    const read = async () =>
      (
        await api.get(
          `/v1/systems/twikfit/subjects/may-process?purpose=biometric_scans&email=${encodeURIComponent(email)}`,
          { token: systemKey(twikfit.secret, 'twikfit') },
        )
      ).body;
    expect((await read()).basis).toBe('restricted');

    // The person cannot be told (the mailer is down): nothing is lifted and no system hears of a lift.
    const mailer = server.deps.mailer as { send: (m: unknown) => Promise<void> };
    const send = mailer.send;
    mailer.send = async () => {
      throw new Error('SMTP down');
    };
    const refused = await api.post(
      `/v1/admin/requests/${filed.id}/lift`,
      { reason: 'The accuracy was verified.' },
      admin,
    );
    mailer.send = send;
    expect(refused.status).toBe(409);
    expect((await read()).basis).toBe('restricted');

    const lifted = await api.post(
      `/v1/admin/requests/${filed.id}/lift`,
      { reason: 'The accuracy was verified.' },
      admin,
    );
    expect(lifted.status, lifted.text).toBe(200);
    const mail = server.deps.mailer.outbox?.find(
      (m) => m.to === email && m.text.includes('The accuracy was verified.'),
    );
    expect(mail?.subject).toBe('La limitation de vos données va être levée'); // the request was filed in French
    const events = lifted.body.request.events as { reason: string | null; at: string }[];
    const told = events.find((e) => e.reason?.includes('told by e-mail'));
    const lift = events.find((e) => e.reason?.startsWith('Restriction lifted'));
    expect(told && lift && Date.parse(told.at) <= Date.parse(lift.at)).toBe(true);
    expect((await read()).basis).toBe('no_consent'); // answered by the person's consents again, as before the restriction
    for (const system of [twikfit, carrier]) {
      await eventually(`${system.id} hears of the lift`, async () =>
        (await jobsOf(system, filed.id)).some((j) => j.job.type === 'restriction' && j.input.lifted === true),
      );
      await eventually(
        `${system.id} lifts it in its store`,
        async () => (await system.person(email))?.restricted === false,
      );
    }
    const again = await api.post(`/v1/admin/requests/${filed.id}/lift`, { reason: 'Twice.' }, admin);
    expect(again.status).toBe(409);
  });
});
