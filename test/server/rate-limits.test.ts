import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestDatabase, DB_KIND, hostToken, newKey, signInByEmail, startTestServer, type ApiResponse, type Client, type TestDatabase, type TestServer } from './harness.ts';

// identity.test.ts already proves the per-IP limit on code requests and the per-identity limit on reads.
// This file covers the rest: every sign-in endpoint, the per-address code limit, spoofed client
// addresses, one budget per person however many tokens they hold, and refused writes writing nothing.
const SIGN_IN_LIMIT = 3;
const PER_MINUTE = 5;
const CODES_PER_ADDRESS = 5; // server/routes/identity.ts

/** A 429 problem+json whose Retry-After header and `retryAfterSeconds` agree and lie within `windowSeconds`. */
function expectLimited(res: ApiResponse, windowSeconds: number, detail: RegExp): void {
  expect(res.status, res.text).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: 'https://privacy.twikit.com/problems/rate-limited', status: 429 });
  expect(res.body.detail).toMatch(detail);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.body.retryAfterSeconds).toBe(retryAfter);
}

let ipCounter = 0;
/** A client address of its own (behind the trusted proxy), so tests never share a per-IP budget. */
const freshIp = (): Record<string, string> => ({ 'x-forwarded-for': `203.0.113.${++ipCounter}` });
const email = (): string => `limits.${newKey()}@example.com`;

// Both servers of this file use one database in turn: a second fresh PGlite would cost seconds to create.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe(`rate limits (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: '1', SIGN_IN_LIMIT_PER_15_MIN: String(SIGN_IN_LIMIT), RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) }, database);
    api = client(server.url);
  });
  afterAll(async () => server?.stop());

  const signInCalls = {
    'POST /v1/auth/email/start': (headers: Record<string, string>) => api.post('/v1/auth/email/start', { email: email() }, { headers }),
    'POST /v1/auth/email/verify': (headers: Record<string, string>) => api.post('/v1/auth/email/verify', { email: email(), code: '123456' }, { headers }),
    'POST /v1/auth/device': (headers: Record<string, string>) => api.post('/v1/auth/device', {}, { headers }),
  };
  for (const [name, call] of Object.entries(signInCalls)) {
    it(`R70: ${name} is limited per client IP: call ${SIGN_IN_LIMIT + 1} in 15 minutes gets 429, another IP is unaffected`, async () => {
      const ip = freshIp();
      for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await call(ip)).status).not.toBe(429);
      expectLimited(await call(ip), 15 * 60, /from this address/);
      expect((await call(freshIp())).status).not.toBe(429);
    });
  }

  it(`R70: one e-mail address gets at most ${CODES_PER_ADDRESS} codes in 15 minutes, from any IP and however it is spelled`, async () => {
    const address = email();
    const spellings = [address, address.toUpperCase(), ` ${address} `];
    for (let i = 0; i < CODES_PER_ADDRESS; i++) {
      const res = await api.post('/v1/auth/email/start', { email: spellings[i % spellings.length] }, { headers: freshIp() });
      expect(res.status, res.text).toBe(202);
    }
    expectLimited(await api.post('/v1/auth/email/start', { email: address.toUpperCase() }, { headers: freshIp() }), 15 * 60, /to this address/);
    expect((await api.post('/v1/auth/email/start', { email: email() }, { headers: freshIp() })).status).toBe(202);
  });

  it('R70: one person has one budget, however many sessions they hold, and a refused write writes nothing', async () => {
    const address = email();
    const sessions = [await signInByEmail(server, address), await signInByEmail(server, address)];
    expect(sessions[0]).not.toBe(sessions[1]);
    const me = (await api.get('/v1/me', { token: sessions[0] })).body;
    const version = (await api.get('/v1/notice')).body.notice.version;
    const decision = { purpose: 'third_party_sharing', decision: 'grant', method: 'ui', surface: { kind: 'api' }, noticeVersion: version, locale: 'en' };
    // GET /v1/me spent one call of the budget; the writes alternate between the two sessions.
    for (let i = 1; i < PER_MINUTE; i++) expect((await api.post('/v1/consents', decision, { token: sessions[i % 2] })).status).toBe(201);
    const count = async () => (await server.deps.db.query<{ n: number }>('select count(*)::int as n from consent_records where subject_id = $1', [me.subjectId]))[0]!.n;
    const before = await count();
    expectLimited(await api.post('/v1/consents', decision, { token: sessions[1] }), 60, /Too many requests/);
    expectLimited(await api.post('/v1/consents', decision, { token: sessions[0] }), 60, /Too many requests/);
    expect(await count()).toBe(before);
    // Someone else is not slowed down by it.
    expect((await api.post('/v1/consents', decision, { token: await hostToken(`calm-${newKey()}`) })).status).toBe(201);
  });
});

describe(`rate limits without a trusted proxy (${DB_KIND})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SIGN_IN_LIMIT_PER_15_MIN: String(SIGN_IN_LIMIT) }, database);
  });
  afterAll(async () => server?.stop());

  it('R70: a client cannot escape the per-IP limit by sending a different X-Forwarded-For each time', async () => {
    const api = client(server.url);
    const call = () => api.post('/v1/auth/email/start', { email: email() }, { headers: freshIp() });
    for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await call()).status).toBe(202);
    expectLimited(await call(), 15 * 60, /from this address/);
  });
});
