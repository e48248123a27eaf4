import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { notFound } from '../services/errors.ts';

/** True when an If-None-Match header names `etag` (weak or strong) or is `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export function registerNotice(app: Hono, gate: Gate, deps: Deps): void {
  bind(app, gate, endpoints.getNotice, async ({ query, c }) => {
    const requestedLocale = query.locale ?? 'en';
    const current = deps.notices.current(requestedLocale);
    // An earlier version, as published: what a receipt's notice hash is checked against.
    const earlier =
      query.version !== undefined && query.version !== current.notice.version
        ? await deps.notices.published(query.version, requestedLocale)
        : undefined;
    if (query.version !== undefined && query.version !== current.notice.version && !earlier)
      throw notFound(`Notice version "${query.version}" was never published.`);
    const notice = earlier ?? current.notice;
    const availableLocales = earlier ? [earlier.locale] : current.availableLocales;
    // The content hash identifies the text exactly, so it is a strong validator.
    const etag = `"${notice.contentHash}"`;
    const headers = {
      etag,
      'content-language': notice.locale,
      'cache-control': 'public, max-age=60, must-revalidate',
      vary: 'Accept-Encoding',
    };
    if (matchesEtag(c.req.header('if-none-match'), etag)) return { status: 304, headers };
    return { status: 200, body: { notice, requestedLocale, availableLocales }, headers };
  });

  bind(app, gate, endpoints.getNoticeByVersion, async ({ params, query, c }) => {
    const requestedLocale = query.locale ?? 'en';
    const notice = await deps.notices.published(params.version, requestedLocale);
    if (!notice) throw notFound(`Notice version "${params.version}" was never published.`);
    // A published version never changes: its hash is a strong validator and it may be cached long.
    const etag = `"${notice.contentHash}"`;
    const headers = {
      etag,
      'content-language': notice.locale,
      'cache-control': 'public, max-age=86400, immutable',
      vary: 'Accept-Encoding',
    };
    if (matchesEtag(c.req.header('if-none-match'), etag)) return { status: 304, headers };
    const availableLocales = await deps.notices.localesOf(params.version);
    return { status: 200, body: { notice, requestedLocale, availableLocales }, headers };
  });

  bind(app, gate, endpoints.getNoticeVersion, async ({ query }) => {
    const { notice } = deps.notices.current(query.locale ?? 'en');
    return {
      status: 200,
      body: {
        version: notice.version,
        effectiveDate: notice.effectiveDate,
        contentHash: notice.contentHash,
        locale: notice.locale,
      },
      headers: { 'cache-control': 'public, max-age=60, must-revalidate' },
    };
  });
}
