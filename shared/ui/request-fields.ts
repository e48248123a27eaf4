import type { RightsRequestInput } from '../contract/requests.ts';
import type { RequestType } from '../contract/requests.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import type { Draft } from '../models/requests-model.ts';
import { validateRequest, type FieldProblem, type FieldProblems } from '../models/request-validation.ts';

export interface FieldSpec {
  name: string;
  control: 'select' | 'radio' | 'textarea' | 'checkbox';
  label: MessageKey;
  options?: ReadonlyArray<readonly [value: string, label: MessageKey]>;
  optional?: boolean;
  /** The longest text the contract accepts. */
  max?: number;
  /** How to fix a missing answer ("Enter …" / "Choose …"). */
  required?: MessageKey;
}

const message: FieldSpec = { name: 'message', control: 'textarea', label: 'request.field.message', optional: true, max: 2000 };
const format = (optional: boolean): FieldSpec => ({
  name: 'format', control: 'radio', label: 'request.field.format', optional, required: 'request.required.format',
  options: [['json', 'request.option.json'], ['csv', 'request.option.csv']],
});
const confirm = (label: MessageKey): FieldSpec => ({ name: 'confirmed', control: 'checkbox', label });

/** The fields a request type needs (the contract's RightsRequestInput variants), given what is typed so far. */
export function fieldsFor(type: RequestType, draft: Draft): FieldSpec[] {
  switch (type) {
    case 'access':
      return [format(true), message];
    case 'portability':
      return [format(false), message];
    case 'rectification':
      return [
        { name: 'field', control: 'select', label: 'request.field.field', required: 'request.required.field', options: [['name', 'request.option.name'], ['email', 'request.option.email'], ['other', 'request.option.other']] },
        { name: 'correction', control: 'textarea', label: 'request.field.correction', required: 'request.required.correction', max: 500 },
        { name: 'statement', control: 'textarea', label: 'request.field.statement', optional: true, max: 2000 },
        message,
      ];
    case 'erasure':
      return [
        { name: 'scope', control: 'radio', label: 'request.field.erasureScope', required: 'request.required.erasureScope', options: [['all', 'request.option.all'], ['specific', 'request.option.specific']] },
        ...(draft.scope === 'specific' ? [{ name: 'details', control: 'textarea', label: 'request.field.erasureDetails', required: 'request.required.erasureDetails', max: 2000 } satisfies FieldSpec] : []),
        { name: 'ground', control: 'select', label: 'request.field.erasureGround', optional: true, options: [['no-longer-necessary', 'request.option.no-longer-necessary'], ['consent-withdrawn', 'request.option.consent-withdrawn'], ['objection', 'request.option.objection'], ['unlawful', 'request.option.unlawful'], ['legal-obligation', 'request.option.legal-obligation']] },
        message,
        confirm('request.field.confirmErasure'),
      ];
    case 'restriction':
      return [
        { name: 'ground', control: 'select', label: 'request.field.restrictionGround', required: 'request.required.restrictionGround', options: [['accuracy-contested', 'request.option.accuracy-contested'], ['unlawful-processing', 'request.option.unlawful-processing'], ['needed-for-legal-claims', 'request.option.needed-for-legal-claims'], ['objection-pending', 'request.option.objection-pending']] },
        { name: 'details', control: 'textarea', label: 'request.field.restrictionDetails', optional: true, max: 2000 },
        message,
      ];
    case 'objection':
      return [
        { name: 'scope', control: 'radio', label: 'request.field.objectionScope', required: 'request.required.objectionScope', options: [['legitimate-interest', 'request.option.legitimate-interest'], ['direct-marketing', 'request.option.direct-marketing']] },
        ...(draft.scope === 'legitimate-interest'
          ? ([
              { name: 'processing', control: 'select', label: 'request.field.processing', optional: true, options: [['account', 'request.option.account'], ['telemetry', 'request.option.telemetry'], ['support', 'request.option.support']] },
              { name: 'grounds', control: 'textarea', label: 'request.field.grounds', required: 'request.required.grounds', max: 2000 },
            ] satisfies FieldSpec[])
          : []),
        message,
      ];
    case 'account_deletion':
      return [message, confirm('request.field.confirmDeletion')];
  }
}

/** Fields that no longer apply once `field` is set to `value` (so a hidden field cannot block or ride along). */
export function fieldsClearedBy(type: RequestType, field: string, value: unknown): string[] {
  if (type === 'erasure' && field === 'scope' && value !== 'specific') return ['details'];
  if (type === 'objection' && field === 'scope' && value !== 'legitimate-interest') return ['processing', 'grounds'];
  return [];
}

/**
 * The same check `requests.submit` makes, without sending: used before the confirmation stage (R59).
 * Mirrors the model: blank text counts as absent.
 */
export function checkDraft(type: RequestType, draft: Draft, extra: Pick<RightsRequestInput, 'locale' | 'surface'>) {
  const cleaned: Draft = {};
  for (const [field, value] of Object.entries(draft)) if (!(typeof value === 'string' && value.trim() === '')) cleaned[field] = value;
  const checked = validateRequest({ ...cleaned, type, ...extra });
  // zod runs the contract's cross-field refinements (e.g. "details when scope is specific") only once every
  // field parses, so an unticked box would hide them until the next try: check again as if it were ticked.
  if (checked.ok || checked.problems.confirmed !== 'confirm') return checked;
  const rest = validateRequest({ ...cleaned, confirmed: true, type, ...extra });
  return rest.ok ? checked : { ok: false as const, problems: { ...rest.problems, ...checked.problems } };
}

/** The sentence for a field's problem, saying how to fix it. */
export function problemMessage(spec: FieldSpec | undefined, problem: FieldProblem, value: unknown): [MessageKey, MessageParams?] {
  if (problem === 'confirm') return ['request.problem.confirm'];
  if (problem === 'too-long') return ['request.problem.tooLong', { max: spec?.max ?? 0, count: typeof value === 'string' ? value.trim().length : 0 }];
  const missing = value === undefined || (typeof value === 'string' && value.trim() === '');
  if ((problem === 'required' || missing) && spec) return [spec.required ?? (spec.control === 'textarea' ? 'request.problem.enter' : 'request.problem.choose')];
  return [spec && spec.control !== 'textarea' ? 'request.problem.choose' : 'request.problem.invalid'];
}

/** Fields the server itself refused (invalid-input with field errors), as problems the form shows beside them. */
export function serverProblems(fieldErrors: Record<string, string>, specs: readonly FieldSpec[]): FieldProblems {
  const out: FieldProblems = {};
  for (const spec of specs) if (spec.name in fieldErrors) out[spec.name] = 'invalid';
  return out;
}
