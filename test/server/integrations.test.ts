import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestDatabase, hostToken, startTestServer, type TestDatabase } from './harness.ts';

const listen = async <S extends Server | TcpServer>(server: S): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** The smallest SMTP peer nodemailer will talk to: it accepts every message and keeps its raw text. */
function fakeSmtp(received: string[]): TcpServer {
  return createTcpServer((socket) => {
    let buffer = '';
    let inData = false;
    socket.write('220 fake.smtp ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          } else received.push(line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake.smtp\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
}

describe('integrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  it('verifies host-app tokens against a JWKS URL when one is configured', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwksServer = createHttpServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    const port = await listen(jwksServer);
    const server = await startTestServer(
      { HOST_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, HOST_TOKEN_SECRET: '' },
      database,
    );
    try {
      const api = client(server.url);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('jwks-user')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      const me = await api.get('/v1/me', { token });
      expect(me.status, me.text).toBe(200);
      expect(me.body).toMatchObject({ kind: 'user', via: 'host-token' });
      // A token signed with a shared secret is not accepted when the server trusts only the JWKS.
      expect((await api.get('/v1/me', { token: await hostToken('jwks-user') })).status).toBe(401);
    } finally {
      await server.stop();
      jwksServer.close();
    }
  });

  it('sends sign-in codes through SMTP when SMTP_URL is set', async () => {
    const received: string[] = [];
    const smtp = fakeSmtp(received);
    const port = await listen(smtp);
    const server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, DEV_OUTBOX: '0' }, database);
    try {
      const api = client(server.url);
      const start = await api.post('/v1/auth/email/start', { email: 'smtp-user@example.com' });
      expect(start.status, start.text).toBe(202);
      const message = received.join('\n');
      expect(message).toMatch(/^To: smtp-user@example\.com$/m);
      const code = /sign-in code is (\d{6})/.exec(message)?.[1];
      expect(code).toMatch(/^\d{6}$/);
      const verify = await api.post('/v1/auth/email/verify', { email: 'smtp-user@example.com', code });
      expect(verify.status).toBe(200);
      // With the development outbox off, its endpoint does not exist.
      expect((await api.get('/dev/outbox')).status).toBe(404);
    } finally {
      await server.stop();
      smtp.close();
    }
  });
});
