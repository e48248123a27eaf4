// Shown from this device's cache at once, then confirmed by the server: the load both models (consents, requests)
// make. A read can be overtaken: while it is on its way, a newer value arrives from elsewhere (a command's answer,
// another tab). Its answer then holds the value from before them, and storing it as is would undo on screen (and in
// the cache) what the person just did while the server holds it; the model is told, and merges or skips it.
import type { Cache } from '../storage/cache.ts';
import { asApiError, type LoadState } from './load-state.ts';

export interface CachedResourceOptions<T> {
  cache: Cache;
  key: () => Promise<string>;
  /** The cached value if it still fits the contract (the page's scripts can write to the origin's IndexedDB). */
  check(value: unknown): Promise<T | undefined>;
  /** Shows a cached value; returns false when something newer is already shown (then it is ignored). */
  showCached(value: T): boolean;
  /** The server's read. */
  read(signal: AbortSignal | undefined): Promise<T>;
  /** Stores the read; `overtaken` when a newer value arrived meanwhile (see above). */
  store(value: T, overtaken: boolean): Promise<void>;
  /** Something is on screen even though the read failed (ready, not error). */
  hasValue(): boolean;
}

export interface CachedResource<T> {
  /** A value arrived from elsewhere than a read: reads on their way now are overtaken. */
  overtake(): void;
  readCache(): Promise<T | undefined>;
  writeCache(value: T): Promise<void>;
  /** Cache first, then the server; `then` runs once the read is stored (its failure is the load's). */
  load(signal?: AbortSignal, then?: () => Promise<void>): Promise<void>;
}

/** The cache-then-server load of one value, with the status half of its model (`state`). */
export function createCachedResource<T>(state: LoadState, options: CachedResourceOptions<T>): CachedResource<T> {
  let newer = 0;
  const readCache = async () => options.check(await options.cache.get(await options.key()));
  return {
    overtake: () => void newer++,
    readCache,
    writeCache: async (value) => options.cache.set(await options.key(), value),
    async load(abort, then) {
      state.status.value = 'loading';
      const cached = await readCache();
      if (cached !== undefined && options.showCached(cached)) state.fromCache.value = true;
      const seen = newer;
      try {
        const read = await options.read(abort);
        await options.store(read, newer !== seen);
        state.fromCache.value = false;
        state.error.value = null;
        state.status.value = 'ready';
        await then?.();
      } catch (error) {
        // Torn down (this load's signal, or the core's, which aborts every fetch): not an error anyone should see.
        if (abort?.aborted || (error as Error | null)?.name === 'AbortError') return;
        state.error.value = asApiError(error);
        state.status.value = cached !== undefined || options.hasValue() ? 'ready' : 'error';
      }
    },
  };
}
