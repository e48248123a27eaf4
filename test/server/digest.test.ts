import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigestIfDue } from '../../server/services/digest.ts';
import { client, DB_KIND, hostToken, newKey, requestBodies, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    OPERATORS: 'desk@twikit.com:operator,dpo@twikit.com:dpo,scans@twikit.com:biometric',
    DIGEST_HOUR: '7',
  });
});
afterAll(async () => server?.stop());

const file = async (at: string) => {
  server.clock.set(at);
  const token = await hostToken(`digest-${newKey()}`);
  const res = await client(server.url).post('/v1/requests', requestBodies.restriction, {
    token,
    headers: { 'idempotency-key': newKey() },
  });
  expect(res.status).toBe(201);
};
const digests = () => server.deps.mailer.outbox!.filter((m) => m.subject.startsWith('Privacy requests on'));

describe(`the daily digest (${DB_KIND})`, () => {
  it('mails everyone who handles requests, once a day from 7:00 Brussels time, with counts and no personal data', async () => {
    await file('2026-01-05T09:00:00.000Z'); // due 5 February: overdue on 10 February
    await file('2026-01-12T09:00:00.000Z'); // due 12 February: within 7 days
    await file('2026-02-09T09:00:00.000Z'); // new in the last 24 hours, due 9 March

    expect(await sendDigestIfDue(server.deps, new Date('2026-02-10T05:30:00.000Z'))).toBe(false); // 6:30 in Brussels
    expect(digests()).toEqual([]);
    expect(await sendDigestIfDue(server.deps, new Date('2026-02-10T06:30:00.000Z'))).toBe(true); // 7:30
    expect(
      digests()
        .map((m) => m.to)
        .sort(),
    ).toEqual(['desk@twikit.com', 'dpo@twikit.com']);
    const [mail] = digests();
    expect(mail!.subject).toBe('Privacy requests on 2026-02-10: 1 overdue, 1 due within 7 days');
    expect(mail!.text).toContain('New in the last 24 hours: 1');
    expect(mail!.text).toContain('/console/#/queue');
    expect(mail!.text).not.toMatch(/@example\.com|[0-9a-f]{8}-[0-9a-f]{4}/);

    expect(await sendDigestIfDue(server.deps, new Date('2026-02-10T15:00:00.000Z'))).toBe(false);
    expect(digests()).toHaveLength(2);
    expect(await sendDigestIfDue(server.deps, new Date('2026-02-11T07:00:00.000Z'))).toBe(true);
    expect(digests()).toHaveLength(4);
  });
});
