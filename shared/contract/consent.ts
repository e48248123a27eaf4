import * as z from 'zod/mini';
import { Locale, Surface, Timestamp, Uuid } from './common.ts';
import { Next } from './paging.ts';
import { Decision, LegalBasis, PurposeGpc, PurposeId, PurposeKind } from './purpose.ts';

/**
 * How a decision reached us: a person using a control, the Global Privacy Control signal, or an API caller.
 * Only the server records `gpc`, when it saw `Sec-GPC: 1` itself; a client that sends `gpc` without the
 * header is recorded as `api` (what it is: software deciding on the signal it read), its `control` kept.
 */
export const ConsentMethod = /* @__PURE__ */ z.enum(['ui', 'gpc', 'api']);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

/**
 * How a record came about: a decision's method, or `system` for what the server did by itself (a visitor's
 * body-scan consent lapsing at the end of the visit, R31). Clients never send `system`.
 */
export const RecordedMethod = /* @__PURE__ */ z.enum(['ui', 'gpc', 'api', 'system']);
export type RecordedMethod = z.infer<typeof RecordedMethod>;

/**
 * The control a person used to keep sharing on although their browser sends GPC (R29): the UI asked them to
 * confirm the exception first. A grant of a purpose GPC turns off, made while `Sec-GPC: 1` is present, is
 * refused with any other control.
 */
export const GPC_OVERRIDE_CONTROL = 'gpc-override-confirmed';

/** The control of the express just-in-time step: the only one a special-category grant is accepted through (R22). */
export const JUST_IN_TIME_CONTROL = 'just-in-time';

/** The fields every decision carries, whatever its purpose. */
const DecisionBase = /* @__PURE__ */ z.object({
  method: ConsentMethod,
  surface: Surface,
  /** The notice version the person saw; must be a version the server published. */
  noticeVersion: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(64)),
  locale: Locale,
  /** Which control was used (e.g. `toggle`, `accept-all`, `just-in-time`); kept as evidence (R35). */
  control: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z
      .string()
      .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(64), /* @__PURE__ */ z.regex(/^[a-z0-9-]+$/)),
  ),
  /** When the person decided, by the client's clock, for a decision kept offline and sent later: a claim, kept as such. */
  decidedAt: /* @__PURE__ */ z.optional(Timestamp),
});

/**
 * A decision. Consent purposes take `grant` / `deny`; objections take `object` / `withdraw-objection` (the server
 * checks the purpose is one the notice in force defines, and the decision fits its kind). Withdrawal of a given
 * consent is a `deny` — the server records it as `withdrawn`.
 */
export const ConsentDecisionInput = /* @__PURE__ */ z.extend(DecisionBase, { purpose: PurposeId, decision: Decision });
export type ConsentDecisionInput = z.infer<typeof ConsentDecisionInput>;

/** What happened, in ISO/IEC TS 27560 event terms (R31), plus the two objection events. */
export const ConsentEvent = /* @__PURE__ */ z.enum([
  'given',
  'refused',
  'withdrawn',
  'renewed',
  'objected',
  'objection-withdrawn',
  /**
   * A visitor's special-category consent lapsed with the end of the visit (time or `endVisit()`), or a consent
   * ended because a new notice version changed its purpose materially (control `notice-changed`, R12).
   */
  'expired',
]);
export type ConsentEvent = z.infer<typeof ConsentEvent>;

export const SubjectKind = /* @__PURE__ */ z.enum(['user', 'device']);

/**
 * The part of a record a client acts on after deciding: which record, what happened, the resulting state and
 * when. The widget's first script validates decision answers against this alone (objects let the other fields
 * through unchecked), so it need not carry the whole record schema.
 */
export const DecidedRecord = /* @__PURE__ */ z.object({
  id: Uuid,
  purpose: PurposeId,
  event: ConsentEvent,
  /** The purpose's state after this event: consent given / objection in force. */
  active: /* @__PURE__ */ z.boolean(),
  locale: Locale,
  noticeVersion: /* @__PURE__ */ z.string(),
  /** The server's UTC clock. */
  recordedAt: Timestamp,
});
export type DecidedRecord = z.infer<typeof DecidedRecord>;

