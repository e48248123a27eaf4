import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  client,
  createTestDatabase,
  DB_KIND,
  hostToken,
  newKey,
  signInByEmail,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestDatabase,
  type TestServer,
} from './harness.ts';

// identity.test.ts already proves the per-IP limit on code requests and the per-identity limit on reads.
// This file covers the rest: every sign-in endpoint, the per-address code limit, spoofed client
// addresses, one budget per person however many tokens they hold, and refused writes writing nothing.
const SIGN_IN_LIMIT = 3;
const PER_MINUTE = 5;
const CODES_PER_ADDRESS = 5; // SIGN_IN_CODES_PER_ADDRESS's default

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
    server = await startTestServer(
      { TRUST_PROXY: '1', SIGN_IN_LIMIT_PER_15_MIN: String(SIGN_IN_LIMIT), RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) },
      database,
    );
    api = client(server.url);
  });
  afterAll(async () => server?.stop());

  const signInCalls = {
    'POST /v1/auth/email/start': (headers: Record<string, string>) =>
      api.post('/v1/auth/email/start', { email: email() }, { headers }),
    'POST /v1/auth/email/verify': (headers: Record<string, string>) =>
      api.post('/v1/auth/email/verify', { email: email(), code: '123456' }, { headers }),
  };
  for (const [name, call] of Object.entries(signInCalls)) {
    it(`R70: ${name} is limited per client IP: call ${SIGN_IN_LIMIT + 1} in 15 minutes gets 429, another IP is unaffected`, async () => {
      const ip = freshIp();
      for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await call(ip)).status).not.toBe(429);
      expectLimited(await call(ip), 15 * 60, /from this address/);
      expect((await call(freshIp())).status).not.toBe(429);
    });
  }

  it(`R70: one e-mail address gets ${CODES_PER_ADDRESS} codes, then each further one must wait, from any IP and however it is spelled`, async () => {
    const address = email();
    const spellings = [address, address.toUpperCase(), ` ${address} `];
    for (let i = 0; i < CODES_PER_ADDRESS; i++) {
      const res = await api.post(
        '/v1/auth/email/start',
        { email: spellings[i % spellings.length] },
        { headers: freshIp() },
      );
      expect(res.status, res.text).toBe(202);
    }
    expectLimited(
      await api.post('/v1/auth/email/start', { email: address.toUpperCase() }, { headers: freshIp() }),
      15 * 60,
      /to this address/,
    );
    expect((await api.post('/v1/auth/email/start', { email: email() }, { headers: freshIp() })).status).toBe(202);
  });

  it('R70: one person has one budget, however many sessions they hold, and a refused write writes nothing', async () => {
    const address = email();
    const sessions = [await signInByEmail(server, address), await signInByEmail(server, address)];
    expect(sessions[0]).not.toBe(sessions[1]);
    const me = (await api.get('/v1/me', { token: sessions[0] })).body;
    const version = (await api.get('/v1/notice')).body.notice.version;
    const decision = {
      purpose: 'third_party_sharing',
      decision: 'grant',
      method: 'ui',
      surface: { kind: 'api' },
      noticeVersion: version,
      locale: 'en',
    };
    // GET /v1/me spent one call of the budget; the writes alternate between the two sessions.
    for (let i = 1; i < PER_MINUTE; i++)
      expect((await api.post('/v1/consents', decision, { token: sessions[i % 2] })).status).toBe(201);
    const count = async () =>
      (
        await server.deps.db.query<{ n: number }>(
          'select count(*)::int as n from consent_records where subject_id = $1',
          [me.subjectId],
        )
      )[0]!.n;
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
    // Its own database: the counters are in the database, and the first server's calls from 127.0.0.1 count there.
    server = await startTestServer({ SIGN_IN_LIMIT_PER_15_MIN: String(SIGN_IN_LIMIT) });
  });
  afterAll(async () => server?.stop());

  it('R70: a client cannot escape the per-IP limit by sending a different X-Forwarded-For each time', async () => {
    const api = client(server.url);
    const call = () => api.post('/v1/auth/email/start', { email: email() }, { headers: freshIp() });
    for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await call()).status).toBe(202);
    expectLimited(await call(), 15 * 60, /from this address/);
  });
});

