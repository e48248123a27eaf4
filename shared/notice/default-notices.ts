// The notice in every language it is published in. Not imported by the widget: it fetches the notice from
// the rights API, so the translations never enter its bundle.
import type { NoticeDocument } from '../contract/notice.ts';
import { withContentHash } from './content-hash.ts';
import { defaultNoticeEn } from './default-notice.ts';
import { noticeTextDe } from './default-notice.de.ts';
import { noticeTextFr } from './default-notice.fr.ts';
import { noticeTextNl } from './default-notice.nl.ts';
import { type NoticeTranslation, translateNotice } from './translation.ts';

/** The translations of the English notice, one per locale besides English. */
export const NOTICE_TRANSLATIONS: readonly NoticeTranslation[] = [noticeTextNl, noticeTextFr, noticeTextDe];

/** The English notice first, then each translation, every one with its own content hash. */
export async function defaultNoticeDocuments(): Promise<NoticeDocument[]> {
  const translations = await Promise.all(NOTICE_TRANSLATIONS.map((t) => translateNotice(defaultNoticeEn, t)));
  return Promise.all([defaultNoticeEn, ...translations].map((doc) => withContentHash(doc)));
}
