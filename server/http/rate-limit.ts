/**
 * Fixed-window counters in memory. Enough for one instance; several instances behind a balancer
 * each count separately (a shared store would be the next step).
 */
export interface RateLimiter {
  /** Counts one hit; returns how long to wait when the limit is exceeded, else 0. */
  hit(key: string, limit: number, windowMs: number, now?: number): number;
}

export function createRateLimiter(maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    hit(key, limit, windowMs, now = Date.now()) {
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        if (windows.size >= maxKeys) prune(windows, now);
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > limit ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
    },
  };
}

function prune(windows: Map<string, { resetAt: number }>, now: number): void {
  for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  // Still full: drop the oldest entries rather than grow without bound.
  for (const key of windows.keys()) {
    if (windows.size < 0.9 * 100_000) break;
    windows.delete(key);
  }
}
