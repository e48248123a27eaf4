import type { Sql } from '../db/database.ts';

/**
 * Deletes shared state nobody can need any more: counters of past windows, slow-downs that have reset, and
 * erased host subjects older than any host token that could still be accepted. Cheap (each is an index range),
 * safe to run from several instances at once; the limiter runs it now and then, a scheduled job may too.
 */
export async function pruneSharedState(sql: Sql, now: Date, hostTokenMaxAgeMs: number): Promise<void> {
  await sql.query('delete from rate_limits where expires_at <= $1', [now.toISOString()]);
  await sql.query('delete from auth_backoff where reset_at <= $1', [now.toISOString()]);
  // A token is refused once `iat` is older than the maximum age (plus the clock skew allowed): past that,
  // remembering that its subject was deleted protects nothing.
  const oldest = new Date(now.getTime() - hostTokenMaxAgeMs - 5 * 60_000).toISOString();
  await sql.query('delete from revoked_host_subjects where revoked_at < $1', [oldest]);
}
