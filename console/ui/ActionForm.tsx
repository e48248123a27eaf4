import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { AdminRequestView } from '../../shared/contract/requests.ts';
import type { ConsoleError } from '../api.ts';
import { useDraft } from '../draft.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';
import { StepUp } from './StepUp.tsx';

export type ActionId = 'verifying' | 'in_progress' | 'extended' | 'rejected' | 'completed';
type View = z.infer<typeof AdminRequestView>;

export const ACTION_LABEL = {
  verifying: 'action.verify',
  in_progress: 'action.start',
  extended: 'action.extend',
  rejected: 'action.refuse',
  completed: 'action.complete',
} as const;

interface Props {
  view: View;
  action: ActionId;
  onDone: (view: View, message: string) => void;
  onStale: (changes: Array<{ at: string; what: string; by: string | null }>) => void;
  onCancel: () => void;
}

/**
 * One action with its reason and its confirm button. The version read is sent as If-Match: if someone acted
 * meanwhile, nothing is done and `onStale` lists what changed. The reason is a draft until the action succeeds.
 */
export function ActionForm({ view, action, onDone, onStale, onCancel }: Props) {
  const { model, t, s } = useConsole();
  const { request } = view;
  const [reason, setReason, clearReason] = useDraft(`action.${request.id}.${action}`);
  const [months, setMonths] = useState('2');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const [stepUp, setStepUp] = useState(false);
  const needsReason = action === 'extended' || action === 'rejected';
  const label = t(ACTION_LABEL[action]);

  const submit = async (event?: Event) => {
    event?.preventDefault();
    setError(null);
    if (needsReason && !reason.trim()) {
      setFieldError(t('action.reasonRequired'));
      document.getElementById('action-reason')?.focus();
      return;
    }
    setFieldError(null);
    const body = {
      to: action,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(action === 'extended' ? { extendByMonths: Number(months) } : {}),
    };
    try {
      const { body: moved } = await model.api.call(
        'POST',
        `/v1/admin/requests/${request.id}/transitions`,
        AdminRequestView,
        {
          body,
          headers: { 'if-match': `"${view.version}"` },
        },
      );
      clearReason();
      setStepUp(false);
      onDone(moved, t('action.done', { status: s(`request.status.${moved.request.status}`) }));
    } catch (failure) {
      const problem = failure as ConsoleError;
      if (problem.type === 'step-up-required') return setStepUp(true);
      if (problem.type === 'stale-version')
        return onStale((problem.body.changes as Array<{ at: string; what: string; by: string | null }>) ?? []);
      setError(problem);
    }
  };

  return (
    <>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{label}</legend>
          {error && <ProblemText error={error} />}
          {action === 'extended' && (
            <>
              <label for="action-months">{t('action.months')}</label>
              <select id="action-months" value={months} onChange={(e) => setMonths(e.currentTarget.value)}>
                <option value="1">{t('action.month1')}</option>
                <option value="2">{t('action.month2')}</option>
              </select>
            </>
          )}
          <label for="action-reason">{needsReason ? t('action.reasonPerson') : t('action.reason')}</label>
          {action === 'rejected' && (
            <p class="hint" id="action-reason-hint">
              {t('action.reasonRefuseHint')}
            </p>
          )}
          {action === 'extended' && (
            <p class="hint" id="action-reason-hint">
              {t('action.reasonExtendHint', { date: request.originalDueAt })}
            </p>
          )}
          <textarea
            id="action-reason"
            value={reason}
            required={needsReason}
            aria-invalid={fieldError ? 'true' : 'false'}
            aria-describedby={
              [needsReason ? 'action-reason-hint' : '', fieldError ? 'action-reason-error' : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          {fieldError && (
            <p id="action-reason-error" class="field-error">
              {fieldError}
            </p>
          )}
          <p class="row">
            <button type="submit" class={action === 'rejected' ? 'danger' : ''}>
              {t('action.confirm', { action: label })}
            </button>
            <button type="button" class="secondary" onClick={onCancel}>
              {t('action.cancel')}
            </button>
          </p>
        </fieldset>
      </form>
      {stepUp && <StepUp onConfirmed={() => void submit()} />}
    </>
  );
}
