import * as z from 'zod/mini';
import { Locale, Surface } from '../contract/common.ts';
import { RULES } from '../contract/rules.ts';
import type { MessageKey } from '../i18n/translate.ts';

// The rights-request types, written once: each with its input schema (the contract's `RightsRequestInput`
// variant and `RequestType` enum derive from this list, and so the OpenAPI document and the server's checks),
// its form fields (options, optional and max length come from the schema: shared/ui/request-fields.ts), whether
// it is confirmed before sending, and whether it ends in an export. Labels are `request.type.<id>` and
// `request.typeHint.<id>` in the UI catalogues. Adding a type is an entry here plus its texts.
// Data only (no derived values): test/unit/registries.test.ts swaps this module for a longer list.

export const ExportFormat = /* @__PURE__ */ z.enum(['json', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Text the person writes: trimmed, not blank, at most `max` characters. */
export const FreeText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

const Common = {
  locale: Locale,
  surface: Surface,
  /** Anything the person wants to add, in their own words. */
  message: /* @__PURE__ */ z.optional(/* @__PURE__ */ FreeText(2000)),
};

/** Each request type with only the fields it needs. */
export const AccessInput = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('access'),
  format: /* @__PURE__ */ z.optional(ExportFormat),
  ...Common,
});
export const RectificationInput = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('rectification'),
  field: /* @__PURE__ */ z.enum(['name', 'email', 'other']),
  /** The corrected value, or for `other` what is wrong and how it should read. */
  correction: /* @__PURE__ */ FreeText(500),
  /** A supplementary statement (Art. 16). */
  statement: /* @__PURE__ */ z.optional(/* @__PURE__ */ FreeText(2000)),
  ...Common,
});
export const ErasureInput = /* @__PURE__ */ z
  .object({
    type: /* @__PURE__ */ z.literal('erasure'),
    scope: /* @__PURE__ */ z.enum(['all', 'specific']),
    /** Which data, when `scope` is `specific`. */
    details: /* @__PURE__ */ z.optional(/* @__PURE__ */ FreeText(2000)),
    ground: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.enum(['no-longer-necessary', 'consent-withdrawn', 'objection', 'unlawful', 'legal-obligation']),
    ),
    /** The person confirmed the erasure in a separate step. */
    confirmed: /* @__PURE__ */ z.literal(true),
    ...Common,
  })
  .check(
    /* @__PURE__ */ z.refine(RULES.specificErasureSaysWhich, {
      message: 'Say which data to erase when the scope is "specific".',
      path: ['details'],
    }),
  );
export const RestrictionInput = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('restriction'),
  ground: /* @__PURE__ */ z.enum([
    'accuracy-contested',
    'unlawful-processing',
    'needed-for-legal-claims',
    'objection-pending',
  ]),
  details: /* @__PURE__ */ z.optional(/* @__PURE__ */ FreeText(2000)),
  ...Common,
});
export const PortabilityInput = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('portability'),
  format: ExportFormat,
  ...Common,
});
export const ObjectionInput = /* @__PURE__ */ z
  .object({
    type: /* @__PURE__ */ z.literal('objection'),
    scope: /* @__PURE__ */ z.enum(['legitimate-interest', 'direct-marketing']),
    processing: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['account', 'telemetry', 'support'])),
    /** Grounds relating to the person's particular situation (Art. 21(1)); not needed against marketing (21(2)). */
    grounds: /* @__PURE__ */ z.optional(/* @__PURE__ */ FreeText(2000)),
    ...Common,
  })
  .check(
    // Art. 21(1) lets Twikit go on only with compelling grounds that outweigh the person's situation, so for
    // legitimate-interest processing it asks what that situation is: without it there is nothing to weigh.
    // Telemetry is the exception: Twikit stops it on an objection alone (R50, the one-click "Object" in "Your
    // choices", R25) and weighs nothing, so asking a reason here would make the same objection harder by form
    // than by switch. Marketing (21(2)) never needs one.
    /* @__PURE__ */ z.refine(RULES.objectionHasGrounds, {
      message: 'Describe the grounds relating to your situation when objecting to legitimate-interest processing.',
      path: ['grounds'],
    }),
  );
export const AccountDeletionInput = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('account_deletion'),
  confirmed: /* @__PURE__ */ z.literal(true),
  ...Common,
});

