import { useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import { AdminRequestView } from '../../shared/contract/requests.ts';
import { SystemJob, SystemJobList } from '../../shared/contract/systems.ts';
import type { ConsoleError } from '../api.ts';
import { useDraft } from '../draft.ts';
import type { ConsoleMessageKey } from '../messages/index.ts';
import { useConsole } from './ConsoleContext.ts';
import { ProblemText } from './ProblemText.tsx';
import { StepUp } from './StepUp.tsx';
import { useLoad } from './use-load.ts';

type View = z.infer<typeof AdminRequestView>;
type Job = z.infer<typeof SystemJob>;
/** States in which the system still owes an answer: it can be sent again, confirmed by hand, or closed. */
const OPEN = ['pending', 'sent', 'failed'];

interface Props {
  view: View;
  mayAct: boolean;
  /** The request may have moved (a confirmation that settled it, a close): the page reads it again. */
  onChanged: (message: string, moved?: View) => void;
}

/** Each system's part of a request: its state, attempts and last failure; retry, mark confirmed, close without it. */
export function SystemsPanel({ view, mayAct, onChanged }: Props) {
  const { model, t, s, locale } = useConsole();
  const id = view.request.id;
  const loaded = useLoad(
    async (signal) => (await model.api.call('GET', `/v1/admin/requests/${id}/jobs`, SystemJobList, { signal })).body,
    [id, view.version],
  );
  const [confirming, setConfirming] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<ConsoleError | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Europe/Brussels' });

  if (loaded.error) return <ProblemText error={loaded.error} />;
  if (!loaded.data) return <p role="status">{t('app.loading')}</p>;
  const jobs = loaded.data.jobs;
  if (jobs.length === 0) return <p>{t('systems.none')}</p>;
  const open = jobs.filter((j) => OPEN.includes(j.state));
  const requestOpen = !['completed', 'rejected', 'cancelled'].includes(view.request.status);

  const retry = async (job: Job) => {
    setError(null);
    try {
      await model.api.call('POST', `/v1/admin/jobs/${job.id}/retry`, SystemJob);
      loaded.reload();
      onChanged(t('systems.retried', { system: job.name }));
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };

  return (
    <>
      {error && <ProblemText error={error} />}
      <div class="table-wrap">
        <table aria-label={t('request.systems')}>
          <thead>
            <tr>
              <th scope="col">{t('systems.col.system')}</th>
              <th scope="col">{t('systems.col.state')}</th>
              <th scope="col">{t('systems.col.attempts')}</th>
              <th scope="col">{t('systems.col.failure')}</th>
              {mayAct && <th scope="col">{t('systems.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} data-system={job.system}>
                <th scope="row">{job.name}</th>
                <td>
                  {t(`systems.state.${job.state}` as ConsoleMessageKey)}
                  {job.note && <p class="hint">{job.note}</p>}
                </td>
                <td>
                  {job.attempts}
                  {job.nextAttemptAt && OPEN.includes(job.state) && (
                    <p class="hint">{t('systems.nextAttempt', { at: date(job.nextAttemptAt) })}</p>
                  )}
                </td>
                <td>{job.lastError ?? '—'}</td>
                {mayAct && (
                  <td>
                    {OPEN.includes(job.state) && (
                      <div class="actions-list">
                        {job.connector !== 'manual' && (
                          <button type="button" class="secondary" onClick={() => void retry(job)}>
                            {t('systems.retry', { system: job.name })}
                          </button>
                        )}
                        <button
                          type="button"
                          class="secondary"
                          aria-pressed={confirming === job.id ? 'true' : 'false'}
                          onClick={() => setConfirming(confirming === job.id ? null : job.id)}
                        >
                          {t('systems.confirm', { system: job.name })}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayAct && confirming && jobs.some((j) => j.id === confirming && OPEN.includes(j.state)) && (
        <ConfirmForm
          key={confirming}
          job={jobs.find((j) => j.id === confirming)!}
          onCancel={() => setConfirming(null)}
          onDone={(job) => {
            setConfirming(null);
            loaded.reload();
            onChanged(t('systems.confirmed', { system: job.name }));
          }}
        />
      )}
      {mayAct && requestOpen && open.length > 0 && (
        <p>
          <button
            type="button"
            class="danger"
            aria-pressed={closing ? 'true' : 'false'}
            onClick={() => setClosing(!closing)}
          >
            {t('systems.close')}
          </button>
        </p>
      )}
      {mayAct && requestOpen && closing && (
        <CloseForm
          requestId={id}
          onCancel={() => setClosing(false)}
          onDone={(moved) => {
            setClosing(false);
            onChanged(t('action.done', { status: s(`request.status.${moved.request.status}`) }), moved);
          }}
        />
      )}
    </>
  );
}

/** Ticks one system off by hand, with the note that says how the operator knows. */
function ConfirmForm({ job, onDone, onCancel }: { job: Job; onDone: (job: Job) => void; onCancel: () => void }) {
  const { model, t } = useConsole();
  const [note, setNote, clearNote] = useDraft(`confirm.${job.id}`);
  const [outcome, setOutcome] = useState<'done' | 'not_found'>('done');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!note.trim()) {
      setFieldError(t('systems.noteRequired'));
      document.getElementById('confirm-note')?.focus();
      return;
    }
    setFieldError(null);
    try {
      await model.api.call('POST', `/v1/admin/jobs/${job.id}/confirm`, SystemJob, {
        body: { note: note.trim(), status: outcome },
      });
      clearNote();
      onDone(job);
    } catch (failure) {
      setError(failure as ConsoleError);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('systems.confirmHeading', { system: job.name })}</legend>
        {error && <ProblemText error={error} />}
        <label for="confirm-outcome">{t('systems.outcome')}</label>
        <select
          id="confirm-outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value as 'done' | 'not_found')}
        >
          <option value="done">{t('systems.outcome.done')}</option>
          <option value="not_found">{t('systems.outcome.notFound')}</option>
        </select>
        <label for="confirm-note">{t('systems.note')}</label>
        <textarea
          id="confirm-note"
          value={note}
          required
          aria-invalid={fieldError ? 'true' : 'false'}
          aria-describedby={fieldError ? 'confirm-note-error' : undefined}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {fieldError && (
          <p id="confirm-note-error" class="field-error">
            {fieldError}
          </p>
        )}
        <p class="row">
          <button type="submit">{t('systems.confirmSubmit')}</button>
          <button type="button" class="secondary" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

/** Completes the request although a system did not answer: destructive, so it asks for a fresh code. */
function CloseForm({
  requestId,
  onDone,
  onCancel,
}: {
  requestId: string;
  onDone: (view: View) => void;
  onCancel: () => void;
}) {
  const { model, t } = useConsole();
  const [reason, setReason, clearReason] = useDraft(`close.${requestId}`);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const [stepUp, setStepUp] = useState(false);
  const submit = async (event?: Event) => {
    event?.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setFieldError(t('action.reasonRequired'));
      document.getElementById('close-reason')?.focus();
      return;
    }
    setFieldError(null);
    try {
      const { body } = await model.api.call('POST', `/v1/admin/requests/${requestId}/close`, AdminRequestView, {
        body: { reason: reason.trim() },
      });
      clearReason();
      setStepUp(false);
      onDone(body);
    } catch (failure) {
      const problem = failure as ConsoleError;
      if (problem.type === 'step-up-required') return setStepUp(true);
      setError(problem);
    }
  };
  return (
    <>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('systems.close')}</legend>
          {error && <ProblemText error={error} />}
          <p class="hint" id="close-reason-hint">
            {t('systems.closeHint')}
          </p>
          <label for="close-reason">{t('action.reasonPerson')}</label>
          <textarea
            id="close-reason"
            value={reason}
            required
            aria-invalid={fieldError ? 'true' : 'false'}
            aria-describedby={fieldError ? 'close-reason-hint close-reason-error' : 'close-reason-hint'}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          {fieldError && (
            <p id="close-reason-error" class="field-error">
              {fieldError}
            </p>
          )}
          <p class="row">
            <button type="submit" class="danger">
              {t('action.confirm', { action: t('systems.close') })}
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
