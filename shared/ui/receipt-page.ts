import type { SignedReceipt } from '../contract/receipt.ts';
import { announcement } from './announce.ts';
import { formatDateTime } from './format.ts';
import type { I18n } from './I18nContext.ts';

/** The receipt's file names: `twikit-consent-receipt-<id>.json` / `.html`. */
export const receiptFileName = (id: string, kind: 'json' | 'html'): string => `twikit-consent-receipt-${id}.${kind}`;

/**
 * A readable, printable receipt (R34) as a standalone HTML file. Built with DOM calls and `textContent` only, so
 * nothing the API sent is ever parsed as HTML; the signed JSON and its JWS are printed in full at the end.
 */
export function receiptPage(signed: SignedReceipt, i18n: Pick<I18n, 't' | 'locale'>, doc: Document = document): string {
  const { receipt } = signed;
  const { t } = i18n;
  const page = doc.implementation.createHTMLDocument(t('receipts.pageTitle'));
  page.documentElement.lang = receipt.notice.locale;
  const charset = page.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  page.head.prepend(charset);
  const add = <K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text?: string) => {
    const element = page.createElement(tag);
    if (text !== undefined) element.textContent = text;
    parent.append(element);
    return element;
  };
  add(page.body, 'h1', t('receipts.pageTitle'));
  add(page.body, 'p', announcement(i18n, { ...receipt.event, event: receipt.event.type, purpose: receipt.purpose.id }));
  const list = add(page.body, 'dl');
  const row = (label: string, value: string) => {
    add(list, 'dt', label);
    add(list, 'dd', value);
  };
  row(
    t('receipts.decision'),
    `${receipt.purpose.title}: ${t(`announce.${receipt.event.type}`, {
      purpose: t(`purpose.${receipt.purpose.id}`),
      time: formatDateTime(receipt.event.recordedAt, i18n.locale),
    })}`,
  );
  row(
    t('receipts.controller'),
    `${receipt.controller.name}, ${receipt.controller.address} (${receipt.controller.email})`,
  );
  row(t('receipts.legalBasis'), t(`basis.${receipt.purpose.legalBasis}`));
  row(t('consent.dataTypes', { types: receipt.purpose.dataTypes.join(', ') }), receipt.purpose.recipients.join('; '));
  row(t('receipts.notice'), `${receipt.notice.version} (${receipt.notice.hash})`);
  add(page.body, 'h2', t('receipts.signature'));
  add(page.body, 'pre', JSON.stringify(signed, null, 2)).style.whiteSpace = 'pre-wrap';
  add(page.body, 'p', t('receipts.checkHow'));
  return `<!doctype html>\n${page.documentElement.outerHTML}\n`;
}
