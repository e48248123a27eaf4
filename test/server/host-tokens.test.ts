import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  signInByEmail,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestServer,
} from './harness.ts';

// Issue 18, points 5 and 8: what a host-app token may claim. Its times are bounded (a maximum age, `iat`
// not in the future), its e-mail counts only when the host vouches for it, and a token issued before the
// person signed out or deleted their account no longer works.
const nowSeconds = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

function expectRefused(res: ApiResponse, detail: RegExp): void {
  expect(res.status, res.text).toBe(401);
  expect(res.body).toMatchObject({ type: 'https://privacy.twikit.com/problems/unauthenticated' });
  expect(res.body.detail).toMatch(detail);
}

// One server with the default configuration for the file (the audience tests need their own).
let server: TestServer;
let api: Client;
beforeAll(async () => {
  server = await startTestServer();
  api = client(server.url);
});
afterAll(async () => server?.stop());

describe(`host-token times (${DB_KIND})`, () => {
  const me = async (options: Parameters<typeof hostToken>[1]) =>
    api.get('/v1/me', { token: await hostToken(`times-${newKey()}`, options) });

  it('R70: a host token valid until the year 3000 is refused: "exp" may be at most 24 hours ahead', async () => {
    expectRefused(await me({ expiresIn: Date.UTC(3000, 0, 1) / 1000 }), /"exp" claim is more than 86400 seconds ahead/);
    expectRefused(await me({ expiresIn: nowSeconds() + 25 * HOUR }), /"exp"/);
    expect((await me({ expiresIn: nowSeconds() + 23 * HOUR })).status).toBe(200);
  });

  it('R70: a host token issued in the future is refused; a minute of clock skew is tolerated', async () => {
    expectRefused(await me({ iat: nowSeconds() + HOUR }), /"iat" claim is in the future/);
    expect((await me({ iat: nowSeconds() + 30 })).status).toBe(200);
  });

  it('R70: a host token without "iat", or issued more than 24 hours ago, is refused', async () => {
    expectRefused(await me({ iat: null }), /"iat" claim is missing/);
    expectRefused(await me({ iat: nowSeconds() - 25 * HOUR }), /issued more than 86400 seconds ago/);
  });
});

describe(`host-token audience (${DB_KIND})`, () => {
  let audienceServer: TestServer;
  beforeAll(async () => {
    audienceServer = await startTestServer({ HOST_TOKEN_AUDIENCE: 'twikit-privacy' });
  });
  afterAll(async () => audienceServer?.stop());

  it('R70: with HOST_TOKEN_AUDIENCE set, a token without "aud" or for another audience is refused', async () => {
    const api = client(audienceServer.url);
    expectRefused(await api.get('/v1/me', { token: await hostToken(`aud-${newKey()}`) }), /"aud" claim is missing/);
    expectRefused(
      await api.get('/v1/me', { token: await hostToken(`aud-${newKey()}`, { audience: 'another-service' }) }),
      /"aud" claim is not accepted/,
    );
    expect(
      (await api.get('/v1/me', { token: await hostToken(`aud-${newKey()}`, { audience: 'twikit-privacy' }) })).status,
    ).toBe(200);
  });
});

describe(`host-token e-mail and revocation (${DB_KIND})`, () => {
  it("an e-mail claim the host does not vouch for links nothing: the victim's own sign-in by code lands in their own account", async () => {
    const victim = `victim.${newKey()}@example.com`;
    for (const claims of [
      { email: victim },
      { email: victim, emailVerified: false },
      { email: victim, claims: { email_verified: 'true' } },
    ]) {
      const attacker = await api.get('/v1/me', { token: await hostToken(`attacker-${newKey()}`, claims) });
      expect(attacker.status, attacker.text).toBe(200);
      expect(attacker.body.email).toBeNull();
      const own = await api.get('/v1/me', { token: await signInByEmail(server, victim) });
      expect(own.body.subjectId).not.toBe(attacker.body.subjectId);
    }
  });

  it('a vouched-for claim that is not an e-mail address is ignored, not stored', async () => {
    const sub = `header-${newKey()}`;
    const res = await api.get('/v1/me', {
      token: await hostToken(sub, { email: 'x@example.com\r\nbcc: all@example.com', emailVerified: true }),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.email).toBeNull();
    const rows = await server.deps.db.query<{ email: string | null }>(
      'select email from users where host_subject = $1',
      [sub],
    );
    expect(rows).toEqual([{ email: null }]);
  });

  it("a vouched-for address links: sign-in by code for it lands in the host user's account", async () => {
    const email = `linked.${newKey()}@example.com`;
    const host = await api.get('/v1/me', {
      token: await hostToken(`linked-${newKey()}`, { email, emailVerified: true }),
    });
    expect(host.body.email).toBe(email);
    const byCode = await api.get('/v1/me', { token: await signInByEmail(server, email) });
    expect(byCode.body.subjectId).toBe(host.body.subjectId);
  });

  it("after the person signs out, a host token issued before that moment is refused; the host's next one works", async () => {
    const sub = `leaver-${newKey()}`;
    const before = await hostToken(sub);
    expect((await api.get('/v1/me', { token: before })).status).toBe(200);
    expect((await api.delete('/v1/auth/session', { token: before })).status).toBe(204);
    expectRefused(await api.get('/v1/me', { token: before }), /issued before the person signed out/);
    // `iat` has whole seconds: a token of the next second is one the host minted after the sign-out.
    const after = await hostToken(sub, { iat: nowSeconds() + 1 });
    expect((await api.get('/v1/me', { token: after })).status).toBe(200);
  });

  it("R48: a deleted account's host token does not bring it back; a token issued after the deletion starts a new, empty account", async () => {
    const sub = `deleted-${newKey()}`;
    const token = await hostToken(sub);
    const first = (await api.get('/v1/me', { token })).body;
    const deleted = await api.post('/v1/requests', requestBodies.account_deletion, {
      token,
      headers: { 'idempotency-key': newKey() },
    });
    expect(deleted.status, deleted.text).toBe(201);
    const users = async () => (await server.deps.db.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n;
    const count = await users();
    expectRefused(await api.get('/v1/me', { token }), /issued before this account was deleted/);
    expect(await users()).toBe(count);
    const fresh = await api.get('/v1/me', { token: await hostToken(sub, { iat: nowSeconds() + 1 }) });
    expect(fresh.status, fresh.text).toBe(200);
    expect(fresh.body.subjectId).not.toBe(first.subjectId);
  });
});
