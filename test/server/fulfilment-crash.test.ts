import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataSystem } from '../../shared/contract/systems.ts';
import { createOutboxMailer } from '../../server/mail/mailer.ts';
import { startServer, type RunningServer } from '../../server/start.ts';
import { launchServer, stopServer, type ChildServer } from './child-server.ts';
import {
  ADMIN_TOKEN,
  client,
  createTestDatabase,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  startTestServer,
  type TestDatabase,
} from './harness.ts';
import { eventually, startSystemProcess, systemsEnv, webhookEntry, type SystemProcess } from './system-kit.ts';

const REQUESTS = 8;

/** A port free now, so a restarted server comes back at the address its jobs' callbacks name. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function fileAccess(url: string, n: number): Promise<string[]> {
  const api = client(url);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const sub = `crash-${newKey()}`;
    const token = await hostToken(sub, { email: `${sub}@example.com`, emailVerified: true });
    const res = await api.post('/v1/requests', requestBodies.access, {
      token,
      headers: { 'idempotency-key': newKey() },
    });
    expect(res.status, res.text).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

/** Systems that answer every job at once, after `delayMs` each: separate processes, as the server is here. */
const answering = { rules: { '*': { status: 'done' as const, data: { kept: true } } } };

describe(`jobs survive a crash and are sent by one instance at a time (${DB_KIND})`, () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('kill -9 of the server in the middle of a fan-out loses no job: after a restart every system gets every job and every request completes', async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.dispose());
    const systems: SystemProcess[] = await Promise.all([
      startSystemProcess('alpha', answering),
      startSystemProcess('beta', answering),
    ]);
    cleanups.push(...systems.map((s) => () => s.close()));
    // Each delivery takes a while, so the kill lands while some are in flight and others not yet sent.
    for (const s of systems) await s.mode('ok', 400);
    const port = String(await freePort());
    const env = systemsEnv(
      systems.map((s) => webhookEntry(s)),
      { PORT: port, JOB_LEASE_MS: '1500', JOB_BATCH: '4' },
    );
    let server: ChildServer = await launchServer(database, env);
    cleanups.push(() => stopServer(server, 'SIGKILL'));
    const filed = await fileAccess(server.url, REQUESTS);
    await eventually('a first job reached a system', async () => {
      for (const s of systems) if ((await s.received()).length > 0) return true;
      return false;
    });
    const crashed = server;
    await stopServer(crashed, 'SIGKILL');
    expect(crashed.child.signalCode).toBe('SIGKILL');
    let beforeRestart = 0;
    for (const s of systems) beforeRestart += new Set((await s.received()).map((j) => j.job.id)).size;
    expect(beforeRestart, 'every job was delivered before the kill: it did not land mid fan-out').toBeLessThan(
      REQUESTS * systems.length,
    );

    server = await launchServer(database, env);
    const api = client(server.url);
    for (const id of filed) {
      const request = await eventually(
        `request ${id} completes after the restart`,
        async () => {
          const r = (await api.get(`/v1/admin/requests/${id}`, { token: ADMIN_TOKEN })).body.request;
          return r.status === 'completed' && r;
        },
        60_000,
      );
      expect(request.systems.map((s: { state: string }) => s.state)).toEqual(['done', 'done']);
    }
    for (const system of systems) {
      const { received, answers } = await system.state();
      const requests = new Set(received.map((j) => j.job.requestId));
      expect(
        [...filed].filter((id) => !requests.has(id)),
        `${system.id} never got these`,
      ).toEqual([]);
      // A delivery in flight at the kill may come again (at least once); its second result changes nothing.
      const accepted = answers.filter((a) => a.status === 200).map((a) => a.job);
      expect(accepted.length).toBe(new Set(accepted).size);
      expect(accepted.length).toBe(REQUESTS);
    }
  }, 240_000);

  it('two server instances on one database send each job once, to each of two systems', async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.dispose());
    const systems = await Promise.all([startSystemProcess('gamma', answering), startSystemProcess('delta', answering)]);
    cleanups.push(...systems.map((s) => () => s.close()));
    for (const s of systems) await s.mode('ok', 50);
    const env = systemsEnv(
      systems.map((s) => webhookEntry(s)),
      { JOB_POLL_MS: '20', JOB_LEASE_MS: '60000', JOB_BATCH: '3' },
    );
    // On PostgreSQL, two server processes, as two instances behind a load balancer run. PGlite is one process's
    // database: there the second instance runs in the first one's process and shares its connection.
    let urls: [string, string];
    if (DB_KIND === 'postgres') {
      const a = await launchServer(database, env);
      cleanups.push(() => stopServer(a));
      const b = await launchServer(database, env);
      cleanups.push(() => stopServer(b));
      urls = [a.url, b.url];
    } else {
      const a = await startTestServer(env, database);
      cleanups.push(() => a.stop());
      const b: RunningServer = await startServer(a.config, {
        db: a.deps.db,
        now: a.clock.now,
        mailer: createOutboxMailer(() => undefined),
      });
      cleanups.push(() => b.close());
      urls = [a.url, b.url];
    }
    const filed: string[] = [];
    for (let i = 0; i < 6; i++) filed.push(...(await fileAccess(urls[i % 2]!, 2)));
    const api = client(urls[0]);
    for (const id of filed)
      await eventually(`request ${id} completes`, async () => {
        const r = (await api.get(`/v1/admin/requests/${id}`, { token: ADMIN_TOKEN })).body.request;
        return r.status === 'completed';
      });
    const senders = new Set<string>();
    for (const system of systems) {
      const perJob = new Map<string, number>();
      for (const job of await system.received()) {
        perJob.set(job.job.id, (perJob.get(job.job.id) ?? 0) + 1);
        senders.add(new URL(job.callback.url).origin); // each instance names itself in the callback
      }
      expect(perJob.size, system.id).toBe(filed.length);
      expect(
        [...perJob.values()].filter((n) => n !== 1),
        system.id,
      ).toEqual([]);
    }
    expect(senders.size, 'both instances sent jobs').toBe(2);
  }, 240_000);
  it('a systems file with a mistake: the server process refuses to start and names the entry and the field', async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.dispose());
    const system = await startSystemProcess('epsilon');
    cleanups.push(() => system.close());
    const good = webhookEntry(system);
    const env = systemsEnv([good, { ...good, id: 'carrier', regions: ['mars'] } as unknown as DataSystem]);
    const refused = await launchServer(database, env).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/server exited with 1/);
    expect(refused).toMatch(/systems\[1\] \(id "carrier"\)\.regions\.0/);
    expect(await system.received()).toEqual([]);
  }, 240_000);
});
