// The consent purposes and objections, written once. The contract's `PurposeId` enum and decision schemas, the
// notice's purpose facts, the GPC rule, the decision → event mapping, "accept all" / "reject all", the
// just-in-time step and the widget's JS API all derive from this list (the rules: ./purpose-rules.ts). Adding a
// purpose is an entry here plus its texts (its notice wording in shared/notice/default-notice.ts).
// Data only (no derived values): test/unit/registries.test.ts swaps this module for a longer list.

/** `consent`: opt-in, off until given. `objection`: processing on legitimate interest the person may object to (Art. 21). */
export type PurposeKind = 'consent' | 'objection';

export interface PurposeEntry {
  readonly id: string;
  readonly kind: PurposeKind;
  // Flags are set only when true (the registry ships in the widget: every byte counts).
  /** Special-category data (Art. 9): never part of "accept all" (R22). */
  readonly specialCategory?: true;
  /** Granted by "accept all" (R17); "reject all" refuses these and withdraws every other consent given. */
  readonly acceptAll?: true;
  /** Needs its own express step at the moment of use (Art. 9(2)(a); EDPB consent guidelines §4). */
  readonly justInTime?: true;
  /** What Global Privacy Control asks for (R28): consent `off`, or `objected`. Absent: GPC says nothing (it never gives consent). */
  readonly gpc?: 'off' | 'objected';
}

export const PURPOSE_REGISTRY = [
  { id: 'biometric_scans', kind: 'consent', specialCategory: true, justInTime: true },
  { id: 'third_party_sharing', kind: 'consent', acceptAll: true, gpc: 'off' },
  { id: 'telemetry', kind: 'objection', gpc: 'objected' },
] as const satisfies readonly PurposeEntry[];

export type PurposeId = (typeof PURPOSE_REGISTRY)[number]['id'];

/** The decisions each kind of purpose takes, the one that turns it on first (consent given / objection in force). */
export const DECISIONS = {
  consent: ['grant', 'deny'],
  objection: ['object', 'withdraw-objection'],
} as const satisfies Record<PurposeKind, readonly [string, string]>;

export type Decision = (typeof DECISIONS)[PurposeKind][number];
