import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
import { isOpen, requestReference, requestSummary } from './request-summary.ts';

/**
 * One request, explaining itself: its type and a status chip, a reference, a line of what was asked, the received
 * date and, while it is open, the due date (R38); once ended, when and how it ended, with the reason where there is
 * one. Cancelling asks first: it cannot be undone.
 */
export function RequestItem({ request }: { request: RightsRequest }) {
  const { t, locale } = useT();
  const { requests } = useCore();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const date = (iso: string) => formatDueDate(iso, locale);
  const open = isOpen(request.status);
  const asked = requestSummary(request.input, t);
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
      <div class="tp-request-head">
        <h4 id={id}>{t(`request.type.${request.type}`)}</h4>
        <p class={`tp-chip tp-chip-${open ? 'open' : request.status}`}>
          <span class="tp-sr">{t('requests.status')} </span>
          {t(`request.status.${request.status}`)}
        </p>
      </div>
      <p class="tp-meta">{t('requests.reference', { ref: requestReference(request.id) })}</p>
      {asked && <p>{t('requests.asked', { summary: asked })}</p>}
      <p>{t('requests.received', { date: date(brusselsDate(request.receivedAt)) })}</p>
      {open ? (
        <p class="tp-due">{t('requests.dueBy', { date: date(request.dueAt) })}</p>
      ) : (
        <p class="tp-ended">
          {t(`requests.ended.${request.status as 'completed' | 'rejected' | 'cancelled'}`, {
            date: date(brusselsDate(request.completedAt ?? request.updatedAt)),
          })}
        </p>
      )}
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
        {canTransition(request.status, 'cancelled') && !confirming && (
          <button type="button" class="tp-btn tp-btn-secondary" onClick={() => setConfirming(true)}>
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
      {confirming && canTransition(request.status, 'cancelled') && (
        <CancelConfirm
          busy={busy}
          onYes={() => void act(() => requests.cancel(request.id)).then(() => setConfirming(false))}
          onNo={() => setConfirming(false)}
        />
      )}
      {error && <ErrorMessage error={error} area="request-list" />}
    </li>
  );
}

/** "Cancel this request?" with the two answers; focus moves to the question so it is read first. */
function CancelConfirm({ busy, onYes, onNo }: { busy: boolean; onYes(): void; onNo(): void }) {
  const { t } = useT();
  const question = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => question.current?.focus(), []);
  return (
    <div class="tp-confirm">
      <p tabIndex={-1} ref={question}>
        {t('requests.cancelConfirm')}
      </p>
      <div class="tp-actions">
        <button
          type="button"
          class="tp-btn tp-btn-primary"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => !busy && onYes()}
        >
          {t('requests.cancelYes')}
        </button>
        <button type="button" class="tp-btn tp-btn-secondary" onClick={onNo}>
          {t('requests.cancelNo')}
        </button>
      </div>
    </div>
  );
}
