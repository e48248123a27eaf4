// A later notice version whose purposes differ from the default notice's: it adds a newsletter (a consent that
// "accept all" covers and GPC says nothing of) and retires the objection purpose (telemetry today). Nothing in the
// code knows either: the server, the core and the widget take both from the notice alone (issue 13.1).
import { NoticeDocument, type Purpose } from '../../shared/contract/notice.ts';
import { withContentHash } from '../../shared/notice/content-hash.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';

export const NEWSLETTER: Purpose = {
  id: 'newsletter',
  kind: 'consent',
  legalBasis: 'consent',
  specialCategory: false,
  acceptAll: true,
  apps: [],
  justInTime: false,
  title: 'The Twikit newsletter',
  name: 'the newsletter',
  description: 'With your consent, Twikit e-mails you news about its products now and then. Withdraw it at any time.',
  dataTypes: ['E-Mail'],
  recipients: [{ name: 'Twikit NV', thirdParty: false }],
  retention: { text: 'Your address is kept on the mailing list until you withdraw your consent.', period: 'P2Y' },
};

/** The purpose the changed notice retires: the default notice's objection. */
export const RETIRED = defaultNoticeEn.purposes.find((p) => p.kind === 'objection')!;

/** The default notice's other purposes, kept as they are. */
export const KEPT = defaultNoticeEn.purposes.filter((p) => p !== RETIRED);

export const CHANGED_VERSION = '2027-01-15';

/** The changed notice, checked against the contract and hashed as a published version is. */
export async function changedNotice(): Promise<NoticeDocument> {
  return NoticeDocument.parse(
    await withContentHash({
      ...defaultNoticeEn,
      version: CHANGED_VERSION,
      effectiveDate: CHANGED_VERSION,
      purposes: [...KEPT, NEWSLETTER],
    }),
  );
}
