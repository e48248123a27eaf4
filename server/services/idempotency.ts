import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import { isUniqueViolation, type Database, type Sql } from '../db/database.ts';
import { sha256Hex } from '../identity/tokens.ts';
import { storedReply, storeReply } from '../store/idempotency.ts';
import { invalid } from './errors.ts';

export interface Stored {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs `work` once per (subject, endpoint, key). The stored answer is written in the same transaction as
 * the work, so a crash leaves neither. A retry with the same body replays it; another body is refused.
 * Two concurrent calls with one key: the second waits on the primary key, fails, and replays the first.
 */
export async function once(
  db: Database,
  scope: { subjectId: string; endpoint: string; key: string; body: unknown },
  work: (tx: Sql) => Promise<{ status: number; body: unknown }>,
  now: Date,
): Promise<Stored> {
  const bodyHash = sha256Hex(canonicalJson(scope.body));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const previous = await storedReply(tx, scope);
        if (previous) {
          if (previous.bodyHash !== bodyHash) {
            throw invalid(
              'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
              {},
              'idempotency-key-reused',
            );
          }
          return { status: previous.status, body: previous.response, replayed: true };
        }
        const result = await work(tx);
        await storeReply(tx, scope, { bodyHash, status: result.status, response: result.body }, now);
        return { ...result, replayed: false };
      });
    } catch (error) {
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