describe(`new visitors, failed authentication and IPv6 (${DB_KIND})`, () => {
  const DEVICES_PER_IP = 4;
  const DEVICES_PER_MINUTE = 6;
  const AUTH_FAILURES = 3;
  const ADMIN_FAILURES = 2;
  let server: TestServer;
  let api: Client;
  beforeAll(async () => {
    server = await startTestServer({
      TRUST_PROXY: '1',
      SIGN_IN_LIMIT_PER_15_MIN: String(SIGN_IN_LIMIT),
      DEVICE_LIMIT_PER_IP_PER_15_MIN: String(DEVICES_PER_IP),
      DEVICE_LIMIT_PER_MINUTE: String(DEVICES_PER_MINUTE),
      AUTH_FAILURE_LIMIT_PER_15_MIN: String(AUTH_FAILURES),
      ADMIN_AUTH_FAILURE_LIMIT_PER_15_MIN: String(ADMIN_FAILURES),
    });
    api = client(server.url);
  });
  afterAll(async () => server?.stop());

  const newDevice = (headers: Record<string, string>) => api.post('/v1/auth/device', {}, { headers });

  it('R70: new visitors behind one address get device ids after its sign-in budget is spent, up to a budget of their own', async () => {
    const shop = freshIp();
    for (let i = 0; i < SIGN_IN_LIMIT; i++)
      expect((await api.post('/v1/auth/email/start', { email: email() }, { headers: shop })).status).toBe(202);
    expectLimited(
      await api.post('/v1/auth/email/start', { email: email() }, { headers: shop }),
      15 * 60,
      /sign-in attempts from this address/,
    );
    for (let i = 0; i < DEVICES_PER_IP; i++) {
      const created = await newDevice(shop);
      expect(created.status, created.text).toBe(201);
    }
    expectLimited(await newDevice(shop), 15 * 60, /Too many new visitor ids from this address/);
    expect((await newDevice(freshIp())).status).toBe(201);
  });

  it('R70: device ids also have a budget for all addresses together, per minute', async () => {
    server.clock.advance(60_000); // a fresh minute: the earlier test's devices do not count
    for (let i = 0; i < DEVICES_PER_MINUTE; i++) expect((await newDevice(freshIp())).status).toBe(201);
    expectLimited(await newDevice(freshIp()), 60, /too many new visitor ids right now/);
  });

  it('R70: bad bearer tokens are limited per address: past the budget they get 429, while a valid token from there still works', async () => {
    const prober = freshIp();
    for (let i = 0; i < AUTH_FAILURES; i++) {
      expect((await api.get('/v1/me', { token: `tps_guess-${i}`, headers: prober })).status).toBe(401);
    }
    expectLimited(
      await api.get('/v1/me', { token: 'tps_guess-again', headers: prober }),
      15 * 60,
      /Too many invalid tokens from this address/,
    );
    expectLimited(await api.get('/v1/me', { token: 'abc.def.ghi', headers: prober }), 15 * 60, /invalid tokens/);
    // People behind the same address (a shop's NAT) are not refused for someone else's bad tokens.
    expect((await api.get('/v1/me', { token: await hostToken(`valid-${newKey()}`), headers: prober })).status).toBe(
      200,
    );
    expect((await api.get('/v1/me', { token: 'tps_guess', headers: freshIp() })).status).toBe(401);
  });

  it('R70: wrong operator tokens are limited per address, before the token is even compared', async () => {
    const prober = freshIp();
    for (let i = 0; i < ADMIN_FAILURES; i++) {
      expect((await api.get('/v1/admin/requests', { token: `wrong-admin-token-${i}`, headers: prober })).status).toBe(
        401,
      );
    }
    expectLimited(
      await api.get('/v1/admin/requests', { token: ADMIN_TOKEN, headers: prober }),
      15 * 60,
      /Too many wrong operator tokens from this address/,
    );
    expect((await api.get('/v1/admin/requests', { token: ADMIN_TOKEN, headers: freshIp() })).status).toBe(200);
  });

  it('R70: IPv6 clients are counted per /64: other addresses of the same /64 share one budget, the next /64 has its own', async () => {
    const sameNetwork = [
      '2001:db8:7:1::1',
      '2001:db8:7:1::2',
      '2001:DB8:7:1:ffff:ffff:ffff:fffe',
      '2001:0db8:0007:0001:abcd::9',
    ];
    for (const address of sameNetwork.slice(0, SIGN_IN_LIMIT)) {
      expect(
        (await api.post('/v1/auth/email/start', { email: email() }, { headers: { 'x-forwarded-for': address } }))
          .status,
      ).toBe(202);
    }
    expectLimited(
      await api.post(
        '/v1/auth/email/start',
        { email: email() },
        { headers: { 'x-forwarded-for': sameNetwork[SIGN_IN_LIMIT]! } },
      ),
      15 * 60,
      /from this address/,
    );
    expect(
      (
        await api.post(
          '/v1/auth/email/start',
          { email: email() },
          { headers: { 'x-forwarded-for': '2001:db8:7:2::1' } },
        )
      ).status,
    ).toBe(202);
  });
});
