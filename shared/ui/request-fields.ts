import type { RightsRequestInput } from '../contract/requests.ts';
import type { RequestType } from '../contract/requests.ts';
import { requestTypeOf } from '../registry/request-type-rules.ts';
import type { FieldDecl, RequestTypeEntry } from '../registry/request-types.ts';
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
  /** A hint under the label (e.g. why the field is optional here). */
  hint?: MessageKey;
}

/** A schema's parts as zod keeps them (zod/mini has no public introspection). */
interface Inner {
  _zod: {
    optin?: 'optional';
    values?: ReadonlySet<unknown>;
    def: { innerType?: Inner; checks?: Array<{ _zod: { def: { check: string; maximum?: number } } }> };
  };
}

/** A field as the form shows it: the registry's declaration plus what the schema says (options, optional, max). */
function specOf(decl: FieldDecl, schema: Inner, draft: Draft = {}): FieldSpec {
  const waived = decl.optionalWhen && draft[decl.optionalWhen[0]] === decl.optionalWhen[1];
  const inner = schema._zod.def.innerType ?? schema;
  const max = inner._zod.def.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
  const values = decl.control === 'textarea' ? undefined : inner._zod.values;
  const label = decl.label ?? decl.name;
  return {
    name: decl.name,
    control: decl.control,
    label: `request.field.${label}` as MessageKey,
    ...(values
      ? { options: [...values].map((value) => [`${value}`, `request.option.${value}` as MessageKey] as const) }
      : {}),
    ...(max ? { max } : {}),
    // A field shown under a condition with its own "missing" message is asked for while shown (a refinement).
    ...(waived || (schema._zod.optin && !(decl.when && decl.required)) ? { optional: true } : {}),
    ...(decl.required && !waived ? { required: `request.required.${label}` as MessageKey } : {}),
    ...(waived ? { hint: `request.waived.${label}` as MessageKey } : {}),
  };
}

const entryOf = (type: RequestType): RequestTypeEntry => requestTypeOf(type)!;

/**
 * The fields a request type needs (its registry entry, checked against its contract schema), given what is typed
 * so far: the declared fields that apply, then the free message, then the confirmation box if the schema asks one.
 */
export function fieldsFor(type: RequestType, draft: Draft): FieldSpec[] {
  const entry = entryOf(type);
  const shape = entry.schema.shape as unknown as Record<string, Inner>;
  const shown = entry.fields
    .filter((f) => !f.when || draft[f.when[0]] === f.when[1])
    .map((f) => specOf(f, shape[f.name]!, draft));
  const message = shape.message ? [specOf({ name: 'message', control: 'textarea' }, shape.message)] : [];
  const confirm =
    shape.confirmed && entry.confirmLabel
      ? [
          {
            name: 'confirmed',
            control: 'checkbox',
            label: `request.field.${entry.confirmLabel}` as MessageKey,
          } satisfies FieldSpec,
        ]
      : [];
  return [...shown, ...message, ...confirm];
}

/** Fields that no longer apply once `field` is set to `value` (so a hidden field cannot block or ride along). */
export function fieldsClearedBy(type: RequestType, field: string, value: unknown): string[] {
  return entryOf(type)
    .fields.filter((f) => f.when?.[0] === field && f.when[1] !== value)
    .map((f) => f.name);
}

/** The review stage a type asks for before sending (R59), if any. */
export const reviewOf = (type: RequestType): RequestTypeEntry['review'] => entryOf(type).review;

/**
 * The same check `requests.submit` makes, without sending: used before the confirmation stage (R59).
 * Mirrors the model: blank text counts as absent.
 */
export function checkDraft(type: RequestType, draft: Draft, extra: Pick<RightsRequestInput, 'locale' | 'surface'>) {
  const cleaned: Draft = {};
  for (const [field, value] of Object.entries(draft))
    if (!(typeof value === 'string' && value.trim() === '')) cleaned[field] = value;
  const checked = validateRequest({ ...cleaned, type, ...extra });
  // zod runs the contract's cross-field refinements (e.g. "details when scope is specific") only once every
  // field parses, so an unticked box would hide them until the next try: check again as if it were ticked.
  if (checked.ok || checked.problems.confirmed !== 'confirm') return checked;
  const rest = validateRequest({ ...cleaned, confirmed: true, type, ...extra });
  return rest.ok ? checked : { ok: false as const, problems: { ...rest.problems, ...checked.problems } };
}

/** The sentence for a field's problem, saying how to fix it. */
export function problemMessage(
  spec: FieldSpec | undefined,
  problem: FieldProblem,
  value: unknown,
): [MessageKey, MessageParams?] {
  if (problem === 'confirm') return ['request.problem.confirm'];
  if (problem === 'too-long')
    return [
      'request.problem.tooLong',
      { max: spec?.max ?? 0, count: typeof value === 'string' ? value.trim().length : 0 },
    ];
  const missing = value === undefined || (typeof value === 'string' && value.trim() === '');
  if ((problem === 'required' || missing) && spec)
    return [spec.required ?? (spec.control === 'textarea' ? 'request.problem.enter' : 'request.problem.choose')];
  return [spec && spec.control !== 'textarea' ? 'request.problem.choose' : 'request.problem.invalid'];
}

/** Fields the server itself refused (invalid-input with field errors), as problems the form shows beside them. */
export function serverProblems(fieldErrors: Record<string, string>, specs: readonly FieldSpec[]): FieldProblems {
  const out: FieldProblems = {};
  for (const spec of specs) if (spec.name in fieldErrors) out[spec.name] = 'invalid';
  return out;
}
