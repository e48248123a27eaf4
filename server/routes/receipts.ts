import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { receiptPage } from '../services/receipt-page.ts';
import { kantaraOf, ownReceipt, signReceipt } from '../services/receipts.ts';

// Receipts hold a person's own decisions: never cached by a shared cache.
const noStore = { 'cache-control': 'no-store' };

/** The receipt-signing keys and each person's receipts (R32–R34). */
export function registerReceipts(app: Hono, gate: Gate, deps: Deps): void {
  const issuer = () => deps.config.publicUrl ?? 'urn:twikit-privacy';

  bind(app, gate, endpoints.jwks, async () => ({
    status: 200,
    body: deps.receipts.jwks(),
    headers: { 'cache-control': 'public, max-age=300' },
  }));

  bind(app, gate, endpoints.consentReceipt, async ({ principal, params, query }) => {
    const { receipt, locale } = await ownReceipt(deps.db, principal.subjectId, params.id, issuer());
    if (query.format === 'kantara') return { status: 200, body: kantaraOf(receipt), headers: noStore };
    const signed = await signReceipt(deps.receipts, receipt);
    if (query.format !== 'html') return { status: 200, body: signed, headers: noStore };
    return new Response(receiptPage(signed, locale), {
      status: 200,
      headers: { ...noStore, 'content-type': 'text/html; charset=utf-8' },
    });
  });
}
