import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainBreaks, ledgerVerdict, runConsentWriters, type Ack } from '../../bench/consent-writers.ts';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import { launchServer, stopServer, type ChildServer } from './child-server.ts';
import { ADMIN_TOKEN, client, createTestDatabase, DB_KIND, hostToken, newKey, type TestDatabase } from './harness.ts';

// Enough writes in flight that the kill lands while some are being committed and others are queued.
const SUBJECTS = 6;
const WRITERS = 24;
const WRITES_EACH = 7; // 168 writes in all
const KILL_AFTER_ACKS = 60;

describe(`acknowledged consent records survive kill -9 (${DB_KIND})`, () => {
  let database: TestDatabase;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
    await database?.dispose();
  });

  it('R31: every write answered 201 before the crash is in the history after a restart, with its chain intact (R35)', async () => {
    const tokens = await Promise.all(Array.from({ length: SUBJECTS }, () => hostToken(`crash-${newKey()}`)));
    server = await launchServer(database);
    const crashed = server;
    let killed: Promise<void> | undefined;
    const run = await runConsentWriters({
      url: crashed.url,
      tokens,
      writers: WRITERS,
      writesEach: WRITES_EACH,
      // No shutdown code runs: whatever was acknowledged must already be on disk.
      onAck: (_ack, total) => {
        if (total === KILL_AFTER_ACKS) killed = stopServer(crashed, 'SIGKILL');
      },
    });
    await killed;
    expect(crashed.child.signalCode, 'the server was not killed mid-burst').toBe('SIGKILL');
    // The burst outlived the process: some writes were cut off, so the kill really landed mid-burst.
    expect(run.errors, 'no write was cut off by the kill').toBeGreaterThan(0);
    expect(run.acks.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    server = await launchServer(database);
    const api = client(server.url);
    // The hashes are keyed per subject: the server's verifier recomputes them, and must find nothing wrong.
    const verdict = await ledgerVerdict(server.url, ADMIN_TOKEN);
    expect(verdict.divergences).toEqual([]);
    const acked = new Map<string, Ack[]>();
    for (const ack of run.acks) acked.set(ack.token, [...(acked.get(ack.token) ?? []), ack]);
    for (const token of tokens) {
      const res = await api.get<{ records: ConsentRecord[] }>('/v1/consents/history', { token });
      expect(res.status, res.text).toBe(200);
      const stored = new Map(res.body.records.map((r) => [r.id, r.hash]));
      const lost = (acked.get(token) ?? []).filter((ack) => stored.get(ack.id) !== ack.hash);
      expect(lost, `acknowledged but lost after kill -9:\n${server.output()}`).toEqual([]);
      expect(chainBreaks(res.body.records, verdict.contentHolds)).toEqual([]);
    }
    // The restarted server still takes writes on top of the recovered chain.
    const after = await runConsentWriters({ url: server.url, tokens, writers: SUBJECTS, writesEach: 1 });
    expect(after.errorSamples).toEqual([]);
    const later = await ledgerVerdict(server.url, ADMIN_TOKEN);
    expect(later.divergences).toEqual([]);
    for (const token of tokens)
      expect(chainBreaks((await api.get('/v1/consents/history', { token })).body.records, later.contentHolds)).toEqual(
        [],
      );
  });
});
