import type { Locale } from '../contract/common.ts';
import { NoticeResponseCheck } from '../contract/answer-checks.ts';
import type { NoticeResponse } from '../contract/notice.ts';
import * as routes from './routes.ts';
import type { Transport } from './transport.ts';

export type NoticeResult = { notModified: true } | { notModified: false; etag: string | null; value: NoticeResponse };

/** The notice itself; with `etag`, a 304 answers `{ notModified: true }`. */
export const noticeApi = (t: Transport) => ({
  baseUrl: t.baseUrl,
  async notice(locale: Locale, etag?: string | null, signal?: AbortSignal): Promise<NoticeResult> {
    const { response, data } = await t.call(routes.getNotice, {
      schema: NoticeResponseCheck,
      auth: false,
      query: { locale },
      accept: [304],
      signal,
      ...(etag ? { headers: { 'if-none-match': etag } } : {}),
    });
    if (response.status === 304) return { notModified: true };
    return { notModified: false, etag: response.headers.get('etag'), value: data as NoticeResponse };
  },
  /** A published version as it was published, in `locale` or else English: what a person agreed to (R12). */
  async noticeAt(version: string, locale: Locale, signal?: AbortSignal): Promise<NoticeResponse> {
    const { data } = await t.call(routes.getNoticeByVersion, {
      schema: NoticeResponseCheck,
      auth: false,
      params: { version },
      query: { locale },
      signal,
    });
    return data as NoticeResponse;
  },
});

export type NoticeApi = ReturnType<typeof noticeApi>;
