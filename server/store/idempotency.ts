import type { Sql } from '../db/database.ts';

export interface StoredReply {
  bodyHash: string;
  status: number;
  response: unknown;
}

/** The reply stored for (subject, endpoint, key), if any. */
export async function storedReply(
  tx: Sql,
  scope: { subjectId: string; endpoint: string; key: string },
): Promise<StoredReply | undefined> {
  const [row] = await tx.query<{ body_hash: string; status: number; response: unknown }>(
    'select body_hash, status, response from idempotency_keys where subject_id = $1 and endpoint = $2 and key = $3',
    [scope.subjectId, scope.endpoint, scope.key],
  );
  return row && { bodyHash: row.body_hash, status: row.status, response: row.response };
}

/**
 * Stores the reply. The primary key is (subject, endpoint, key): a second writer of one key fails with a
 * unique violation (`isUniqueViolation`), which the caller takes as "replay the first".
 */
export async function storeReply(
  tx: Sql,
  scope: { subjectId: string; endpoint: string; key: string },
  reply: StoredReply,
  now: Date,
): Promise<void> {
  await tx.query(
    `insert into idempotency_keys (subject_id, endpoint, key, body_hash, status, response, created_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      scope.subjectId,
      scope.endpoint,
      scope.key,
      reply.bodyHash,
      reply.status,
      JSON.stringify(reply.response),
      now.toISOString(),
    ],
  );
}
