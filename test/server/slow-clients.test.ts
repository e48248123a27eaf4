import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  client,
  createTestDatabase,
  DB_KIND,
  hostToken,
  newKey,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './harness.ts';
import { openRaw, postHead, type RawConnection } from './raw-socket.ts';

const BODY_LIMIT = 2048;
const REQUEST_TIMEOUT_MS = 1000;
const PROBLEMS = 'https://privacy.twikit.com/problems/';

/** The start of a valid consent decision: a body that is fine so far, and never finished. */
const bodyStart = '{"purpose":"biometric_scans","decision":';

const recordsOf = async (server: TestServer, token: string): Promise<number> =>
  (await client(server.url).get('/v1/consents/history', { token })).body.records.length;

// No assertion here is about time: a server that waited for a body that never comes would hang the
// test into its timeout, which is the failure.
// Both servers of this file use one database in turn: a second fresh PGlite would cost seconds to create.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

describe(`oversize bodies, and clients that stall while others are served (${DB_KIND})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ BODY_LIMIT_BYTES: String(BODY_LIMIT) }, database); // the default 30 s request timeout
  });
  afterAll(async () => server?.stop());

  it('R70: a body announced as 50 MB is refused with 413 after 1 KiB, without the server waiting for the rest', async () => {
    const token = await hostToken(`big-${newKey()}`);
    const conn = openRaw(server.url, postHead('/v1/consents', token, 50_000_000));
    conn.sendBody(`${bodyStart}"${'x'.repeat(1000)}`);
    const res = await conn.response; // the client sends nothing more: this answer did not wait for the body
    expect(res.status).toBe(413);
    expect(res.head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(res.body)).toMatchObject({ type: `${PROBLEMS}payload-too-large`, status: 413 });
    expect(conn.bodyBytesSent()).toBeLessThan(2 * 1024);
    await conn.closed; // and the server hangs up rather than keep the connection for the other 49.9 MB
    expect(await recordsOf(server, token)).toBe(0);
  });

  it('R70: a chunked body that grows past the limit is refused with 413 while it is still being sent', async () => {
    const token = await hostToken(`chunked-${newKey()}`);
    const conn = openRaw(server.url, postHead('/v1/consents', token, 'chunked'));
    const chunk = `${bodyStart}"${'y'.repeat(BODY_LIMIT)}`;
    conn.sendBody(`${chunk.length.toString(16)}\r\n${chunk}\r\n`); // and no terminating chunk, ever
    const res = await conn.response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ type: `${PROBLEMS}payload-too-large` });
    await conn.closed;
    expect(await recordsOf(server, token)).toBe(0);
  });

  it('while twenty authenticated clients stall mid-body, other people read and write as usual', async () => {
    const stallers = await Promise.all(Array.from({ length: 20 }, () => hostToken(`staller-${newKey()}`)));
    const stalled: RawConnection[] = stallers.map((token) => {
      const conn = openRaw(server.url, postHead('/v1/consents', token, 500));
      conn.sendBody(bodyStart);
      return conn;
    });
    let closedEarly = 0;
    for (const conn of stalled) void conn.closed.then(() => closedEarly++);
    // Let the server authenticate them all and start waiting for their bodies.
    await client(server.url).get('/health');

    const api = client(server.url);
    const token = await hostToken(`neighbour-${newKey()}`);
    const version = (await api.get('/v1/notice')).body.notice.version;
    const decided = await api.post(
      '/v1/consents',
      {
        purpose: 'telemetry',
        decision: 'object',
        method: 'ui',
        surface: { kind: 'api' },
        noticeVersion: version,
        locale: 'en',
      },
      { token },
    );
    expect(decided.status, decided.text).toBe(201);
    expect(await recordsOf(server, token)).toBe(1);
    expect(closedEarly, 'the stalled requests were still waiting all along').toBe(0);

    for (const conn of stalled) conn.socket.destroy();
    await Promise.all(stalled.map((c) => c.closed));
    for (const token of stallers) expect(await recordsOf(server, token)).toBe(0);
  });
});

describe(`slow clients are cut off (${DB_KIND})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) }, database);
  });
  afterAll(async () => server?.stop());

  it('R70: stalling mid-body, trickling a byte at a time, or never finishing the headers each end in 408 and a closed connection', async () => {
    const errors = vi.spyOn(console, 'error');
    const token = await hostToken(`slow-${newKey()}`);
    const stall = openRaw(server.url, postHead('/v1/consents', token, 500));
    stall.sendBody(bodyStart);
    const trickle = openRaw(server.url, postHead('/v1/consents', token, 500));
    // The limit is on the whole request, not on idle time: a byte every 50 ms never finishes 500 bytes in time.
    const drip = setInterval(() => trickle.sendBody(' '), 50);
    const headers = openRaw(server.url, 'POST /v1/consents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl');
    try {
      for (const conn of [stall, trickle, headers]) expect(await conn.closed).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(drip);
    }
    expect(trickle.bodyBytesSent()).toBeLessThan(500);
    expect(await recordsOf(server, token)).toBe(0);
    // A client that went away is not a server failure: nothing is logged as one.
    expect(errors.mock.calls.filter((args) => String(args[0]).startsWith('[api]'))).toEqual([]);
    errors.mockRestore();
    // And the server goes on answering.
    expect((await client(server.url).get('/health')).status).toBe(200);
  });
});
