import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import { isUniqueViolation, type Database, type Sql } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';
import { sha256Hex } from '../identity/tokens.ts';

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
        const rows = await tx.query<{ body_hash: string; status: number; response: unknown }>(
          'select body_hash, status, response from idempotency_keys where subject_id = $1 and endpoint = $2 and key = $3',
          [scope.subjectId, scope.endpoint, scope.key],
        );
        const previous = rows[0];
        if (previous) {
          if (previous.body_hash !== bodyHash) {
            throw new ApiProblem('idempotency-key-reused', 422, 'This Idempotency-Key was already used with a different request body; use a new key for a new request.');
          }
          return { status: previous.status, body: previous.response, replayed: true };
        }
        const result = await work(tx);
        await tx.query(
          `insert into idempotency_keys (subject_id, endpoint, key, body_hash, status, response, created_at)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [scope.subjectId, scope.endpoint, scope.key, bodyHash, result.status, JSON.stringify(result.body), now.toISOString()],
        );
        return { ...result, replayed: false };
      });
    } catch (error) {
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