/** One append-only consent record (R31, R32); `hash` chains a subject's records (R35). */
export const ConsentRecord = /* @__PURE__ */ z.extend(DecidedRecord, {
  schemaVersion: /* @__PURE__ */ z.literal(1),
  /** Pseudonymous subject id: a user id or a device id, never an e-mail. */
  subjectId: Uuid,
  subjectKind: SubjectKind,
  legalBasis: LegalBasis,
  specialCategory: /* @__PURE__ */ z.boolean(),
  /** The method, as the server accepted it (a client's `gpc` without the header is recorded as `api`). */
  method: RecordedMethod,
  /** What the server saw: the GPC signal of this request (Sec-GPC header). */
  gpc: /* @__PURE__ */ z.boolean(),
  surface: Surface,
  /** What the client claims: the control used. */
  control: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /** What the client claims: when the person decided (an offline decision sent later); null when not claimed. */
  decidedAt: /* @__PURE__ */ z.nullable(Timestamp),
  /** What the server saw: when the request reached it; null for records written before this field existed. */
  receivedAt: /* @__PURE__ */ z.nullable(Timestamp),
  /**
   * Validity: when a visitor's special-category consent lapses (on a grant), or the moment it lapsed (on its
   * `expired` record). Null when the record does not lapse by itself.
   */
  expiresAt: /* @__PURE__ */ z.nullable(Timestamp),
  noticeHash: /* @__PURE__ */ z.string(),
  prevHash: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  hash: /* @__PURE__ */ z.string(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

/** The control named on the `expired` record of a consent a materially changed notice ended (R12). */
export const NOTICE_CHANGED_CONTROL = 'notice-changed';

/**
 * Why a consent given earlier no longer counts: the notice changed that purpose materially (R12). The client
 * shows what changed between `noticeVersion` (the text the person agreed to) and `changedIn`, and asks again.
 */
export const ConsentExpiry = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z.literal('notice-changed'),
  /** The version the expired consent was given under. */
  noticeVersion: /* @__PURE__ */ z.string(),
  /** The version whose change of this purpose ended it. */
  changedIn: /* @__PURE__ */ z.string(),
});
export type ConsentExpiry = z.infer<typeof ConsentExpiry>;

export const PurposeState = /* @__PURE__ */ z.object({
  purpose: PurposeId,
  kind: PurposeKind,
  /** Consent given (consent purposes) or objection in force (objection purposes). False until decided. */
  active: /* @__PURE__ */ z.boolean(),
  decided: /* @__PURE__ */ z.boolean(),
  /** True when Global Privacy Control set this state. */
  byGpc: /* @__PURE__ */ z.boolean(),
  updatedAt: /* @__PURE__ */ z.nullable(Timestamp),
  noticeVersion: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /**
   * The notice's rules the first load needs before the notice itself (set only when they say something): what GPC
   * asks of it (R28), and whether it is asked in its own step at the moment of use (R22).
   */
  gpc: /* @__PURE__ */ z.optional(PurposeGpc),
  justInTime: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.literal(true)),
  /** Present while a consent the person gave has expired by a notice change and is not yet renewed (R12). */
  expired: /* @__PURE__ */ z.optional(ConsentExpiry),
});
export type PurposeState = z.infer<typeof PurposeState>;

export const ConsentState = /* @__PURE__ */ z.object({
  subjectId: Uuid,
  subjectKind: SubjectKind,
  purposes: /* @__PURE__ */ z.array(PurposeState),
  /** `signal`: Sec-GPC: 1 came with this request. `honored`: the state reflects it (as each purpose's `gpc` asks). */
  gpc: /* @__PURE__ */ z.object({ signal: /* @__PURE__ */ z.boolean(), honored: /* @__PURE__ */ z.boolean() }),
});
export type ConsentState = z.infer<typeof ConsentState>;

export const ConsentDecisionResult = /* @__PURE__ */ z.object({ record: ConsentRecord, state: ConsentState });

/** What the widget's first script checks of a decision's answer: the record's core and the new state. */
export const ConsentDecisionAck = /* @__PURE__ */ z.object({ record: DecidedRecord, state: ConsentState });
export type ConsentDecisionResult = z.infer<typeof ConsentDecisionResult>;

/** One page of a subject's records, oldest first; `next` is the cursor of the following page. */
export const ConsentHistory = /* @__PURE__ */ z.object({ records: /* @__PURE__ */ z.array(ConsentRecord), next: Next });
export type ConsentHistory = z.infer<typeof ConsentHistory>;
