import type { Sql } from '../db/database.ts';

/**
 * Shared counters every instance on the database counts together: fixed-window rate limits (`rate_limits`)
 * and sign-in slow-downs (`auth_backoff`). Keys arrive already hashed.
 */

/** Adds `weight` to the window's counter in one atomic statement; the count after it. */
export async function countHit(
  sql: Sql,
  key: string,
  windowStart: Date,
  windowEnd: Date,
  weight: number,
): Promise<number> {
  const [row] = await sql.query<{ count: number }>(
    `insert into rate_limits (key, window_start, expires_at, count) values ($1, $2, $3, $4)
     on conflict (key, window_start) do update set count = rate_limits.count + excluded.count
     returning count`,
    [key, windowStart.toISOString(), windowEnd.toISOString(), weight],
  );
  return row?.count ?? 0;
}

/** The window's count so far (0 when nothing was counted). */
export async function windowCount(sql: Sql, key: string, windowStart: Date): Promise<number> {
  const [row] = await sql.query<{ count: number }>(
    'select count from rate_limits where key = $1 and window_start = $2',
    [key, windowStart.toISOString()],
  );
  return row?.count ?? 0;
}

export interface BackoffRow {
  events: number;
  next_at: Date;
  reset_at: Date;
}

/**
 * Locks `key`'s slow-down row for the rest of the transaction and reads it. An empty, already reset row is
 * inserted first, so that even the first two events at once queue on one row lock.
 */
export async function lockBackoff(tx: Sql, key: string, now: Date): Promise<BackoffRow | undefined> {
  await tx.query(
    'insert into auth_backoff (key, events, next_at, reset_at) values ($1, 0, $2, $2) on conflict (key) do nothing',
    [key, now.toISOString()],
  );
  const [row] = await tx.query<BackoffRow>(
    'select events, next_at, reset_at from auth_backoff where key = $1 for update',
    [key],
  );
  return row;
}

export async function putBackoff(tx: Sql, key: string, events: number, nextAt: Date, resetAt: Date): Promise<void> {
  await tx.query(
    `insert into auth_backoff (key, events, next_at, reset_at) values ($1, $2, $3, $4)
     on conflict (key) do update set events = excluded.events, next_at = excluded.next_at, reset_at = excluded.reset_at`,
    [key, events, nextAt.toISOString(), resetAt.toISOString()],
  );
}

export async function deleteBackoff(tx: Sql, key: string): Promise<void> {
  await tx.query('delete from auth_backoff where key = $1', [key]);
}

/**
 * Deletes counters of past windows, slow-downs that have reset, and erased host subjects revoked before
 * `revokedBefore`. Each is an index range; safe to run from several instances at once.
 */
export async function pruneLimits(sql: Sql, now: Date, revokedBefore: Date): Promise<void> {
  await sql.query('delete from rate_limits where expires_at <= $1', [now.toISOString()]);
  await sql.query('delete from auth_backoff where reset_at <= $1', [now.toISOString()]);
  await sql.query('delete from revoked_host_subjects where revoked_at < $1', [revokedBefore.toISOString()]);
}
