import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  signInByEmail,
  startTestServer,
  type TestServer,
} from './harness.ts';

describe(`the reference server on ${DB_KIND}`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it('answers its health check with the database it runs on', async () => {
    const res = await client(server.url).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: DB_KIND });
  });

  it('names the address it listens on in its OpenAPI servers when PUBLIC_URL is unset', async () => {
    const res = await client(server.url).get('/openapi.json');
    expect(res.body.servers[0].url).toBe(server.url);
  });

  it('files an access request for a host-app user and for an e-mail user', async () => {
    const api = client(server.url);
    const host = await api.post('/v1/requests', requestBodies.access, {
      token: await hostToken('user-1'),
      headers: { 'idempotency-key': newKey() },
    });
    expect(host.status, host.text).toBe(201);
    const session = await signInByEmail(server, 'Ann@Example.com');
    const mail = await api.post('/v1/requests', requestBodies.rectification, {
      token: session,
      headers: { 'idempotency-key': newKey() },
    });
    expect(mail.status, mail.text).toBe(201);
    expect(mail.body.dueAt).toBe('2026-04-10');
  });
});
