import type { SignedReceipt } from '../../shared/contract/receipt.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The readable receipt (R34): a standalone page to keep or print, every value escaped, no script (the API's
 * `default-src 'none'` policy applies to it too). The signed receipt follows in full, so the page is also the proof.
 */
export function receiptPage(signed: SignedReceipt): string {
  const { receipt } = signed;
  const { controller, event, notice, purpose } = receipt;
  const rows: Array<[string, string]> = [
    ['Purpose', `${purpose.title} (${purpose.id})`],
    ['Decision', `${event.type}${event.active ? ' — in force' : ''}, ${event.recordedAt} (UTC)`],
    [
      'How',
      `${event.method}${event.control ? `, ${event.control}` : ''}, ${event.surface.kind}${event.gpc ? ', GPC on' : ''}`,
    ],
    ['Legal basis', `${purpose.legalBasis}${purpose.specialCategory ? ' (special-category data)' : ''}`],
    ['Data used', purpose.dataTypes.join(', ')],
    ['Recipients', purpose.recipients.join('; ')],
    ['Stored', purpose.storage.map((s) => `${s.residents}: ${s.location}`).join('; ')],
    ['Retention', purpose.retention],
    ['Controller', `${controller.name}, ${controller.address}, ${controller.email} (${controller.registration})`],
    ['Privacy notice', `${notice.version} (${notice.locale}), ${notice.hash}`],
    ['Subject', `${receipt.subject.kind} ${receipt.subject.id}`],
    ['Receipt', `${receipt.receiptId}, issued by ${receipt.issuer}`],
  ];
  return `<!doctype html>
<html lang="${escapeHtml(notice.locale)}">
<head><meta charset="utf-8"><title>Consent receipt ${escapeHtml(receipt.receiptId)}</title></head>
<body>
<h1>Consent receipt</h1>
<dl>
${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
<h2>Signed receipt (JWS)</h2>
<p>Check it: <code>npx tsx tools/verify-receipt.ts receipt.json</code> (save the part below as receipt.json).</p>
<pre style="white-space: pre-wrap">${escapeHtml(JSON.stringify(signed, null, 2))}</pre>
</body>
</html>
`;
}
