import type { Sql } from '../db/database.ts';

/**
 * The retention job's deletes. Each reads its candidates through an index (migration 003) and deletes them
 * by key, at most `batch` at a time, and says how many it deleted (fewer than `batch`: nothing left).
 */

// Any constant works; every instance on this database must use the same one.
const RETENTION_LOCK = 727_002;

/**
 * Takes the job's lock for the rest of the transaction, without waiting: false when another instance holds it
 * (PostgreSQL's transaction-scoped advisory lock; another database needs a lock row taken with NOWAIT).
 */
export async function tryRetentionLock(tx: Sql): Promise<boolean> {
  const [lock] = await tx.query<{ got: boolean }>('select pg_try_advisory_xact_lock($1) as got', [RETENTION_LOCK]);
  return lock?.got ?? false;
}

const count = async (tx: Sql, text: string, params: readonly unknown[]): Promise<number> =>
  (await tx.query<{ n: number }>(`with gone as (${text} returning 1) select count(*)::int as n from gone`, params))[0]
    ?.n ?? 0;

/** Sessions whose token expired at or before `now`. */
export const deleteExpiredSessions = (tx: Sql, now: Date, batch: number) =>
  count(
    tx,
    'delete from sessions where token_hash in (select token_hash from sessions where expires_at <= $1 limit $2)',
    [now.toISOString(), batch],
  );

/** Sign-in codes that expired at or before `now`. */
export const deleteExpiredSignInCodes = (tx: Sql, now: Date, batch: number) =>
  count(
    tx,
    'delete from sign_in_codes where email in (select email from sign_in_codes where expires_at <= $1 limit $2)',
    [now.toISOString(), batch],
  );

/** Stored replies written before `before`. */
export const deleteIdempotencyKeys = (tx: Sql, before: Date, batch: number) =>
  count(
    tx,
    `delete from idempotency_keys where (subject_id, endpoint, key) in
       (select subject_id, endpoint, key from idempotency_keys where created_at < $1 limit $2)`,
    [before.toISOString(), batch],
  );

/** Stored exports generated before `before` (the request stays; its export is generated again on demand). */
export const dropExports = (tx: Sql, before: Date, batch: number) =>
  count(
    tx,
    `update rights_requests set export_document = null, export_generated_at = null where id in
       (select id from rights_requests where export_document is not null and export_generated_at < $1 limit $2)`,
    [before.toISOString(), batch],
  );

/**
 * Devices created before `idleSince`, with no live session and no consent decision since then: their
 * sessions and device rows go, and their consent records are held until `until` (a date).
 */
export async function retireDevices(
  tx: Sql,
  idleSince: Date,
  now: Date,
  until: string,
  batch: number,
): Promise<number> {
  // One statement (data-modifying CTEs must be at the top level, so not through `count`).
  const [row] = await tx.query<{ n: number }>(
    `with idle as (
       select d.id from devices d
       where d.created_at < $1
         and not exists (select 1 from sessions s where s.subject_id = d.id and s.expires_at > $2)
         and coalesce((select c.recorded_at from consent_records c where c.subject_id = d.id order by c.seq desc limit 1), d.created_at) < $1
       limit $3
     ), held as (
       insert into retention_holds (subject_id, subject_kind, kept_until, reason, created_at)
       select id, 'device', $4, 'device retired', $2 from idle on conflict (subject_id) do nothing
     ), tokens as (
       delete from sessions where subject_id in (select id from idle)
     ), gone as (
       delete from devices where id in (select id from idle) returning 1
     )
     select count(*)::int as n from gone`,
    [idleSince.toISOString(), now.toISOString(), batch, until],
  );
  return row?.n ?? 0;
}

/**
 * Deletes everything kept of up to `batch` subjects whose hold ended before `today` (a date): their consent
 * records, requests and request logs, and what is left of their account or device. The append-only triggers
 * (migration 003) let these deletes through only with `twikit.retention` on, which this transaction alone
 * sets (set_config(..., true) lasts until the transaction ends).
 */
export async function deleteExpiredProof(tx: Sql, today: string, batch: number): Promise<number> {
  const ids = (
    await tx.query<{ subject_id: string }>(
      'select subject_id from retention_holds where kept_until < $1 order by kept_until limit $2',
      [today, batch],
    )
  ).map((r) => r.subject_id);
  if (ids.length === 0) return 0;
  await tx.query("select set_config('twikit.retention', 'on', true)");
  await tx.query('delete from consent_records where subject_id = any($1::uuid[])', [ids]);
  // The jobs that carried the person's requests and consent changes to the systems go with the request log.
  await tx.query('delete from system_jobs where subject_id = any($1::uuid[])', [ids]);
  await tx.query(
    'delete from request_events where request_id in (select id from rights_requests where user_id = any($1::uuid[]))',
    [ids],
  );
  await tx.query('delete from rights_requests where user_id = any($1::uuid[])', [ids]);
  await tx.query("select set_config('twikit.retention', 'off', true)");
  await tx.query('delete from idempotency_keys where subject_id = any($1::uuid[])', [ids]);
  await tx.query('delete from sessions where subject_id = any($1::uuid[])', [ids]);
  await tx.query('delete from users where id = any($1::uuid[]) and deleted_at is not null', [ids]);
  await tx.query('delete from devices where id = any($1::uuid[])', [ids]);
  // The chain key goes with the records (migration 006): heads of these chains in published checkpoints can no
  // longer be tied to anyone, and every other chain still verifies against them.
  await tx.query('delete from ledger_keys where subject_id = any($1::uuid[])', [ids]);
  await tx.query('delete from retention_holds where subject_id = any($1::uuid[])', [ids]);
  return ids.length;
}

/**
 * Answered jobs of consent changes (no request to keep them with) answered before `before`: what each system
 * was told stays as long as the request log does, and no longer.
 */
export const deleteAnsweredJobs = (tx: Sql, before: Date, batch: number) =>
  count(
    tx,
    `delete from system_jobs where id in (select id from system_jobs where request_id is null
       and state in ('done', 'not_found', 'closed', 'failed') and coalesce(answered_at, updated_at) < $1 limit $2)`,
    [before.toISOString(), batch],
  );
