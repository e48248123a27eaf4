import type { Sql } from '../db/database.ts';
import { pruneLimits } from '../store/limits.ts';

/**
 * Deletes shared state nobody can need any more: counters of past windows, slow-downs that have reset, and
 * erased host subjects older than any host token that could still be accepted. Cheap (each is an index range),
 * safe to run from several instances at once; the limiter runs it now and then, a scheduled job may too.
 */
export async function pruneSharedState(sql: Sql, now: Date, hostTokenMaxAgeMs: number): Promise<void> {
  // A token is refused once `iat` is older than the maximum age (plus the clock skew allowed): past that,
  // remembering that its subject was deleted protects nothing.
  const oldest = new Date(now.getTime() - hostTokenMaxAgeMs - 5 * 60_000);
  await pruneLimits(sql, now, oldest);
}
