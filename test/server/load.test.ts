import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainBreaks, runConsentWriters } from '../../bench/consent-writers.ts';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import { recordHash } from '../../server/services/ledger.ts';
import { client, DB_KIND, hostToken, newKey, startTestServer, type TestServer } from './harness.ts';

// The short form of `npm run soak`: two writers per subject, so every chain sees concurrent appends.
const SUBJECTS = 10;
const WRITERS = 20;
const WRITES_EACH = 25;

describe(`concurrent consent writers (${DB_KIND})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it(`R35: ${WRITERS} writers × ${WRITES_EACH} writes all succeed, and every subject's hash chain stays linear and intact`, async () => {
    const tokens = await Promise.all(Array.from({ length: SUBJECTS }, () => hostToken(`load-${newKey()}`)));
    const run = await runConsentWriters({ url: server.url, tokens, writers: WRITERS, writesEach: WRITES_EACH });
    expect(run.errorSamples).toEqual([]);
    expect(run.ok).toBe(WRITERS * WRITES_EACH);

    const api = client(server.url);
    for (const token of tokens) {
      const { status, body } = await api.get<{ records: ConsentRecord[] }>('/v1/consents/history', { token });
      expect(status).toBe(200);
      // Exactly the acknowledged records, each once: nothing lost, nothing doubled by a retry.
      const acked = run.acks
        .filter((a) => a.token === token)
        .map((a) => a.id)
        .sort();
      expect(body.records.map((r) => r.id).sort()).toEqual(acked);
      // Keyed per subject (issue 13): recomputed here with the subject's key, read from the database.
      const [keyRow] = await server.deps.db.query<{ key: string }>(
        'select key from ledger_keys where subject_id = $1',
        [body.records[0]!.subjectId],
      );
      const key = keyRow!.key;
      expect(chainBreaks(body.records, ({ hash, ...content }) => recordHash('hmac-v1', content, key) === hash)).toEqual(
        [],
      );
    }
  });
});
