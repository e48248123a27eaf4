import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  hostToken,
  latestCode,
  newKey,
  requestBodies,
  signInByEmail,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestServer,
} from './harness.ts';

const PROBLEMS = 'https://privacy.twikit.com/problems/';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Asserts a problem+json answer of `status` and `type`; returns its body for further checks. */
function expectProblem(res: ApiResponse, status: number, type: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: PROBLEMS + type, status });
  return res.body as { detail: string; attemptsLeft?: number; retryAfterSeconds?: number };
}

/** A fresh address per test, so tests never share codes or limits. */
const freshEmail = (name: string): string => `${name}.${newKey()}@example.com`;

/** A six-digit code that is certainly not `code`. */
const otherThan = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Runs `fn` against a second server with its own settings, and always stops it. */
async function withServer(env: Record<string, string>, fn: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startTestServer(env);
  try {
    await fn(server);
  } finally {
    await server.stop();
  }
}

describe('identity', () => {
  let server: TestServer;
  let api: Client;
  const startSignIn = (email: string) => api.post('/v1/auth/email/start', { email });
  const verify = (email: string, code: string) => api.post('/v1/auth/email/verify', { email, code });

  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
  });
  afterAll(async () => server?.stop());

  describe('sign-in by e-mail code', () => {
    it('a mailed code signs a person in under their lower-cased address, and works only once', async () => {
      const email = `Ann.${newKey()}@Example.COM`;
      const start = await startSignIn(email);
      expect(start.status, start.text).toBe(202);
      expect(start.body).toMatchObject({ sent: true });

      const code = latestCode(server, email);
      const session = await verify(email, code);
      expect(session.status, session.text).toBe(200);
      expect(session.body.token).toMatch(/^tps_/);

      const me = await api.get('/v1/me', { token: session.body.token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        kind: 'user',
        via: 'email-session',
        email: email.toLowerCase(),
        subjectId: session.body.subjectId,
      });

      expectProblem(await verify(email, code), 401, 'sign-in-code-invalid');
    });

    it('a wrong code counts down 4, 3, 2, 1 attempts, then slows down instead of destroying the code', async () => {
      const email = freshEmail('wrong');
      await startSignIn(email);
      const code = latestCode(server, email);

      for (const left of [4, 3, 2, 1]) {
        expect(expectProblem(await verify(email, otherThan(code)), 401, 'sign-in-code-invalid').attemptsLeft).toBe(
          left,
        );
      }
      const fifth = await verify(email, otherThan(code));
      expect(expectProblem(fifth, 429, 'rate-limited').detail).toMatch(
        /Too many wrong codes for this address; try again in 30 seconds/,
      );
      expect(fifth.headers.get('retry-after')).toBe('30');
      // During the wait even the right code is refused unchecked; once it is over, the code still works.
      expectProblem(await verify(email, code), 429, 'rate-limited');
      server.clock.advance(30_000);
      const late = await verify(email, code);
      expect(late.status, late.text).toBe(200);
    });

    it('a code is refused as expired once its ten minutes are over', async () => {
      const email = freshEmail('late');
      await startSignIn(email);
      const code = latestCode(server, email);
      server.clock.advance(10 * MINUTE + 1_000);
      expectProblem(await verify(email, code), 410, 'sign-in-code-expired');
    });

    it('the database keeps a hash of the code, never the code itself', async () => {
      const email = freshEmail('hashed');
      await startSignIn(email);
      const code = latestCode(server, email);
      const rows = await server.deps.db.query<{ code_hash: string }>(
        'select code_hash from sign_in_codes where email=$1',
        [email],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.code_hash).not.toContain(code);
      expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('asking a code for an unknown address answers exactly like for a known one (no enumeration)', async () => {
      const known = freshEmail('known');
      await signInByEmail(server, known);
      const forKnown = await startSignIn(known);
      const forUnknown = await startSignIn(freshEmail('nobody'));
      expect(forUnknown.status).toBe(forKnown.status);
      expect(Object.keys(forUnknown.body).sort()).toEqual(Object.keys(forKnown.body).sort());
      expect(forUnknown.body).toEqual(forKnown.body);
    });
  });

  describe('host-app tokens', () => {
    it('a valid host token is a user, and the same sub is always the same subject', async () => {
      const sub = `host-${newKey()}`;
      const first = await api.get('/v1/me', { token: await hostToken(sub) });
      expect(first.status, first.text).toBe(200);
      expect(first.body).toMatchObject({ kind: 'user', via: 'host-token' });

      const second = await api.get('/v1/me', { token: await hostToken(sub) });
      expect(second.body.subjectId).toBe(first.body.subjectId);
      const someoneElse = await api.get('/v1/me', { token: await hostToken(`host-${newKey()}`) });
      expect(someoneElse.body.subjectId).not.toBe(first.body.subjectId);
    });

    it("a host token's vouched-for e-mail claim shows, lower-cased, from the very first call", async () => {
      const token = await hostToken(`host-${newKey()}`, { email: `Host.${newKey()}@Example.com`, emailVerified: true });
      const first = await api.get('/v1/me', { token });
      const second = await api.get('/v1/me', { token });
      expect(second.body.email).toMatch(/^host\.[0-9a-f]+@example\.com$/);
      expect(first.body.email).toBe(second.body.email);
    });

    it('a call without an Authorization header is refused with a 401 that says what to send', async () => {
      expect(expectProblem(await api.get('/v1/me'), 401, 'unauthenticated').detail).toMatch(/Authorization/);
    });

    it('R70: an expired host token is refused as expired', async () => {
      const pastEpoch = Math.floor(Date.now() / 1000) - 60;
      const res = await api.get('/v1/me', { token: await hostToken(`host-${newKey()}`, { expiresIn: pastEpoch }) });
      expect(expectProblem(res, 401, 'unauthenticated').detail).toMatch(/expired/);
    });

    it('a host token signed with another secret is refused for its signature', async () => {
      const forged = await hostToken(`host-${newKey()}`, { secret: 'some-other-secret-0123456789abcdef-xyz' });
      expect(expectProblem(await api.get('/v1/me', { token: forged }), 401, 'unauthenticated').detail).toMatch(
        /signature/,
      );
    });

    it('R70: a host token without an expiry is refused for its missing "exp" claim', async () => {
      const forever = await hostToken(`host-${newKey()}`, { noExp: true });
      expect(expectProblem(await api.get('/v1/me', { token: forever }), 401, 'unauthenticated').detail).toMatch(
        /"exp"/,
      );
    });

    it('a garbage bearer token is refused', async () => {
      expectProblem(await api.get('/v1/me', { token: 'not-a-token' }), 401, 'unauthenticated');
      expectProblem(await api.get('/v1/me', { token: 'abc.def.ghi' }), 401, 'unauthenticated');
      expectProblem(await api.get('/v1/me', { token: 'tps_never-issued' }), 401, 'unauthenticated');
    });
  });

  describe('device tokens and sessions', () => {
    it('R42: a device may keep consents but not file a rights request; a signed-in session may', async () => {
      const created = await api.post('/v1/auth/device', {});
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ kind: 'device' });
      expect(created.body.token).toMatch(/^tpd_/);
      const device = created.body.token as string;

      const me = await api.get('/v1/me', { token: device });
      expect(me.body).toMatchObject({ kind: 'device', via: 'device', email: null, subjectId: created.body.subjectId });

      const {
        body: { notice },
      } = await api.get('/v1/notice');
      const decision = {
        purpose: 'biometric_scans',
        decision: 'grant',
        method: 'ui',
        control: 'just-in-time',
        surface: { kind: 'extension' },
        noticeVersion: notice.version,
        locale: 'en',
      };
      expect((await api.post('/v1/consents', decision, { token: device })).status).toBe(201);
      expect((await api.get('/v1/consents', { token: device })).status).toBe(200);

      const filed = await api.post('/v1/requests', requestBodies.access, {
        token: device,
        headers: { 'idempotency-key': newKey() },
      });
      expectProblem(filed, 403, 'identity-required');

      const session = await signInByEmail(server, freshEmail('filer'));
      const byPerson = await api.post('/v1/requests', requestBodies.access, {
        token: session,
        headers: { 'idempotency-key': newKey() },
      });
      expect(byPerson.status, byPerson.text).toBe(201);
    });

    it('signing out revokes the session token', async () => {
      const session = await signInByEmail(server, freshEmail('leaver'));
      expect((await api.get('/v1/me', { token: session })).status).toBe(200);
      const out = await api.delete('/v1/auth/session', { token: session });
      expect(out.status, out.text).toBe(204);
      expectProblem(await api.get('/v1/me', { token: session }), 401, 'unauthenticated');
    });

    it('R70: a session older than thirty days has expired', async () => {
      const session = await signInByEmail(server, freshEmail('old'));
      expect((await api.get('/v1/me', { token: session })).status).toBe(200);
      server.clock.advance(30 * DAY + MINUTE);
      expect(expectProblem(await api.get('/v1/me', { token: session }), 401, 'unauthenticated').detail).toMatch(
        /expired/,
      );
    });
  });

  describe('rate limits', () => {
    it('R70: sign-in is limited per IP: the fourth code request in 15 minutes gets 429 with Retry-After', async () => {
      await withServer({ SIGN_IN_LIMIT_PER_15_MIN: '3' }, async (limited) => {
        const local = client(limited.url);
        for (let i = 0; i < 3; i++) {
          const ok = await local.post('/v1/auth/email/start', { email: freshEmail('ip') });
          expect(ok.status, ok.text).toBe(202);
        }
        const fourth = await local.post('/v1/auth/email/start', { email: freshEmail('ip') });
        const problem = expectProblem(fourth, 429, 'rate-limited');
        const retryAfter = Number(fourth.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        expect(problem.retryAfterSeconds).toBe(retryAfter);
      });
    });

    it('R70: each identity is limited per minute: the sixth call gets 429, other callers are unaffected', async () => {
      await withServer({ RATE_LIMIT_PER_MINUTE: '5' }, async (limited) => {
        const local = client(limited.url);
        const token = await hostToken(`busy-${newKey()}`);
        for (let i = 0; i < 5; i++) expect((await local.get('/v1/me', { token })).status).toBe(200);
        const sixth = await local.get('/v1/me', { token });
        expectProblem(sixth, 429, 'rate-limited');
        expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await local.get('/v1/me', { token: await hostToken(`calm-${newKey()}`) })).status).toBe(200);
      });
    });
  });
});
