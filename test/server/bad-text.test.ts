import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type Endpoint } from '../../shared/contract/endpoints.ts';
import {
  ADMIN_TOKEN,
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

// Issue 18, point 8: a NUL character or a lone surrogate, which PostgreSQL cannot store as sent, answered 500
// with a stack trace. Text is now checked where it enters — every body, query and host-token claim — so
// every field of every endpoint answers 422 naming the field, and nothing is written.
const NUL = 'Jan\u0000Janssens';
const LONE = 'Jan\ud800Janssens';

function expectBadText(res: ApiResponse, pointer: string, reason: RegExp): void {
  expect(res.status, res.text).toBe(422);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: 'https://privacy.twikit.com/problems/validation-failed', status: 422 });
  expect(res.body.errors).toEqual([{ pointer, reason: expect.stringMatching(reason) }]);
  expect(res.body.detail).toContain(pointer);
}

describe(`text the database cannot store (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  let device: string;
  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
    device = (await api.post('/v1/auth/device', {})).body.token;
  });
  afterAll(async () => server?.stop());

  const count = async (table: string) =>
    (await server.deps.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  it('a NUL or a lone surrogate in a free-text field of a rights request is a 422 naming the field, and no request is filed', async () => {
    const token = await hostToken(`text-${newKey()}`);
    const before = await count('rights_requests');
    for (const [text, reason] of [
      [NUL, /NUL/],
      [LONE, /lone surrogate/],
    ] as const) {
      const res = await api.post(
        '/v1/requests',
        { ...requestBodies.rectification, correction: text },
        { token, headers: { 'idempotency-key': newKey() } },
      );
      expectBadText(res, '/body/correction', reason);
    }
    expect(await count('rights_requests')).toBe(before);
  });

  it('the check covers member names and nested values too', async () => {
    const res = await api.post(
      '/v1/consents',
      { purpose: 'telemetry', surface: { kind: 'api', [`app${'\u0000'}`]: 'x' } },
      { token: device },
    );
    expectBadText(res, '/body/surface/app\\u0000', /member name must not contain a NUL/);
    const nested = await api.post(
      '/v1/consents',
      { purpose: 'telemetry', surface: { kind: 'widget', app: LONE } },
      { token: device },
    );
    expectBadText(nested, '/body/surface/app', /lone surrogate/);
  });

  // Every endpoint that takes a body, with the credentials it needs: none answers 500.
  const withBody = Object.entries(endpoints).filter(([, e]) => (e as Endpoint).body) as [string, Endpoint][];
  for (const [name, endpoint] of withBody) {
    it(`${name} (${endpoint.method.toUpperCase()} ${endpoint.path}): a NUL anywhere in the body is a 422, never a 500`, async () => {
      const token =
        endpoint.auth === 'admin'
          ? ADMIN_TOKEN
          : endpoint.auth === 'identity'
            ? await hostToken(`text-${newKey()}`)
            : endpoint.auth === 'subject'
              ? device
              : undefined;
      const path = endpoint.path.replace(/\{\w+\}/g, randomUUID());
      const res = await api.call(endpoint.method.toUpperCase(), path, {
        body: { note: NUL },
        ...(token ? { token } : {}),
        headers: { 'idempotency-key': newKey() },
      });
      expectBadText(res, '/body/note', /NUL/);
    });
  }

  it('a query parameter with a NUL is a 422 naming the parameter', async () => {
    const res = await api.get(`/v1/admin/requests?status=${encodeURIComponent('open\u0000')}`, { token: ADMIN_TOKEN });
    expectBadText(res, '/query/status', /NUL/);
  });

  it('a properly signed host token whose "sub" holds a NUL or a lone surrogate is a 422, and no account is created', async () => {
    const before = await count('users');
    for (const [sub, reason] of [
      [`user${'\u0000'}1`, /NUL/],
      [`user${'\udc00'}1`, /lone surrogate/],
    ] as const) {
      const res = await api.get('/v1/me', { token: await hostToken(sub) });
      expect(res.status, res.text).toBe(422);
      expect(res.body.detail).toMatch(/"sub" claim/);
      expect(res.body.errors[0]).toMatchObject({
        pointer: '/header/authorization',
        reason: expect.stringMatching(reason),
      });
    }
    expect(await count('users')).toBe(before);
  });
});
