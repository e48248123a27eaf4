import { signal, type Signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { NoticeApi } from '../api/notice-api.ts';
import type { Locale } from '../contract/common.ts';
import { NoticeResponse } from '../contract/notice.ts';
import type { Cache } from '../storage/cache.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';

const CachedNotice = z.object({ etag: z.nullable(z.string()), value: NoticeResponse });

export interface NoticeModel extends LoadState {
  response: Signal<NoticeResponse | null>;
  /** Shows the cached notice at once, then revalidates it with the server (ETag). */
  load(locale: Locale, signal?: AbortSignal): Promise<void>;
}

/** The privacy notice for the current locale, cached per locale and version on this device. */
export function createNoticeModel(api: NoticeApi, cache: Cache): NoticeModel {
  const state = createLoadState();
  const response = signal<NoticeResponse | null>(null);
  const keyOf = (locale: Locale) => `${api.baseUrl}|notice|${locale}`;
  // Only the latest load may update the signals: a slow answer for a language left behind is dropped.
  let latest = 0;

  return {
    ...state,
    response,
    async load(locale, abort) {
      const seq = ++latest;
      state.status.value = 'loading';
      // A cached copy that no longer fits the contract is ignored, never shown.
      const cachedParse = z.safeParse(CachedNotice, await cache.get(keyOf(locale)));
      const cached = cachedParse.success ? cachedParse.data : null;
      if (seq !== latest) return;
      if (cached) {
        response.value = cached.value;
        state.fromCache.value = true;
      }
      try {
        const result = await api.notice(locale, cached?.etag ?? null, abort);
        if (!result.notModified) await cache.set(keyOf(locale), { etag: result.etag, value: result.value });
        if (seq !== latest) return;
        if (!result.notModified) response.value = result.value;
        state.fromCache.value = false;
        state.error.value = null;
        state.status.value = 'ready';
      } catch (error) {
        if (seq !== latest || abort?.aborted) return;
        state.error.value = asApiError(error);
        state.status.value = cached ? 'ready' : 'error';
      }
    },
  };
}
