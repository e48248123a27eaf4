import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Problem } from '../../shared/contract/problem.ts';
import {
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  startTestServer,
  type ApiResponse,
  type Client,
  type TestServer,
} from './harness.ts';

const BODY_LIMIT = 2048;
const PUBLIC_URL = 'https://privacy.example.test';
const ALLOWED_ORIGIN = 'https://shop.example'; // the harness's ALLOWED_ORIGINS

/** Asserts `res` is an RFC 9457 problem of type `slug` with `status`, and returns its body. */
function expectProblem(res: ApiResponse, status: number, slug: string): Problem {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const parsed = z.safeParse(Problem, res.body);
  expect(parsed.success, `not a Problem body: ${res.text}`).toBe(true);
  const problem = res.body as Problem;
  expect(problem.type).toBe(`https://privacy.twikit.com/problems/${slug}`);
  expect(problem.status).toBe(status);
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.detail.length).toBeGreaterThan(0);
  return problem;
}

describe(`HTTP boundary (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  beforeAll(async () => {
    server = await startTestServer({ BODY_LIMIT_BYTES: String(BODY_LIMIT), PUBLIC_URL });
    api = client(server.url);
  });
  afterAll(async () => server?.stop());

  const storedRequests = async (): Promise<number> =>
    (await server.deps.db.query<{ n: number }>('select count(*)::int as n from rights_requests'))[0]!.n;

  /**
   * Sends one POST /v1/requests as a fresh user and checks that nothing was written: the user sees no
   * requests and the table holds as many rows as before. Returns the answer for the caller to inspect.
   */
  async function refusedWithoutWriting(send: (token: string) => Promise<ApiResponse>): Promise<ApiResponse> {
    const token = await hostToken(`http-${newKey()}`);
    const before = await storedRequests();
    const res = await send(token);
    const mine = await api.get('/v1/requests', { token });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.requests, 'a refused request left a request behind').toEqual([]);
    expect(await storedRequests(), 'a refused request wrote a rights_requests row').toBe(before);
    return res;
  }

  describe('every bad input answers a problem naming what is wrong, and writes nothing', () => {
    it('refuses malformed JSON with 400 malformed-json', async () => {
      const res = await refusedWithoutWriting((token) =>
        api.call('POST', '/v1/requests', {
          token,
          raw: '{"type":',
          headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        }),
      );
      const problem = expectProblem(res, 400, 'malformed-json');
      expect(problem.detail).toMatch(/JSON/);
    });

    it('refuses a body that is not application/json with 415 unsupported-media-type', async () => {
      const res = await refusedWithoutWriting((token) =>
        api.call('POST', '/v1/requests', {
          token,
          raw: JSON.stringify(requestBodies.access),
          headers: { 'content-type': 'text/plain', 'idempotency-key': newKey() },
        }),
      );
      const problem = expectProblem(res, 415, 'unsupported-media-type');
      expect(problem.detail).toMatch(/application\/json/);
      expect(problem.detail).toMatch(/text\/plain/);
    });

    it('refuses a field of the wrong type with 422 and an error pointing at /body/locale', async () => {
      const res = await refusedWithoutWriting(async (token) =>
        api.post(
          '/v1/requests',
          { type: 'access', locale: 42, surface: { kind: 'api' } },
          { token, headers: { 'idempotency-key': newKey() } },
        ),
      );
      const problem = expectProblem(res, 422, 'validation-failed');
      expect(problem.errors?.map((e) => e.pointer)).toContain('/body/locale');
    });

    it('refuses an unknown request type with 422 naming /body/type and the accepted types', async () => {
      const res = await refusedWithoutWriting(async (token) =>
        api.post(
          '/v1/requests',
          { type: 'teleport', locale: 'en', surface: { kind: 'api' } },
          { token, headers: { 'idempotency-key': newKey() } },
        ),
      );
      const problem = expectProblem(res, 422, 'validation-failed');
      const error = problem.errors?.find((e) => e.pointer === '/body/type');
      expect(error, JSON.stringify(problem.errors)).toBeDefined();
      expect(error?.reason).toContain('"access"');
      expect(error?.reason).toContain('"account_deletion"');
    });

    it(`refuses a body over the ${BODY_LIMIT}-byte limit with 413 payload-too-large`, async () => {
      const big = { ...requestBodies.rectification, correction: 'x'.repeat(10_000) };
      expect(JSON.stringify(big).length).toBeGreaterThan(4 * BODY_LIMIT);
      const res = await refusedWithoutWriting((token) =>
        api.post('/v1/requests', big, { token, headers: { 'idempotency-key': newKey() } }),
      );
      const problem = expectProblem(res, 413, 'payload-too-large');
      expect(problem.detail).toContain(String(BODY_LIMIT));
    });

    it('refuses a rights request without an Idempotency-Key with 400 idempotency-key-missing', async () => {
      const res = await refusedWithoutWriting((token) => api.post('/v1/requests', requestBodies.access, { token }));
      const problem = expectProblem(res, 400, 'idempotency-key-missing');
      expect(problem.detail).toMatch(/Idempotency-Key/);
    });

    it('answers an unknown path with a 404 not-found problem', async () => {
      const res = await api.get('/v1/teleport');
      const problem = expectProblem(res, 404, 'not-found');
      expect(problem.detail).toContain('/v1/teleport');
    });

    it('answers a wrong method with 405 and an Allow header listing GET and POST', async () => {
      const res = await api.delete('/v1/consents', { token: await hostToken('http-wrong-method') });
      expectProblem(res, 405, 'method-not-allowed');
      const allow = (res.headers.get('allow') ?? '')
        .split(',')
        .map((m) => m.trim())
        .sort();
      expect(allow).toEqual(['GET', 'POST']);
    });

    it('a valid rights request is written, so the checks above would see a half-written one', async () => {
      const token = await hostToken(`http-${newKey()}`);
      const before = await storedRequests();
      const res = await api.post('/v1/requests', requestBodies.access, {
        token,
        headers: { 'idempotency-key': newKey() },
      });
      expect(res.status, res.text).toBe(201);
      expect(await storedRequests()).toBe(before + 1);
      expect((await api.get('/v1/requests', { token })).body.requests).toHaveLength(1);
    });
  });

  describe('R70: CORS allows the embedding origins on the allow-list only', () => {
    const preflight = (origin: string) =>
      api.call('OPTIONS', '/v1/requests', {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,idempotency-key',
        },
      });

    it('R70: a preflight from an allowed origin is answered for that origin, with Idempotency-Key allowed', async () => {
      const res = await preflight(ALLOWED_ORIGIN);
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '')
        .toLowerCase()
        .split(',')
        .map((h) => h.trim());
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
      expect(res.headers.get('access-control-allow-methods') ?? '').toMatch(/\bPOST\b/);
    });

    it('R70: a preflight from an origin not on the list gets no Access-Control-Allow-Origin', async () => {
      const res = await preflight('https://evil.example');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('R70: a GET from an origin not on the list gets no Access-Control-Allow-Origin either', async () => {
      const res = await api.get('/v1/notice', { headers: { origin: 'https://evil.example' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('R70: a GET from an allowed origin exposes the ETag header to the page', async () => {
      const res = await api.get('/v1/notice', { headers: { origin: ALLOWED_ORIGIN } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      const exposed = (res.headers.get('access-control-expose-headers') ?? '')
        .toLowerCase()
        .split(',')
        .map((h) => h.trim());
      expect(exposed).toContain('etag');
      // The notice is publicly cacheable, so a cache must not hand this answer to another origin.
      expect((res.headers.get('vary') ?? '').toLowerCase()).toMatch(/\borigin\b/);
    });
  });

  describe('security headers', () => {
    it('every API answer, success or problem, carries nosniff, a deny-all CSP and no-referrer', async () => {
      const token = await hostToken('http-headers');
      const answers = {
        'GET /v1/notice': await api.get('/v1/notice'),
        'GET /v1/me': await api.get('/v1/me', { token }),
        'GET /v1/nowhere (404)': await api.get('/v1/nowhere'),
        'POST /v1/requests without a token (401)': await api.post('/v1/requests', requestBodies.access),
      };
      for (const [name, res] of Object.entries(answers)) {
        expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
        expect(res.headers.get('content-security-policy') ?? '', name).toContain("default-src 'none'");
        expect(res.headers.get('referrer-policy'), name).toBe('no-referrer');
      }
    });

    it('personal-data answers are never cached (GET /v1/me, GET /v1/consents)', async () => {
      const token = await hostToken('http-no-store');
      for (const path of ['/v1/me', '/v1/consents']) {
        const res = await api.get(path, { token });
        expect(res.status, `${path}: ${res.text}`).toBe(200);
        expect(res.headers.get('cache-control'), path).toBe('no-store');
      }
    });
  });

  describe('meta endpoints', () => {
    it('R30: /.well-known/gpc.json returns {"gpc":true,"lastUpdate":"YYYY-MM-DD"}', async () => {
      const res = await api.get('/.well-known/gpc.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(['gpc', 'lastUpdate']);
      expect(res.body.gpc).toBe(true);
      expect(res.body.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A real calendar date, not just the right shape.
      expect(new Date(`${res.body.lastUpdate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(res.body.lastUpdate);
    });

    it('/health answers ok with the database it runs on', async () => {
      const res = await api.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: DB_KIND });
    });

    it('/openapi.json is an OpenAPI 3.1.0 document whose server is the configured public URL', async () => {
      const res = await api.get('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body.openapi).toBe('3.1.0');
      expect(server.config.publicUrl).toBe(PUBLIC_URL);
      expect(res.body.servers?.[0]?.url).toBe(PUBLIC_URL);
    });
  });
});
