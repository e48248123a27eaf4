import type { Sql } from '../db/database.ts';

/**
 * Erases an account's identifying data in the caller's transaction: its address and host id, sign-in codes
 * and sessions, stored replies, the free-text fields of its requests (replaced by `erasedText`) and their
 * exports, and the reasons the person gave when cancelling. What stays is pseudonymous proof.
 */
export async function eraseAccount(
  tx: Sql,
  userId: string,
  freeTextFields: readonly string[],
  erasedText: string,
  now: Date,
): Promise<void> {
  await tx.query('delete from sign_in_codes where email = (select email from users where id = $1)', [userId]);
  await tx.query('update users set email = null, host_subject = null, deleted_at = $2 where id = $1', [
    userId,
    now.toISOString(),
  ]);
  await tx.query('delete from sessions where subject_id = $1', [userId]);
  await tx.query('delete from idempotency_keys where subject_id = $1', [userId]);
  const requests = await tx.query<{ id: string; input: Record<string, unknown> }>(
    'select id, input from rights_requests where user_id = $1',
    [userId],
  );
  for (const request of requests) {
    const input = { ...request.input };
    for (const field of freeTextFields) if (typeof input[field] === 'string') input[field] = erasedText;
    await tx.query(
      'update rights_requests set input = $2, export_document = null, export_generated_at = null where id = $1',
      [request.id, JSON.stringify(input)],
    );
  }
  await eraseOwnReasons(tx, userId, erasedText);
}

/**
 * The reasons the person gave when cancelling are their own words: erased like the request texts. The log
 * is append-only; this transaction alone opens its one door (`twikit.erasure`, migration 003: a trigger
 * reading a transaction-local setting), which lets `reason` change and nothing else. Operators' reasons
 * stay: they are the controller's account of its acts.
 */
async function eraseOwnReasons(tx: Sql, userId: string, erasedText: string): Promise<void> {
  await tx.query("select set_config('twikit.erasure', 'on', true)");
  await tx.query(
    `update request_events set reason = $2 where actor = 'user' and reason is not null
       and request_id in (select id from rights_requests where user_id = $1)`,
    [userId, erasedText],
  );
  await tx.query("select set_config('twikit.erasure', 'off', true)");
  // The request's current reason is the person's only when their cancellation gave one.
  await tx.query(
    `update rights_requests r set status_reason = $2 where user_id = $1 and status = 'cancelled'
       and exists (select 1 from request_events e where e.request_id = r.id and e.actor = 'user' and e.to_status = 'cancelled' and e.reason is not null)`,
    [userId, erasedText],
  );
}

/** Keeps a subject's proof until `until` (a date), then the retention job deletes it; a later hold replaces it. */
export async function holdProof(
  tx: Sql,
  subjectId: string,
  subjectKind: 'user' | 'device',
  until: string,
  reason: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `insert into retention_holds (subject_id, subject_kind, kept_until, reason, created_at) values ($1, $2, $3, $4, $5)
     on conflict (subject_id) do update set kept_until = excluded.kept_until`,
    [subjectId, subjectKind, until, reason, now.toISOString()],
  );
}
