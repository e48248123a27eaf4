import type { Locale } from '../../shared/contract/common.ts';
import type { SignedReceipt } from '../../shared/contract/receipt.ts';
import { RECEIPT_PAGE_TEXT } from './receipt-page-text.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The readable receipt (R34): a standalone page to keep or print, every value escaped, no script (the API's
 * `default-src 'none'` policy applies to it too). The signed receipt follows in full, so the page is also the proof.
 * In `locale`, the language the person decided in (the record's): the values are the notice version's in that
 * language, the page's own words are RECEIPT_PAGE_TEXT's (English for a language it lacks).
 */
export function receiptPage(signed: SignedReceipt, locale: Locale): string {
  const text = RECEIPT_PAGE_TEXT[locale] ?? RECEIPT_PAGE_TEXT.en;
  const lang = RECEIPT_PAGE_TEXT[locale] ? locale : 'en';
  const { labels } = text;
  const { receipt } = signed;
  const { controller, event, notice, purpose } = receipt;
  const rows: Array<[string, string]> = [
    [labels.purpose, `${purpose.title} (${purpose.id})`],
    [
      labels.decision,
      `${text.events[event.type]}${event.active ? ` — ${text.inForce}` : ''}, ${event.recordedAt} (UTC)`,
    ],
    [
      labels.how,
      `${event.method}${event.control ? `, ${event.control}` : ''}, ${event.surface.kind}${event.gpc ? `, ${text.gpcOn}` : ''}`,
    ],
    [
      labels.legalBasis,
      `${text.bases[purpose.legalBasis]}${purpose.specialCategory ? ` (${text.specialCategory})` : ''}`,
    ],
    [labels.dataUsed, purpose.dataTypes.join(', ')],
    [labels.recipients, purpose.recipients.join('; ')],
    [labels.stored, purpose.storage.map((s) => `${s.residents}: ${s.location}`).join('; ')],
    [labels.retention, purpose.retention],
    [labels.controller, `${controller.name}, ${controller.address}, ${controller.email} (${controller.registration})`],
    [labels.notice, `${notice.version} (${notice.locale}), ${notice.hash}`],
    [labels.subject, `${text.subjectKinds[receipt.subject.kind]} ${receipt.subject.id}`],
    [labels.receipt, `${receipt.receiptId}, ${text.issuedBy} ${receipt.issuer}`],
  ];
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><title>${escapeHtml(text.title)} ${escapeHtml(receipt.receiptId)}</title></head>
<body>
<h1>${escapeHtml(text.title)}</h1>
<dl>
${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
<h2>${escapeHtml(text.signed)}</h2>
<p>${escapeHtml(text.check)} <code>npx tsx tools/verify-receipt.ts receipt.json</code> (${escapeHtml(text.saveAs)}).</p>
<pre style="white-space: pre-wrap">${escapeHtml(JSON.stringify(signed, null, 2))}</pre>
</body>
</html>
`;
}
