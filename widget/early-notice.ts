import type { Early } from './runtime.ts';

/**
 * The notice's URL as the API client asks for it (shared/api/notice-api.ts through the transport, which drops a
 * trailing slash from the base): the loader and the runtime prefetch exactly this, so the client's call finds it.
 */
export const noticeUrl = (apiBase: string, locale: string): string => `${apiBase.replace(/\/+$/, '')}/v1/notice?locale=${locale}`;

/** Starts fetching the notice into `early` (once: a URL already there is left alone). */
export function fetchNoticeEarly(early: Early, fetchFn: typeof fetch, apiBase: string, locale: string): void {
  const url = noticeUrl(apiBase, locale);
  if (early.has(url)) return;
  const answer = fetchFn(url, { headers: { accept: 'application/json' } });
  answer.catch(() => undefined); // a failure is the notice model's to report, when it asks
  early.set(url, answer);
}
