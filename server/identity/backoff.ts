import type { Sql } from '../db/database.ts';
import { deleteBackoff, lockBackoff, putBackoff } from '../store/limits.ts';

/**
 * Progressive slow-down instead of a lock (issue 18, point 6). The first `free` events in a quiet spell pass;
 * after that each one must wait `baseSeconds · 2^(n − free)` after the previous one, never more than
 * `maxSeconds`. Whoever triggers it (a third party guessing, or asking for codes for someone's address) can
 * make the owner wait at most `maxSeconds`, never lock them out; the guesser is held to a few tries an hour.
 * The count starts again after `resetMs` without events.
 */
export interface BackoffPolicy {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  resetMs: number;
}

/** The wait after the `events`-th event of a spell (0 while events are free). */
export function backoffDelaySeconds(policy: BackoffPolicy, events: number): number {
  if (events < policy.free) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(30, events - policy.free));
}

/**
 * Locks `key`'s row for the rest of the caller's transaction (so instances take turns) and says how long
 * the next event must still wait: 0 = go ahead.
 */
export async function backoffWait(tx: Sql, key: string, now: Date): Promise<{ waitSeconds: number; events: number }> {
  const row = await lockBackoff(tx, key, now);
  if (!row || new Date(row.reset_at).getTime() <= now.getTime()) return { waitSeconds: 0, events: 0 };
  const wait = Math.ceil((new Date(row.next_at).getTime() - now.getTime()) / 1000);
  return { waitSeconds: Math.max(0, wait), events: row.events };
}

/** Records one event for `key`; returns how many the spell now has and the wait before the next one. */
export async function backoffRecord(
  tx: Sql,
  key: string,
  policy: BackoffPolicy,
  now: Date,
): Promise<{ events: number; waitSeconds: number }> {
  const { events: before } = await backoffWait(tx, key, now);
  const events = before + 1;
  const waitSeconds = backoffDelaySeconds(policy, events);
  const nextAt = new Date(now.getTime() + waitSeconds * 1000);
  const resetAt = new Date(now.getTime() + Math.max(policy.resetMs, waitSeconds * 1000));
  await putBackoff(tx, key, events, nextAt, resetAt);
  return { events, waitSeconds };
}

/** Forgets `key`'s spell (the owner proved themselves). */
export async function backoffClear(tx: Sql, key: string): Promise<void> {
  await deleteBackoff(tx, key);
}
