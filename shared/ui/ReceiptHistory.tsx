import { useId } from 'preact/hooks';
import { announcement } from './announce.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useT } from './I18nContext.ts';
import { useReceipts } from './useReceipts.ts';

/** The person's decisions, each with its signed receipt to download as JSON or as a page to print (R34). */
export function ReceiptHistory() {
  const i18n = useT();
  const { t } = i18n;
  const receipts = useReceipts();
  const headingId = useId();
  return (
    <section class="tp-receipts" aria-labelledby={headingId} aria-busy={receipts.busy ? 'true' : undefined}>
      <h3 id={headingId}>{t('receipts.heading')}</h3>
      <p>{t('receipts.intro')}</p>
      {receipts.records === null ? (
        <button
          type="button"
          class="tp-btn tp-btn-secondary"
          disabled={receipts.busy}
          onClick={() => void receipts.load()}
        >
          {receipts.busy ? t('receipts.loading') : t('receipts.show')}
        </button>
      ) : receipts.records.length === 0 ? (
        <p>{t('receipts.empty')}</p>
      ) : (
        <ul class="tp-receipt-list">
          {receipts.records.map((record) => (
            <li key={record.id} class="tp-receipt" data-record={record.id}>
              <span>{announcement(i18n, record)}</span>
              <div class="tp-actions">
                <button
                  type="button"
                  class="tp-btn tp-btn-secondary"
                  onClick={() => void receipts.download(record.id, 'json')}
                >
                  {t('receipts.json')}
                </button>
                <button
                  type="button"
                  class="tp-btn tp-btn-secondary"
                  onClick={() => void receipts.download(record.id, 'html')}
                >
                  {t('receipts.print')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {receipts.error && <ErrorMessage error={receipts.error} area="consent" />}
    </section>
  );
}
