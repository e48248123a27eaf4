import type { FieldProblem } from '../models/request-validation.ts';
import { useT } from './I18nContext.ts';
import { problemMessage, type FieldSpec } from './request-fields.ts';

export interface RequestFieldProps {
  spec: FieldSpec;
  /** The field's id; a radio group's first option carries it, so the error summary can focus it. */
  id: string;
  value: string | boolean | undefined;
  problem?: FieldProblem | undefined;
  onChange(value: string | boolean | undefined): void;
}

/** One form field with a visible label, an optional hint, and its error in text beside it (R59). */
export function RequestField({ spec, id, value, problem, onChange }: RequestFieldProps) {
  const { t } = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hinted = spec.max || spec.hint;
  const describedBy = [hinted ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = problem ? 'true' : undefined;
  const label = spec.optional ? `${t(spec.label)} ${t('request.optional')}` : t(spec.label);
  const hint = hinted ? (
    <p id={hintId} class="tp-hint">
      {spec.hint ? `${t(spec.hint)} ` : ''}
      {spec.max ? t('request.hint.max', { max: spec.max }) : ''}
    </p>
  ) : null;
  const [key, params] = problem ? problemMessage(spec, problem, value) : [null];
  const error = key ? (
    <p id={errorId} class="tp-field-error">
      {t(key, params)}
    </p>
  ) : null;
  const text = typeof value === 'string' ? value : '';

  if (spec.control === 'checkbox') {
    return (
      <div class="tp-field tp-field-check">
        <input
          type="checkbox"
          id={id}
          checked={value === true}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
        {error}
      </div>
    );
  }
  if (spec.control === 'radio') {
    return (
      <fieldset class="tp-field tp-radios" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {spec.options?.map(([option, optionLabel], i) => (
          <div key={option} class="tp-radio">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${option}`}
              name={id}
              value={option}
              checked={value === option}
              aria-invalid={invalid}
              onChange={() => onChange(option)}
            />
            <label for={i === 0 ? id : `${id}-${option}`}>{t(optionLabel)}</label>
          </div>
        ))}
        {error}
      </fieldset>
    );
  }
  return (
    <div class="tp-field">
      <label for={id}>{label}</label>
      {hint}
      {spec.control === 'select' ? (
        <select
          id={id}
          value={text}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        >
          <option value="">{t('request.choose')}</option>
          {spec.options?.map(([option, optionLabel]) => (
            <option key={option} value={option}>
              {t(optionLabel)}
            </option>
          ))}
        </select>
      ) : (
        <textarea
          id={id}
          rows={3}
          value={text}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      )}
      {error}
    </div>
  );
}
