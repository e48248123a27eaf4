import * as z from 'zod/mini';
import { Locale, Surface, Timestamp, Uuid } from './common.ts';
import { LegalBasis, PurposeId } from './purpose.ts';

/** How a decision reached us: a person using a control, the Global Privacy Control signal, or an API caller. */
export const ConsentMethod = z.enum(['ui', 'gpc', 'api']);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

const DecisionCommon = {
  method: ConsentMethod,
  surface: Surface,
  /** The notice version the person saw; must be a version the server published. */
  noticeVersion: z.string().check(z.minLength(1), z.maxLength(64)),
  locale: Locale,
  /** Which control was used (e.g. `toggle`, `accept-all`, `just-in-time`); kept as evidence (R35). */
  control: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9-]+$/))),
};

/**
 * A decision. Consent purposes take `grant` / `deny`; the telemetry objection takes `object` / `withdraw-objection`.
 * Withdrawal of a given consent is a `deny` — the server records it as `withdrawn`.
 */
export const ConsentDecisionInput = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('biometric_scans'), decision: z.enum(['grant', 'deny']), ...DecisionCommon }),
  z.object({ purpose: z.literal('third_party_sharing'), decision: z.enum(['grant', 'deny']), ...DecisionCommon }),
  z.object({ purpose: z.literal('telemetry'), decision: z.enum(['object', 'withdraw-objection']), ...DecisionCommon }),
]);
export type ConsentDecisionInput = z.infer<typeof ConsentDecisionInput>;

/** What happened, in ISO/IEC TS 27560 event terms (R31), plus the two objection events. */
export const ConsentEvent = z.enum(['given', 'refused', 'withdrawn', 'renewed', 'objected', 'objection-withdrawn']);
export type ConsentEvent = z.infer<typeof ConsentEvent>;

export const SubjectKind = z.enum(['user', 'device']);

/** One append-only consent record. `recordedAt` is the server's UTC clock; `hash` chains records per subject (R35). */
export const ConsentRecord = z.object({
  schemaVersion: z.literal(1),
  id: Uuid,
  /** Pseudonymous subject id: a user id or a device id, never an e-mail. */
  subjectId: Uuid,
  subjectKind: SubjectKind,
  purpose: PurposeId,
  event: ConsentEvent,
  /** The purpose's state after this event: consent given / objection in force. */
  active: z.boolean(),
  legalBasis: LegalBasis,
  specialCategory: z.boolean(),
  method: ConsentMethod,
  /** The GPC signal seen with this decision (Sec-GPC header). */
  gpc: z.boolean(),
  surface: Surface,
  control: z.nullable(z.string()),
  locale: Locale,
  noticeVersion: z.string(),
  noticeHash: z.string(),
  recordedAt: Timestamp,
  prevHash: z.nullable(z.string()),
  hash: z.string(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const PurposeState = z.object({
  purpose: PurposeId,
  kind: z.enum(['consent', 'objection']),
  /** Consent given (consent purposes) or objection in force (objection purposes). False until decided. */
  active: z.boolean(),
  decided: z.boolean(),
  /** True when Global Privacy Control set this state. */
  byGpc: z.boolean(),
  updatedAt: z.nullable(Timestamp),
  noticeVersion: z.nullable(z.string()),
});
export type PurposeState = z.infer<typeof PurposeState>;

export const ConsentState = z.object({
  subjectId: Uuid,
  subjectKind: SubjectKind,
  purposes: z.array(PurposeState),
  /** `signal`: Sec-GPC: 1 came with this request. `honored`: the state reflects it (sharing off, telemetry objected). */
  gpc: z.object({ signal: z.boolean(), honored: z.boolean() }),
});
export type ConsentState = z.infer<typeof ConsentState>;

export const ConsentDecisionResult = z.object({ record: ConsentRecord, state: ConsentState });
export type ConsentDecisionResult = z.infer<typeof ConsentDecisionResult>;

export const ConsentHistory = z.object({ records: z.array(ConsentRecord) });
export type ConsentHistory = z.infer<typeof ConsentHistory>;
