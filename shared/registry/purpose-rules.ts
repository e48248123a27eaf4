import type { ConsentEvent } from '../contract/consent.ts';
import {
  DECISIONS,
  PURPOSE_REGISTRY,
  type Decision,
  type PurposeEntry,
  type PurposeId,
  type PurposeKind,
} from './purposes.ts';

// The rules that follow from the purpose registry, each written once and used by the server and the clients:
// the GPC rule, the decision → event mapping, what "accept all" / "reject all" decide, the just-in-time step.

/** The registry with its optional flags readable on every entry. */
const entries: ReadonlyArray<PurposeEntry & { id: PurposeId }> = PURPOSE_REGISTRY;

/** What a rule needs of a state: each purpose's `active` (consent given / objection in force). */
type Actives = ReadonlyArray<{ purpose: string; active: boolean }>;
export interface PurposeDecision {
  purpose: PurposeId;
  decision: Decision;
}

/** The purpose ids, in registry order. */
export const purposeIds = (): PurposeId[] => PURPOSE_REGISTRY.map((p) => p.id);

/** What a decision makes of a purpose's `active`: consent given, or objection in force. */
export const activeAfter = (decision: Decision): boolean => Object.values(DECISIONS).some((d) => d[0] === decision);

/** The decision of a purpose of `kind` that leaves it `active` (or not). */
export const decisionFor = (kind: PurposeKind, active: boolean): Decision => DECISIONS[kind][active ? 0 : 1];

/** The event a decision is recorded as (R31: ISO/IEC TS 27560 terms, plus the two objection events). */
export function eventOf(decision: Decision, wasActive: boolean): ConsentEvent {
  if (decision === 'object') return 'objected';
  if (decision === 'withdraw-objection') return 'objection-withdrawn';
  if (decision === 'grant') return wasActive ? 'renewed' : 'given';
  return wasActive ? 'withdrawn' : 'refused';
}

const activeIn = (state: Actives, id: string) => state.find((p) => p.purpose === id)?.active ?? false;

/** What GPC asks of each purpose it speaks for (R28): the `active` it wants. It never asks for consent. */
export const gpcTargets = (): Array<[PurposeId, boolean]> =>
  entries.flatMap((p) => (p.gpc ? [[p.id, p.gpc === 'objected']] : []));

/** The decisions GPC asks for that the state does not yet reflect (R28); a missing signal asks for nothing. */
export const gpcDecisionsNeeded = (state: Actives, signal: boolean): PurposeDecision[] =>
  signal
    ? entries.flatMap(({ id, kind, gpc }) =>
        gpc && activeIn(state, id) !== (gpc === 'objected')
          ? [{ purpose: id, decision: decisionFor(kind, gpc === 'objected') }]
          : [],
      )
    : [];

/** True when the state reflects GPC for every purpose it speaks for ("honoured"). */
export const gpcReflected = (state: Actives): boolean => gpcDecisionsNeeded(state, true).length === 0;

/** The consent purposes GPC asks to keep off (R29): switching one on while GPC is on is an exception to confirm. */
export const gpcKeepsOff = (): PurposeId[] => entries.filter((p) => p.gpc === 'off').map((p) => p.id);

/** The purposes "accept all" grants (R17). */
export const acceptAllPurposes = (): PurposeId[] => entries.filter((p) => p.acceptAll).map((p) => p.id);

/**
 * What "accept all" (`accept`) or "reject all" decides: accept grants the purposes accept-all covers; reject
 * refuses them and withdraws any other consent given, except one asked in its own just-in-time step (body
 * scans, R22): that consent is given and withdrawn only there and in "Your choices", never by the first layer.
 * Objections are never part of it.
 */
export const acceptAllDecisions = (accept: boolean, isActive: (id: PurposeId) => boolean): PurposeDecision[] =>
  [
    ...acceptAllPurposes(),
    ...(accept
      ? []
      : entries
          .filter((p) => p.kind === 'consent' && !p.acceptAll && !p.justInTime && isActive(p.id))
          .map((p) => p.id)),
  ].map((purpose) => ({ purpose, decision: accept ? 'grant' : 'deny' }));

/** The purposes asked for in their own express step at the moment of use (R22), e.g. body scans. */
export const justInTimePurposes = (): PurposeId[] => entries.filter((p) => p.justInTime).map((p) => p.id);
