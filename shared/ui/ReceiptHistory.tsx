import { useState } from 'preact/hooks';
import type { ApiError } from '../api/api-error.ts';
import type { DecidedRecord } from '../contract/consent.ts';
import { asApiError } from '../models/load-state.ts';
import { announcement } from './announce.ts';
import { useCore } from './CoreContext.ts';
import { saveBlob } from './download.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useT } from './I18nContext.ts';

/** The receipt's file name: `twikit-consent-receipt-<id>.json` / `.html`. */
export const receiptFileName = (id: string, kind: 'json' | 'html'): string => `twikit-consent-receipt-${id}.${kind}`;

/**
 * The person's decisions, loaded when they ask (no call on every open), each with its signed receipt to download as
 * JSON or as a readable page to print (R34). Both files are the server's bytes, saved as they came.
 */
export function ReceiptHistory() {
  const i18n = useT();
  const { t } = i18n;
  const { api, notice } = useCore();
  const [records, setRecords] = useState<DecidedRecord[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const act = (work: () => Promise<void>) =>
    void work().then(
      () => setError(null),
      (e) => setError(asApiError(e)),
    );
  const save = (id: string, kind: 'json' | 'html') =>
    act(async () => saveBlob(await api.receiptFile(id, kind), receiptFileName(id, kind)));
  return (
    <div class="tp-receipts">
      {records === null ? (
        <button
          type="button"
          class="tp-btn tp-btn-secondary"
          onClick={() => act(async () => setRecords(await api.decisions()))}
        >
          {t('receipts.show')}
        </button>
      ) : (
        <ul class="tp-receipt-list">
          {records.map((record) => (
            <li key={record.id} class="tp-receipt" data-record={record.id}>
              <span>{announcement(i18n, record, notice.response.value?.notice.purposes ?? [])}</span>
              <div class="tp-actions">
                <button type="button" class="tp-btn tp-btn-secondary" onClick={() => save(record.id, 'json')}>
                  {t('requests.download.json')}
                </button>
                <button type="button" class="tp-btn tp-btn-secondary" onClick={() => save(record.id, 'html')}>
                  {t('receipts.print')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorMessage error={error} area="consent" />}
    </div>
  );
}
