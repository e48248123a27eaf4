import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../server/retention/job.ts';
import { client, DB_KIND, hostToken, newKey, startTestServer, type Client, type TestServer } from './harness.ts';
import { eventually, startSystemProcess, systemsEnv, webhookEntry, type SystemProcess } from './system-kit.ts';

const DAY = 86_400_000;

describe(`retention of the jobs sent to the data systems (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  let telemetry: SystemProcess;

  beforeAll(async () => {
    telemetry = await startSystemProcess('telemetry');
    server = await startTestServer(
      systemsEnv([webhookEntry(telemetry, { name: 'Telemetry', handles: ['consent'], purposes: ['telemetry'] })], {
        RETAIN_PROOF_MONTHS: '1',
      }),
    );
    api = client(server.url);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await telemetry?.close();
  });

  const jobsOf = (email: string) =>
    server.deps.db.query<{ state: string; subject: { email: string | null; hostSubject: string | null } }>(
      "select state, subject from system_jobs where event = 'consent.changed' and input->>'recordId' in (select id::text from consent_records where subject_id = (select id from users where email = $1))",
      [email],
    );

  it("drops the person's e-mail and host id from a consent change's job once answered, and the job itself after the request-log retention", async () => {
    const sub = `keep-${newKey()}`;
    const email = `${sub}@example.com`;
    const token = await hostToken(sub, { email, emailVerified: true });
    const version = (await api.get('/v1/notice', { token })).body.notice.version;
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
    const received = await eventually('the system is told', async () =>
      (await telemetry.received()).find((j) => j.subject.email === email),
    );
    expect(received.subject.hostSubject).toBe(sub); // the system needed them to find the person
    const [answered] = await eventually('the system answered', async () => {
      const rows = await jobsOf(email);
      return rows[0]?.state === 'done' && rows;
    });
    expect(answered!.subject).toMatchObject({ email: null, hostSubject: null });

    server.clock.advance(20 * DAY);
    expect((await runRetention(server.deps)).answeredJobs).toBe(0); // younger than RETAIN_PROOF_MONTHS
    expect(await jobsOf(email)).toHaveLength(1);
    server.clock.advance(15 * DAY);
    expect((await runRetention(server.deps)).answeredJobs).toBeGreaterThanOrEqual(1);
    expect(await jobsOf(email)).toHaveLength(0);
  });
});
