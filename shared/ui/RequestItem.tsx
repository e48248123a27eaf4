import { useId, useState } from 'preact/hooks';
import type { ApiError } from '../api/api-error.ts';
import { canTransition, type ExportFormat, type RightsRequest } from '../contract/requests.ts';
import { brusselsDate } from '../dates/brussels.ts';
import { asApiError } from '../models/load-state.ts';
import { hasExport } from '../registry/request-type-rules.ts';
import { useCore } from './CoreContext.ts';
import { exportFileName, saveBlob } from './download.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { formatDueDate } from './format.ts';
import { useT } from './I18nContext.ts';
import { RequestOutcome } from './RequestOutcome.tsx';
import { RequestSystems } from './RequestSystems.tsx';

/** One request: type, status, received and due dates (R38), reasons, and its actions (cancel, download). */
export function RequestItem({ request }: { request: RightsRequest }) {
  const { t, locale } = useT();
  const { requests } = useCore();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const date = (iso: string) => formatDueDate(iso, locale);
  const downloadable = request.status === 'completed' && hasExport(request.type) && request.export;

  const act = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const download = (format: ExportFormat) =>
    act(async () => saveBlob(await requests.exportFile(request.id, format), exportFileName(request.id, format)));

  return (
    <li class="tp-request" aria-labelledby={id}>
      <h4 id={id}>{t(`request.type.${request.type}`)}</h4>
      <p>
        <span class="tp-label">{t('requests.status')}</span> <strong>{t(`request.status.${request.status}`)}</strong>
      </p>
      <p>{t('requests.received', { date: date(brusselsDate(request.receivedAt)) })}</p>
      <p class="tp-due">{t('requests.dueBy', { date: date(request.dueAt) })}</p>
      {request.status === 'extended' && request.extensionReason && (
        <p>{t('requests.extended', { reason: request.extensionReason, original: date(request.originalDueAt) })}</p>
      )}
      {request.status === 'rejected' && (
        <>
          {request.statusReason && <p>{t('requests.rejectedReason', { reason: request.statusReason })}</p>}
          <p>{t('requests.rejectedRights')}</p>
        </>
      )}
      {request.outcome && <RequestOutcome outcome={request.outcome} />}
      {request.systems && request.systems.length > 0 && (
        <RequestSystems type={request.type} systems={request.systems} />
      )}
      <div class="tp-actions" aria-busy={busy ? 'true' : undefined}>
        {canTransition(request.status, 'cancelled') && (
          <button
            type="button"
            class="tp-btn tp-btn-secondary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => void act(() => requests.cancel(request.id))}
          >
            {t('requests.cancel')}
          </button>
        )}
        {downloadable &&
          request.export?.formats.map((format) => (
            <button
              key={format}
              type="button"
              class="tp-btn tp-btn-secondary"
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void download(format)}
            >
              {t(`requests.download.${format}`)}
            </button>
          ))}
      </div>
      {error && <ErrorMessage error={error} area="request-list" />}
    </li>
  );
}
