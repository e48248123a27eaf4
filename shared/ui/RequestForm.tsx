import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/api-error.ts';
import { RequestType } from '../contract/requests.ts';
import type { FieldProblems } from '../models/request-validation.ts';
import { useCore } from './CoreContext.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { formatDueDate } from './format.ts';
import { useT } from './I18nContext.ts';
import { checkDraft, fieldsClearedBy, fieldsFor, problemMessage, reviewOf, serverProblems } from './request-fields.ts';
import { RequestField } from './RequestField.tsx';
import { RequestReview } from './RequestReview.tsx';
import { RequestTypePicker } from './RequestTypePicker.tsx';

/**
 * Files a rights request (R37): pick a type, then only its fields, bound to the model's drafts so what was typed
 * survives errors and re-renders. Errors sit beside fields and in a summary that takes focus; the types the
 * registry marks (erasure, account deletion) get a confirmation stage before anything is sent (R59).
 */
export function RequestForm() {
  const { t, locale } = useT();
  const core = useCore();
  const { requests } = core;
  const idBase = useId();
  const [type, setType] = useState<RequestType | ''>(
    () => RequestType.options.find((k) => requests.drafts.value[k]) ?? '',
  );
  const [stage, setStage] = useState<'edit' | 'review'>('edit');
  const [problems, setProblems] = useState<FieldProblems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [filed, setFiled] = useState('');
  const [summaryFocus, setSummaryFocus] = useState(0);
  const submitting = requests.submitting.value;
  const draft = (type && requests.drafts.value[type]) || {};
  const specs = type ? fieldsFor(type, draft) : [];
  const extra = { locale, surface: core.options.surface };
  const review = type ? reviewOf(type) : undefined;
  const confirmFirst = review !== undefined;
  const fieldId = (name: string) => `${idBase}-${name}`;
  const typeRef = useRef<HTMLSelectElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [focusAfter, setFocusAfter] = useState<{ on: 'type' | 'submit'; n: number } | null>(null);

  // The button that was pressed is gone after filing or going back from the review: put focus somewhere useful.
  useLayoutEffect(() => {
    if (focusAfter) (focusAfter.on === 'type' ? typeRef : submitRef).current?.focus();
  }, [focusAfter]);

  const showProblems = (next: FieldProblems) => {
    setProblems(next);
    setStage('edit');
    setSummaryFocus((n) => n + 1);
  };
  const pick = (next: RequestType | '') => {
    setType(next);
    setStage('edit');
    setProblems({});
    setError(null);
  };
  const change = (name: string, value: string | boolean | undefined) => {
    if (!type) return;
    requests.setField(type, name, value);
    for (const cleared of fieldsClearedBy(type, name, value)) requests.setField(type, cleared, undefined);
  };

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!type || submitting) return;
    setError(null);
    setFiled('');
    if (confirmFirst && stage === 'edit') {
      const checked = checkDraft(type, draft, extra);
      if (!checked.ok) return showProblems(checked.problems);
      setProblems({});
      return setStage('review');
    }
    const result = await requests.submit(type, extra);
    if (result.ok && result.request) {
      pick('');
      setFocusAfter((f) => ({ on: 'type', n: (f?.n ?? 0) + 1 }));
      setFiled(
        t('request.filed', {
          type: t(`request.type.${result.request.type}`),
          date: formatDueDate(result.request.dueAt, locale),
        }),
      );
    } else if (result.ok && result.queued) {
      pick('');
      setFocusAfter((f) => ({ on: 'type', n: (f?.n ?? 0) + 1 }));
      setFiled(t('request.queued', { type: t(`request.type.${result.queued.type}`) }));
    } else if (result.problems) {
      showProblems(result.problems);
    } else if (result.error) {
      setError(result.error);
      const fromServer = result.error.kind === 'invalid-input' ? serverProblems(result.error.fieldErrors, specs) : {};
      if (Object.keys(fromServer).length > 0) showProblems(fromServer);
    }
  }

  const summary = Object.entries(problems).map(([name, problem]) => {
    const spec = specs.find((s) => s.name === name);
    const [key, params] = problemMessage(spec, problem, draft[name]);
    return { target: spec ? fieldId(name) : `${idBase}-type`, text: t(key, params) };
  });

  return (
    <form
      class="tp-form"
      noValidate
      aria-labelledby={`${idBase}-title`}
      aria-busy={submitting ? 'true' : undefined}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3 id={`${idBase}-title`}>{t('request.formTitle')}</h3>
      <p>{t('request.intro')}</p>
      <ErrorSummary items={summary} focusKey={summaryFocus} />
      {stage === 'review' && review ? (
        <RequestReview
          review={review}
          draft={draft}
          submitting={submitting}
          onBack={() => {
            setStage('edit');
            setFocusAfter((f) => ({ on: 'submit', n: (f?.n ?? 0) + 1 }));
          }}
        />
      ) : (
        <>
          <RequestTypePicker id={`${idBase}-type`} value={type} onChange={pick} selectRef={typeRef} />
          {type &&
            specs.map((spec) => (
              <RequestField
                key={spec.name}
                spec={spec}
                id={fieldId(spec.name)}
                value={draft[spec.name]}
                problem={problems[spec.name]}
                onChange={(v) => change(spec.name, v)}
              />
            ))}
          {type && (
            <button
              type="submit"
              class="tp-btn tp-btn-primary"
              aria-disabled={submitting ? 'true' : undefined}
              ref={submitRef}
            >
              {submitting ? t('request.sending') : confirmFirst ? t('request.reviewButton') : t('request.send')}
            </button>
          )}
        </>
      )}
      {error && <ErrorMessage error={error} area="request-submit" />}
      <p role="status" class="tp-status">
        {filed}
      </p>
    </form>
  );
}
