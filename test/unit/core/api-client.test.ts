import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error.ts';
import { createApiClient, type TokenSource } from '../../../shared/api/client.ts';
import type { RightsRequestInput } from '../../../shared/contract/requests.ts';
import { hostToken, newKey, startTestServer, type TestServer } from '../../server/harness.ts';

let server: TestServer;
// A real server on PGlite: starting it takes seconds on a loaded machine (npm test runs the server suites beside
// this one), more than the 10 s hook default allows.
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.stop());

let users = 0;
const newHostToken = () => hostToken(`api-client-${++users}-${newKey()}`);
const withToken = (token: string | null, extra: { fetch?: typeof fetch; timeoutMs?: number } = {}) =>
  createApiClient({ baseUrl: server.url, token: async () => token, ...extra });

/** The rejection of `promise`, which must be an ApiError. */
async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const rectification = {
  type: 'rectification',
  field: 'name',
  correction: 'Jan Janssens',
  locale: 'en',
  surface: { kind: 'widget', app: 'twikfit' },
} as const;

describe('the API client against the real server', () => {
  it('R12: reads the versioned notice with its ETag, then a 304 answers { notModified: true }', async () => {
    const api = withToken(null);
    const first = await api.notice('en');
    expect(first.notModified).toBe(false);
    if (first.notModified) return;
    expect(first.etag).toBe(`"${first.value.notice.contentHash}"`);
    expect(first.value.notice.version).toBeTruthy();
    expect(first.value.notice.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await api.notice('en', first.etag)).toEqual({ notModified: true });
    // A stale ETag gets the document again.
    expect((await api.notice('en', '"sha256-stale"')).notModified).toBe(false);
  });

  it("R16: reads a new person's consents with a host token: every purpose off and undecided", async () => {
    const state = await withToken(await newHostToken()).consents();
    expect(state.subjectKind).toBe('user');
    expect(state.purposes.map((p) => p.purpose).sort()).toEqual([
      'biometric_scans',
      'telemetry',
      'third_party_sharing',
    ]);
    for (const p of state.purposes) expect(p).toMatchObject({ active: false, decided: false });
  });

  it('follows `next` page by page: every request, every consent record, and an export joined into one document', async () => {
    // Pages of two, so three requests and five records take several pages of the real server.
    const smallPages: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      if (
        init?.method === 'GET' &&
        /^\/v1\/(requests|consents\/history|requests\/[^/]+\/export)$/.test(url.pathname) &&
        url.searchParams.get('format') !== 'csv'
      )
        url.searchParams.set('limit', '2');
      return fetch(url, init);
    };
    const token = await newHostToken();
    const api = withToken(token, { fetch: smallPages });
    const notice = await api.notice('en');
    if (notice.notModified) throw new Error('no notice');
    for (let i = 0; i < 5; i++) {
      await api.decide(
        {
          purpose: 'third_party_sharing',
          decision: i % 2 ? 'deny' : 'grant',
          method: 'ui',
          surface: { kind: 'api' },
          noticeVersion: notice.value.notice.version,
          locale: 'en',
        },
        newKey(),
      );
    }
    const filed = [];
    for (let i = 0; i < 3; i++) {
      server.clock.advance(1_000); // received one after another: the newest comes first
      filed.push(await api.fileRequest({ type: 'access', locale: 'en', surface: { kind: 'api' } }, newKey()));
    }
    expect((await api.requests()).map((r) => r.id)).toEqual(filed.map((r) => r.id).reverse());
    const history = await api.history();
    expect(history).toHaveLength(5);
    const file = JSON.parse(await (await api.exportFile(filed[2]!.export!.href, 'json')).text());
    expect(file.consents).toEqual(history);
    expect(file).not.toHaveProperty('next');
  });

  it('an answer whose `next` points back at itself is read once, not followed round and round', async () => {
    const token = await newHostToken();
    const real = withToken(token);
    const filed = await real.fileRequest({ type: 'access', locale: 'en', surface: { kind: 'api' } }, newKey());
    let calls = 0;
    const looping: typeof fetch = async (input, init) => {
      calls++;
      const body = await (await fetch(String(input).replace(/\?.*$/, ''), init)).json();
      return new Response(JSON.stringify({ ...body, next: 'x' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    expect((await withToken(token, { fetch: looping }).requests()).map((r) => r.id)).toEqual([filed.id]);
    expect(calls).toBe(2);
  });

  it('a response that breaks the contract is an ApiError of kind invalid-response', async () => {
    const api = withToken(null, {
      fetch: async () => new Response('{"notice":1}', { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    const error = await apiError(api.notice('en'));
    expect(error.kind).toBe('invalid-response');
    expect(error.status).toBe(200);
    expect(error.retryable).toBe(false);
  });

  it('a response that is not JSON at all is invalid-response too', async () => {
    const api = withToken(null, {
      fetch: async () =>
        new Response('<html>proxy error</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    });
    expect((await apiError(api.notice('en'))).kind).toBe('invalid-response');
  });

  it('a status that is neither success nor error (a 3xx the client did not follow) is invalid-response, not blamed on the input', async () => {
    for (const status of [300, 304, 308]) {
      const api = withToken(null, { fetch: async () => new Response(null, { status }) });
      const error = await apiError(api.requests());
      expect([status, error.kind]).toEqual([status, 'invalid-response']);
    }
  });

  it('a network failure is an ApiError of kind offline', async () => {
    const api = withToken(null, { fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    const error = await apiError(api.notice('en'));
    expect(error.kind).toBe('offline');
    expect(error.retryable).toBe(true);
  });

  it('a call that hangs past timeoutMs is an ApiError of kind timeout', async () => {
    // Like the real fetch: never answers, but rejects once its signal aborts.
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const api = withToken(null, { fetch: hanging, timeoutMs: 200 });
    const started = Date.now();
    const error = await apiError(api.notice('en'));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a 401 asks the token source for a fresh token exactly once, and retries with it', async () => {
    const expired = await hostToken(`api-client-expired-${newKey()}`, { expiresIn: '-1m' });
    const fresh = await newHostToken();
    const calls: boolean[] = [];
    const token: TokenSource = async (force) => {
      calls.push(force);
      return force ? fresh : expired;
    };
    const state = await createApiClient({ baseUrl: server.url, token }).consents();
    expect(state.subjectKind).toBe('user');
    expect(calls).toEqual([false, true]);
  });

  it('a 401 with a refreshed token that is still refused stops after one refresh: unauthenticated', async () => {
    const expired = await hostToken(`api-client-expired-${newKey()}`, { expiresIn: '-1m' });
    const calls: boolean[] = [];
    const sent: string[] = [];
    const api = createApiClient({
      baseUrl: server.url,
      token: async (force) => (calls.push(force), expired),
      fetch: async (input, init) => (sent.push(String(input)), fetch(input, init)),
    });
    const error = await apiError(api.consents());
    expect(error.kind).toBe('unauthenticated');
    expect(error.status).toBe(401);
    expect(calls).toEqual([false, true]);
    expect(sent).toHaveLength(2);
  });

  it('a problem+json answer becomes an ApiError with its detail and field errors (missing correction)', async () => {
    const api = withToken(await newHostToken());
    const { correction: _omitted, ...body } = rectification;
    const error = await apiError(api.fileRequest(body as unknown as RightsRequestInput, newKey()));
    expect(error.kind).toBe('invalid-input');
    expect(error.status).toBe(422);
    expect(error.problem?.type).toMatch(/\/validation-failed$/);
    expect(error.problem?.detail).toBeTruthy();
    expect(error.message).toBe(error.problem?.detail);
    expect(Object.keys(error.fieldErrors)).toContain('correction');
    expect(error.fieldErrors.correction).toBeTruthy();
    expect(error.retryable).toBe(false);
  });

  it('R42: a device token (no proven identity) filing a rights request is identity-required', async () => {
    const device = await withToken(null).deviceToken();
    expect(device.kind).toBe('device');
    const api = withToken(device.token);
    // The device may read its consents …
    expect((await api.consents()).subjectKind).toBe('device');
    // … but not file a rights request.
    const error = await apiError(api.fileRequest(rectification, newKey()));
    expect(error.kind).toBe('identity-required');
    expect(error.status).toBe(403);
  });

  it('R37: a host token files a rights request, which the list then shows with its due date', async () => {
    const api = withToken(await newHostToken());
    const filed = await api.fileRequest(rectification, newKey());
    expect(filed).toMatchObject({ type: 'rectification', status: 'received' });
    const list = await api.requests();
    expect(list.map((r) => r.id)).toEqual([filed.id]);
    expect(list[0]?.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
