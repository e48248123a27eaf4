import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneSharedState } from '../../server/http/prune-shared-state.ts';
import { createOutboxMailer } from '../../server/mail/mailer.ts';
import { startServer, type RunningServer } from '../../server/start.ts';
import { launchServer, stopServer, type ChildServer } from './child-server.ts';
import {
  client,
  createTestDatabase,
  DB_KIND,
  newKey,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './harness.ts';

// Issue 18, point 9: rate limits lived in each process's memory, so two instances behind a balancer each
// counted on their own. They are now rows in the database the instances share. On PostgreSQL: two server
// processes; on PGlite (one process per data folder): two servers in this process over one database.
const SIGN_IN_LIMIT = 4;
const WINDOW_MS = 15 * 60_000;
const env = { TRUST_PROXY: '1', SIGN_IN_LIMIT_PER_15_MIN: String(SIGN_IN_LIMIT) };

/** The two processes count on the wall clock: start clear of a window's end, so the whole test is in one window. */
async function awayFromWindowEdge(): Promise<void> {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left < 15_000) await sleep(left + 100);
}

describe(`two instances on one database count as one (${DB_KIND})`, () => {
  let database: TestDatabase;
  const stops: (() => Promise<unknown>)[] = [];
  let urls: [string, string];
  beforeAll(async () => {
    database = await createTestDatabase();
    if (DB_KIND === 'postgres') {
      const [a, b] = await Promise.all([launchServer(database, env), launchServer(database, env)]);
      stops.push(
        () => stopServer(a as ChildServer),
        () => stopServer(b as ChildServer),
      );
      urls = [a.url, b.url];
    } else {
      const a = await startTestServer(env, database);
      const b: RunningServer = await startServer(a.config, {
        db: a.deps.db,
        now: a.clock.now,
        mailer: createOutboxMailer(() => undefined),
      });
      stops.push(
        () => b.close(),
        () => a.stop(),
      );
      urls = [a.url, b.url];
    }
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await database?.dispose();
  });

  it('R70: sign-in calls from one address spread over both instances share one budget', async () => {
    await awayFromWindowEdge();
    const ip = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
    const [a, b] = urls.map(client) as [ReturnType<typeof client>, ReturnType<typeof client>];
    const start = (api: typeof a) =>
      api.post('/v1/auth/email/start', { email: `shared.${newKey()}@example.com` }, { headers: ip });
    for (let i = 0; i < SIGN_IN_LIMIT; i++) {
      const res = await start(i % 2 === 0 ? a : b);
      expect(res.status, res.text).toBe(202);
    }
    const overA = await start(a);
    const overB = await start(b);
    expect([overA.status, overB.status]).toEqual([429, 429]);
    expect(overB.body.detail).toMatch(/Too many sign-in attempts from this address/);
  });

  it('R70: wrong codes guessed on both instances share one count', async () => {
    const [a, b] = urls.map(client) as [ReturnType<typeof client>, ReturnType<typeof client>];
    const email = `guessed.${newKey()}@example.com`;
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      // From a different address each time: the per-address sign-in limit is not what is tested here.
      const headers = { 'x-forwarded-for': `192.0.2.${10 + i}` };
      answers.push(
        (await (i % 2 === 0 ? a : b).post('/v1/auth/email/verify', { email, code: '000000' }, { headers })).body
          .attemptsLeft,
      );
    }
    expect(answers).toEqual([4, 3, 2, 1, 0]);
  });
});

describe(`the limiter's table (${DB_KIND})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  const rows = async () =>
    (await server.deps.db.query<{ n: number }>('select count(*)::int as n from rate_limits'))[0]!.n;

  it("a flood of distinct keys does not push out anyone's count: only windows that are over are pruned", async () => {
    const { limiter } = server.deps;
    const victim = `victim-${newKey()}`;
    for (let i = 0; i < 3; i++) await limiter.hit(victim, 3, 60_000);
    expect(await limiter.peek(victim, 3, 60_000)).toBeGreaterThan(0);
    // Junk from 3,000 distinct keys (the in-memory limiter evicted entries once full).
    const junk = Array.from({ length: 3_000 }, (_, i) => `junk-${i}-${newKey()}`);
    for (let i = 0; i < junk.length; i += 100)
      await Promise.all(junk.slice(i, i + 100).map((key) => limiter.hit(key, 1, 60_000)));
    await pruneSharedState(server.deps.db, server.clock.now(), 86_400_000);
    expect(await limiter.hit(victim, 3, 60_000)).toBeGreaterThan(0);
    expect(await rows()).toBeGreaterThanOrEqual(3_001);
    // Once their window is over, the rows go.
    server.clock.advance(2 * 60_000);
    await pruneSharedState(server.deps.db, server.clock.now(), 86_400_000);
    expect(await rows()).toBe(0);
    expect(await limiter.hit(victim, 3, 60_000)).toBe(0);
  });

  it("keys are stored hashed and bounded: no address in clear, whatever the key's length", async () => {
    await server.deps.limiter.hit(`sign-in:203.0.113.9:${'x'.repeat(5_000)}`, 10, 60_000);
    const keys = await server.deps.db.query<{ key: string }>('select key from rate_limits');
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});
