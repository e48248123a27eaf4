import { useState } from 'preact/hooks';
import type { ApiError } from '../api/api-error.ts';
import type { DecidedRecord } from '../contract/consent.ts';
import { asApiError } from '../models/load-state.ts';
import { useCore } from './CoreContext.ts';
import { saveBlob } from './download.ts';
import { useT } from './I18nContext.ts';
import { receiptFileName, receiptPage } from './receipt-page.ts';

export interface Receipts {
  /** The person's decisions, newest first; null until asked for. */
  records: DecidedRecord[] | null;
  busy: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  /** Saves the signed receipt of a record: the JSON file, or the readable page to print (R34). */
  download(id: string, kind: 'json' | 'html'): Promise<void>;
}

/** The list of decisions and their receipt downloads; loaded only when the person asks (no call on every open). */
export function useReceipts(): Receipts {
  const { api } = useCore();
  const i18n = useT();
  const [records, setRecords] = useState<DecidedRecord[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return {
    records,
    busy,
    error,
    load: () => act(async () => setRecords(await api.decisions())),
    download: (id, kind) =>
      act(async () => {
        const signed = await api.receipt(id);
        const blob =
          kind === 'json'
            ? new Blob([`${JSON.stringify(signed, null, 2)}\n`], { type: 'application/json' })
            : new Blob([receiptPage(signed, i18n)], { type: 'text/html' });
        saveBlob(blob, receiptFileName(id, kind));
      }),
  };
}