/**
 * A form field of a type, in form order (`message` and a `confirmed` checkbox follow on their own). What the
 * schema knows is not repeated here: options (labelled `request.option.<value>`), optional, max length.
 */
export interface FieldDecl {
  readonly name: string;
  readonly control: 'select' | 'radio' | 'textarea';
  /** Its label is `request.field.<label>` (default: its name). */
  readonly label?: string;
  /**
   * It has its own "how to fix a missing answer" message, `request.required.<label>`. A field shown only under a
   * condition (`when`) with one is asked for while shown: the schema's refinement requires it then.
   */
  readonly required?: true;
  /** Shown only while another field has this value (and cleared when it changes away). */
  readonly when?: readonly [field: string, value: string];
  /**
   * Not asked for while another field has this value (the schema's refinement lets it be absent then); the hint
   * `request.waived.<label>` says why.
   */
  readonly optionalWhen?: readonly [field: string, value: string];
}

export interface RequestTypeEntry {
  readonly id: string;
  /** The input variant: `type` is a literal of `id`. */
  readonly schema: z.ZodMiniObject;
  readonly fields: readonly FieldDecl[];
  /** The label of the `confirmed` checkbox, when the schema asks for one: `request.field.<confirmLabel>`. */
  readonly confirmLabel?: string;
  /** Asked to confirm in a review stage before sending (R59): what will happen, and the send button. */
  readonly review?: {
    readonly text: (draft: Readonly<Record<string, unknown>>) => MessageKey;
    /** The person's own words to show back, if any (e.g. which data to erase). */
    readonly quote?: (draft: Readonly<Record<string, unknown>>) => unknown;
    readonly send: MessageKey;
  };
  /** A completed request carries an export of the person's data (JSON / CSV). Set only when true. */
  readonly hasExport?: true;
  /** Completing it erases data: an operator confirms with a fresh code first (issue 15). Set only when true. */
  readonly erases?: true;
}

export const REQUEST_TYPE_REGISTRY = [
  {
    id: 'access',
    schema: AccessInput,
    fields: [{ name: 'format', control: 'radio', required: true }],
    hasExport: true,
  },
  {
    id: 'rectification',
    schema: RectificationInput,
    fields: [
      { name: 'field', control: 'select', required: true },
      { name: 'correction', control: 'textarea', required: true },
      { name: 'statement', control: 'textarea' },
    ],
  },
  {
    id: 'erasure',
    schema: ErasureInput,
    fields: [
      { name: 'scope', control: 'radio', label: 'erasureScope', required: true },
      { name: 'details', control: 'textarea', label: 'erasureDetails', required: true, when: ['scope', 'specific'] },
      { name: 'ground', control: 'select', label: 'erasureGround' },
    ],
    erases: true,
    confirmLabel: 'confirmErasure',
    review: {
      text: (draft) => (draft.scope === 'specific' ? 'request.review.erasureSpecific' : 'request.review.erasureAll'),
      quote: (draft) => (draft.scope === 'specific' ? draft.details : undefined),
      send: 'request.review.sendErasure',
    },
  },
  {
    id: 'restriction',
    schema: RestrictionInput,
    fields: [
      { name: 'ground', control: 'select', label: 'restrictionGround', required: true },
      { name: 'details', control: 'textarea', label: 'restrictionDetails' },
    ],
  },
  {
    id: 'portability',
    schema: PortabilityInput,
    fields: [{ name: 'format', control: 'radio', required: true }],
    hasExport: true,
  },
  {
    id: 'objection',
    schema: ObjectionInput,
    fields: [
      { name: 'scope', control: 'radio', label: 'objectionScope', required: true },
      { name: 'processing', control: 'select', when: ['scope', 'legitimate-interest'] },
      {
        name: 'grounds',
        control: 'textarea',
        required: true,
        when: ['scope', 'legitimate-interest'],
        optionalWhen: ['processing', 'telemetry'],
      },
    ],
  },
  {
    id: 'account_deletion',
    schema: AccountDeletionInput,
    fields: [],
    erases: true,
    confirmLabel: 'confirmDeletion',
    review: { text: () => 'request.review.deletion', send: 'request.review.sendDeletion' },
  },
] as const satisfies readonly RequestTypeEntry[];

export type RequestType = (typeof REQUEST_TYPE_REGISTRY)[number]['id'];
