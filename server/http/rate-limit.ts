import { createHmac } from 'node:crypto';
import type { Sql } from '../db/database.ts';
import { countHit, windowCount } from '../store/limits.ts';

/**
 * Fixed-window counters kept in the database, so every instance on it counts together (issue 18, point 9),
 * and a flood of distinct keys cannot push anyone's counter out: rows leave only once their window is over.
 * Keys are stored as keyed hashes: the table holds no addresses, and a key's length is always 64.
 */
export interface RateLimiter {
  /**
   * Counts `weight` hits (1 unless said otherwise; costly reads weigh more) against `limit` per `windowMs`.
   * Returns the seconds to wait when the window's count is over the limit, else 0.
   */
  hit(key: string, limit: number, windowMs: number, options?: { weight?: number }): Promise<number>;
  /** The seconds to wait when one more hit on `key` would go over `limit`, counting nothing (to refuse before work). */
  peek(key: string, limit: number, windowMs: number): Promise<number>;
}

export interface RateLimiterOptions {
  /** Key for hashing limiter keys. */
  secret: string;
  now: () => Date;
  /** Deletes rows of past windows (run now and then by the limiter itself, and by any scheduled job). */
  prune: (now: Date) => Promise<unknown>;
  /** How often, at most, a hit also prunes. */
  pruneEveryMs?: number;
}

export function createRateLimiter(db: Sql, options: RateLimiterOptions): RateLimiter {
  const hash = (key: string) => createHmac('sha256', options.secret).update(key).digest('hex');
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  let lastPrune = 0;

  // Windows are aligned on the clock (every instance agrees where one starts without talking to the others).
  const windowOf = (windowMs: number) => {
    const now = options.now().getTime();
    const start = Math.floor(now / windowMs) * windowMs;
    return { now, start, end: start + windowMs };
  };
  const waitFor = (count: number, limit: number, now: number, end: number) =>
    count > limit ? Math.max(1, Math.ceil((end - now) / 1000)) : 0;

  function maybePrune(now: number): void {
    if (now - lastPrune < pruneEveryMs) return;
    lastPrune = now;
    // Not awaited: nobody's request waits for housekeeping; a failure (e.g. the database closing) is harmless.
    options.prune(new Date(now)).catch(() => undefined);
  }

  return {
    async hit(key, limit, windowMs, { weight = 1 } = {}) {
      const { now, start, end } = windowOf(windowMs);
      maybePrune(now);
      // One atomic statement: concurrent hits from any instance each see their own, exact count.
      const count = await countHit(db, hash(key), new Date(start), new Date(end), weight);
      return waitFor(count, limit, now, end);
    },
    async peek(key, limit, windowMs) {
      const { now, start, end } = windowOf(windowMs);
      return waitFor((await windowCount(db, hash(key), new Date(start))) + 1, limit, now, end);
    },
  };
}
