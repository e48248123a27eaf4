import type { Locale } from '../../shared/contract/common.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { Database } from '../db/database.ts';
import { publishedDocument, publishedHash, publishedHashes, publishNotice } from '../store/notices.ts';

export interface NoticeStore {
  /** The current notice in `locale`, or in English when there is no translation of the current version. */
  current(locale: Locale): { notice: NoticeDocument; availableLocales: Locale[] };
  /** The hash a published version carries, or undefined for a version that was never published. */
  hashOf(version: string, locale: Locale): Promise<string | undefined>;
  /** A published version as it was published (in `locale`, else English), or undefined (receipts cite old versions). */
  published(version: string, locale: Locale): Promise<NoticeDocument | undefined>;
}

export class NoticeConflictError extends Error {
  override name = 'NoticeConflictError';
}

/**
 * Publishes `documents` (one version, several locales) and serves the current version from memory.
 * A version id is immutable: republishing it with other content is refused, so every consent record's
 * version + hash keeps pointing at the text the person saw.
 */
export async function createNoticeStore(
  db: Database,
  documents: readonly NoticeDocument[],
  now: Date,
): Promise<NoticeStore> {
  for (const doc of documents) {
    const existing = await publishedHash(db, doc.version, doc.locale);
    if (existing !== undefined && existing !== doc.contentHash) {
      throw new NoticeConflictError(
        `Notice version ${doc.version} (${doc.locale}) is already published with other content; give the changed notice a new version id.`,
      );
    }
    if (existing === undefined) await publishNotice(db, doc, now);
  }
  const byLocale = new Map(documents.map((doc) => [doc.locale, doc] as const));
  const english = byLocale.get('en');
  if (!english) throw new NoticeConflictError('The notice must exist in English, the fallback locale.');
  const availableLocales = [...byLocale.keys()].sort();
  return {
    current: (locale) => ({ notice: byLocale.get(locale) ?? english, availableLocales }),
    async hashOf(version, locale) {
      const rows = await publishedHashes(db, version);
      return (rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'en') ?? rows[0])?.contentHash;
    },
    published: (version, locale) => publishedDocument(db, version, locale),
  };
}
