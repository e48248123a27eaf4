// The contract's rules that JSON Schema cannot say (a field allowed only beside another, ids once each), as plain
// named functions. The zod schemas refine with these very functions, and the generated answer checks name them
// (`x-rules`), so both verdicts come from one definition: first-load-schemas.ts refuses a refine it cannot name.

interface PurposeFlags {
  kind: string;
  specialCategory: boolean;
  acceptAll: boolean;
  justInTime: boolean;
  gpc?: string | undefined;
}

/** A special category is never part of accept all (R22). */
const specialNotInAcceptAll = (p: PurposeFlags): boolean => !(p.specialCategory && p.acceptAll);
/** Accept all grants consents only. */
const acceptAllConsentsOnly = (p: PurposeFlags): boolean => !p.acceptAll || p.kind === 'consent';
/** A just-in-time step asks for a consent only. */
const justInTimeConsentsOnly = (p: PurposeFlags): boolean => !p.justInTime || p.kind === 'consent';
/** GPC turns a consent off and objects to an objection, nothing else. */
const gpcMatchesKind = (p: PurposeFlags): boolean =>
  p.gpc === undefined || p.gpc === (p.kind === 'consent' ? 'off' : 'objected');
/** Each id once in a list. */
const idsOnceEach = (list: ReadonlyArray<{ id: string }>): boolean =>
  new Set(list.map((item) => item.id)).size === list.length;

/** An erasure of specific data says which. */
const specificErasureSaysWhich = (v: { scope: string; details?: string | undefined }): boolean =>
  v.scope !== 'specific' || v.details !== undefined;
/**
 * An objection to legitimate-interest processing gives grounds (Art. 21(1)), except against telemetry, which stops
 * on an objection alone (R50); marketing (21(2)) never needs any.
 */
const objectionHasGrounds = (v: { scope: string; processing?: string | undefined; grounds?: string | undefined }) =>
  v.scope !== 'legitimate-interest' || v.processing === 'telemetry' || v.grounds !== undefined;

export const RULES = {
  specificErasureSaysWhich,
  objectionHasGrounds,
  specialNotInAcceptAll,
  acceptAllConsentsOnly,
  justInTimeConsentsOnly,
  gpcMatchesKind,
  idsOnceEach,
} as const;

export type RuleName = keyof typeof RULES;
