import { signal, type Signal } from '@preact/signals-core';
import type { NoticeApi } from '../api/notice-api.ts';
import type { Locale } from '../contract/common.ts';
import { NoticeResponseCheck } from '../contract/answer-checks.ts';
import type { NoticeResponse } from '../contract/notice.ts';
import type { Cache } from '../storage/cache.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';

/** A cached notice as written below: its ETag, and the answer, checked again as the contract says (it may be stale). */
async function cachedNotice(stored: unknown): Promise<{ etag: string | null; value: NoticeResponse } | null> {
  if (typeof stored !== 'object' || stored === null) return null;
  const { etag, value } = stored as { etag?: unknown; value?: unknown };
  if (etag !== null && typeof etag !== 'string') return null;
  const parsed = await NoticeResponseCheck['~standard'].validate(value);
  return parsed.issues ? null : { etag, value: parsed.value };
}

export interface NoticeModel extends LoadState {
  response: Signal<NoticeResponse | null>;
  /**
   * Shows the cached notice at once, then revalidates it with the server (ETag). `networkFirst`: the answer is
   * already on its way (a first visit's prefetch, sent without an ETag), so the cache is read only if it fails.
   */
  load(locale: Locale, signal?: AbortSignal, options?: { networkFirst?: boolean }): Promise<void>;
  /** Resolves when the latest load has shown its outcome (a notice or an error), before it is written to the cache. */
  settled(): Promise<void>;
}

/** The privacy notice for the current locale, cached per locale and version on this device. */
export function createNoticeModel(api: NoticeApi, cache: Cache): NoticeModel {
  const state = createLoadState();
  const response = signal<NoticeResponse | null>(null);
  const keyOf = (locale: Locale) => `${api.baseUrl}|notice|${locale}`;
  // Only the latest load may update the signals: a slow answer for a language left behind is dropped.
  let latest = 0;
  let shown: Promise<void> = Promise.resolve();

  async function load(
    locale: Locale,
    abort: AbortSignal | undefined,
    options: { networkFirst?: boolean },
    onShown: () => void,
  ): Promise<void> {
    const seq = ++latest;
    state.status.value = 'loading';
    // A cached copy that no longer fits the contract is ignored, never shown.
    const readCache = async () => {
      return cachedNotice(await cache.get(keyOf(locale)));
    };
    const cached = options.networkFirst ? null : await readCache();
    if (seq !== latest) return;
    if (cached) {
      response.value = cached.value;
      state.fromCache.value = true;
    }
    try {
      const result = await api.notice(locale, cached?.etag ?? null, abort);
      // Shown first, then kept: the first layer waits on this answer, not on the IndexedDB write.
      const keep = result.notModified ? null : cache.set(keyOf(locale), { etag: result.etag, value: result.value });
      if (seq === latest) {
        if (!result.notModified) response.value = result.value;
        state.fromCache.value = false;
        state.error.value = null;
        state.status.value = 'ready';
      }
      onShown();
      await keep;
    } catch (error) {
      if (seq !== latest || abort?.aborted) return;
      const fallback = options.networkFirst ? await readCache().catch(() => null) : cached;
      if (seq !== latest) return;
      if (fallback && options.networkFirst) {
        response.value = fallback.value;
        state.fromCache.value = true;
      }
      state.error.value = asApiError(error);
      state.status.value = fallback ? 'ready' : 'error';
    }
  }

  return {
    ...state,
    response,
    load(locale, abort, options = {}) {
      let onShown!: () => void;
      shown = new Promise((resolve) => (onShown = resolve));
      // Whatever happens (an error, a newer load, an abort), the wait ends when this load does.
      return load(locale, abort, options, onShown).finally(onShown);
    },
    settled: () => shown,
  };
}
