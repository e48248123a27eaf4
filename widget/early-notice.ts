import { getNotice } from '../shared/api/routes.ts';
import type { Early } from './runtime-types.ts';

/**
 * The notice's URL as the API client asks for it (shared/api/notice-api.ts through the transport, which drops a
 * trailing slash from the base): the loader and the runtime prefetch exactly this, so the client's call finds it.
 */
export const noticeUrl = (apiBase: string, locale: string): string =>
  `${apiBase.replace(/\/+$/, '')}${getNotice.path}?locale=${locale}`;

/** Starts fetching the notice into `early` (once: a URL already there is left alone), until `signal` aborts. */
export function fetchNoticeEarly(
  early: Early,
  fetchFn: typeof fetch,
  apiBase: string,
  locale: string,
  signal?: AbortSignal,
): void {
  const url = noticeUrl(apiBase, locale);
  if (early.has(url)) return;
  const answer = fetchFn(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  answer.catch(() => undefined); // a failure is the notice model's to report, when it asks
  early.set(url, answer);
}

/**
 * A fetch that answers a GET of a URL in `early` with the answer fetched ahead of need (once; then it is forgotten),
 * and passes everything else to `pageFetch`.
 */
export function fetchWithEarly(early: Early, pageFetch: typeof fetch): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const hit = (init?.method ?? 'GET') === 'GET' ? early.get(url) : undefined;
    if (!hit) return pageFetch(input, init);
    early.delete(url);
    return hit;
  };
}
