import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { Sql } from '../db/database.ts';

/** The hash a version was published with in `locale`, or undefined when it was not published in it. */
export async function publishedHash(sql: Sql, version: string, locale: string): Promise<string | undefined> {
  const [row] = await sql.query<{ content_hash: string }>(
    'select content_hash from notice_versions where version = $1 and locale = $2',
    [version, locale],
  );
  return row?.content_hash;
}

/** Every locale a version was published in, with its hash. */
export async function publishedHashes(
  sql: Sql,
  version: string,
): Promise<Array<{ locale: string; contentHash: string }>> {
  const rows = await sql.query<{ content_hash: string; locale: string }>(
    'select content_hash, locale from notice_versions where version = $1',
    [version],
  );
  return rows.map((r) => ({ locale: r.locale, contentHash: r.content_hash }));
}

/** Publishes a notice document (a no-op when another instance just published it). */
export async function publishNotice(sql: Sql, doc: NoticeDocument, now: Date): Promise<void> {
  await sql.query(
    `insert into notice_versions (version, locale, content_hash, effective_date, document, published_at)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [doc.version, doc.locale, doc.contentHash, doc.effectiveDate, JSON.stringify(doc), now.toISOString()],
  );
}

/** A published version's document in `locale`, else in English, else in any locale it has; undefined if never published. */
export async function publishedDocument(
  sql: Sql,
  version: string,
  locale: string,
): Promise<NoticeDocument | undefined> {
  const rows = await sql.query<{ locale: string; document: NoticeDocument | string }>(
    'select locale, document from notice_versions where version = $1',
    [version],
  );
  const row = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'en') ?? rows[0];
  if (!row) return undefined;
  return typeof row.document === 'string' ? (JSON.parse(row.document) as NoticeDocument) : row.document;
}
