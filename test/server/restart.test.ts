import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  client,
  createTestDatabase,
  DB_KIND,
  HOST_SECRET,
  hostToken,
  newKey,
  requestBodies,
  type TestDatabase,
} from './harness.ts';

/** Starts `npm start`'s entry point as its own process, the way an operator runs it; resolves with its URL. */
async function launch(database: TestDatabase): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST_TOKEN_SECRET: HOST_SECRET,
      ADMIN_TOKEN,
      NODE_ENV: 'development',
      ...database.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

describe(`records survive a server restart (${DB_KIND})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  it('keeps consent records, requests and their audit log across a stop and a start', async () => {
    const token = await hostToken(`restart-${newKey()}`);
    const first = await launch(database);
    let requestId: string;
    let history: unknown[];
    try {
      const api = client(first.url);
      const notice = (await api.get('/v1/notice')).body.notice;
      const decided = await api.post(
        '/v1/consents',
        {
          purpose: 'biometric_scans',
          decision: 'grant',
          method: 'ui',
          control: 'just-in-time',
          surface: { kind: 'widget', app: 'twikfit' },
          noticeVersion: notice.version,
          locale: 'en',
        },
        { token },
      );
      expect(decided.status, decided.text).toBe(201);
      const filed = await api.post('/v1/requests', requestBodies.restriction, {
        token,
        headers: { 'idempotency-key': 'restart-key' },
      });
      expect(filed.status, filed.text).toBe(201);
      requestId = filed.body.id;
      const moved = await api.post(
        `/v1/admin/requests/${requestId}/transitions`,
        { to: 'verifying', reason: 'Before restart' },
        { token: ADMIN_TOKEN },
      );
      expect(moved.status).toBe(200);
      history = (await api.get('/v1/consents/history', { token })).body.records;
    } finally {
      await stop(first.child);
    }

    const second = await launch(database);
    try {
      const api = client(second.url);
      expect((await api.get('/v1/consents/history', { token })).body.records).toEqual(history);
      const state = (await api.get('/v1/consents', { token })).body;
      expect(state.purposes.find((p: { purpose: string }) => p.purpose === 'biometric_scans')).toMatchObject({
        active: true,
        decided: true,
      });
      const request = (await api.get(`/v1/requests/${requestId}`, { token })).body;
      expect(request.status).toBe('verifying');
      expect(request.events.map((e: { to: string }) => e.to)).toEqual(['received', 'verifying']);
      // The idempotency record survived too: a retry after the restart files nothing new.
      const retry = await api.post('/v1/requests', requestBodies.restriction, {
        token,
        headers: { 'idempotency-key': 'restart-key' },
      });
      expect(retry.status).toBe(200);
      expect(retry.body.id).toBe(requestId);
    } finally {
      await stop(second.child);
    }
  });
});
