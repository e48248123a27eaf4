import * as z from 'zod/mini';
import { DECISIONS, type Decision as DecisionValue, type PurposeKind as Kind } from './decisions.ts';

export { DECISIONS } from './decisions.ts';

// What any purpose is, whatever the notice in force names: its id's shape, its kind and the decisions each kind
// takes. Which purposes exist, and their rules, are the notice's (`NoticeDocument.purposes`,
// shared/notice/purpose-rules.ts): a new notice version can add, change or retire one.

/** Legal bases as the notice names them (GDPR Art. 6(1) and 9(2)(a)). */
export const LegalBasis = /* @__PURE__ */ z.enum([
  'contract',
  'legitimate_interests',
  'vital_interests',
  'legal_obligation',
  'consent',
  'explicit_consent',
]);
export type LegalBasis = z.infer<typeof LegalBasis>;

/**
 * A purpose id, as the notice in force defines it: lower-case words joined by `_`. The server refuses a decision
 * for a purpose the current notice does not define (an unknown or retired one).
 */
export const PurposeId = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[a-z][a-z0-9_]{0,63}$/));
export type PurposeId = string;

/** `consent`: opt-in, off until given. `objection`: processing on legitimate interest the person may object to (Art. 21). */
export const PurposeKind = /* @__PURE__ */ z.enum(/* @__PURE__ */ Object.keys(DECISIONS) as [Kind, ...Kind[]]);
export type PurposeKind = Kind;
export type Decision = DecisionValue;

/** Any decision; the server checks it fits the kind of the purpose it names. */
export const Decision = /* @__PURE__ */ z.enum(
  /* @__PURE__ */ Object.values(DECISIONS).flat() as [Decision, ...Decision[]],
);

/** What Global Privacy Control asks of a purpose (R28): consent `off`, or `objected`. Absent: GPC says nothing. */
export const PurposeGpc = /* @__PURE__ */ z.enum(['off', 'objected']);
export type PurposeGpc = z.infer<typeof PurposeGpc>;
