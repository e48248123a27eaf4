import type { ConsentEvent, PurposeState } from '../contract/consent.ts';
import type { Purpose } from '../contract/notice.ts';
import { DECISIONS, type Decision, type PurposeKind } from '../contract/decisions.ts';

// The rules that follow from the purposes of the notice in force, each written once and used by the server and the
// clients: the GPC rule, the decision → event mapping, what "accept all" / "reject all" decide, the just-in-time
// step. Every rule takes the purposes as an argument: the notice defines them (a new version can add, change or
// retire one), and nothing here names one.

/** What a rule reads of a purpose: the notice's fields, or the part of them a consent state carries (`stateFacts`). */
export type PurposeFacts = Pick<Purpose, 'id' | 'kind'> &
  Partial<Pick<Purpose, 'gpc' | 'acceptAll' | 'justInTime' | 'specialCategory'>>;

/** What a rule needs of a state: each purpose's `active` (consent given / objection in force). */
type Actives = ReadonlyArray<{ purpose: string; active: boolean }>;

export interface PurposeDecision {
  purpose: string;
  decision: Decision;
}

/** The facts a consent state carries of each purpose (the first load has the state before the notice). */
export const stateFacts = (state: readonly PurposeState[]): PurposeFacts[] =>
  state.map((p) => ({ id: p.purpose, kind: p.kind, gpc: p.gpc, justInTime: p.justInTime ?? false }));

/** What a decision makes of a purpose's `active`: consent given, or objection in force. */
export const activeAfter = (decision: Decision): boolean => Object.values(DECISIONS).some((d) => d[0] === decision);

/** The decision of a purpose of `kind` that leaves it `active` (or not). */
export const decisionFor = (kind: PurposeKind, active: boolean): Decision => DECISIONS[kind][active ? 0 : 1];

/** True when `decision` is one a purpose of `kind` takes (consents: grant/deny; objections: object/withdraw). */
export const fitsKind = (kind: PurposeKind, decision: string): decision is Decision =>
  (DECISIONS[kind] as readonly string[]).includes(decision);

/** The event a decision is recorded as (R31: ISO/IEC TS 27560 terms, plus the two objection events). */
export function eventOf(decision: Decision, wasActive: boolean): ConsentEvent {
  if (decision === 'object') return 'objected';
  if (decision === 'withdraw-objection') return 'objection-withdrawn';
  if (decision === 'grant') return wasActive ? 'renewed' : 'given';
  return wasActive ? 'withdrawn' : 'refused';
}

const activeIn = (state: Actives, id: string) => state.find((p) => p.purpose === id)?.active ?? false;

/** What GPC asks of each purpose it speaks for (R28): the `active` it wants. It never asks for consent. */
export const gpcTargets = (purposes: readonly PurposeFacts[]): Array<[string, boolean]> =>
  purposes.flatMap((p) => (p.gpc ? [[p.id, p.gpc === 'objected'] as [string, boolean]] : []));

/** The decisions GPC asks for that the state does not yet reflect (R28); a missing signal asks for nothing. */
export const gpcDecisionsNeeded = (
  purposes: readonly PurposeFacts[],
  state: Actives,
  signal: boolean,
): PurposeDecision[] =>
  signal
    ? purposes.flatMap(({ id, kind, gpc }) =>
        gpc && activeIn(state, id) !== (gpc === 'objected')
          ? [{ purpose: id, decision: decisionFor(kind, gpc === 'objected') }]
          : [],
      )
    : [];

/** True when the state reflects GPC for every purpose it speaks for ("honoured"). */
export const gpcReflected = (purposes: readonly PurposeFacts[], state: Actives): boolean =>
  gpcDecisionsNeeded(purposes, state, true).length === 0;

/** The consent purposes GPC asks to keep off (R29): switching one on while GPC is on is an exception to confirm. */
export const gpcKeepsOff = (purposes: readonly PurposeFacts[]): string[] =>
  purposes.filter((p) => p.gpc === 'off').map((p) => p.id);

/**
 * The purposes "accept all" grants (R17): those the notice says it covers, and never a special category (R22),
 * whatever a notice says (the contract refuses such a notice too).
 */
export const acceptAllPurposes = (purposes: readonly PurposeFacts[]): string[] =>
  purposes.filter((p) => p.acceptAll && p.kind === 'consent' && !p.specialCategory).map((p) => p.id);

/**
 * What "accept all" (`accept`) or "reject all" decides: accept grants the purposes accept-all covers; reject
 * refuses them and withdraws any other consent given, except one asked in its own just-in-time step (body
 * scans, R22): that consent is given and withdrawn only there and in "Your choices", never by the first layer.
 * Objections are never part of it.
 */
export const acceptAllDecisions = (
  purposes: readonly PurposeFacts[],
  accept: boolean,
  isActive: (id: string) => boolean,
): PurposeDecision[] => {
  const covered = acceptAllPurposes(purposes);
  return [
    ...covered,
    ...(accept
      ? []
      : purposes
          .filter((p) => p.kind === 'consent' && !covered.includes(p.id) && !p.justInTime && isActive(p.id))
          .map((p) => p.id)),
  ].map((purpose) => ({ purpose, decision: accept ? 'grant' : 'deny' }));
};

/** The purposes asked for in their own express step at the moment of use (R22), e.g. body scans. */
export const justInTimePurposes = (purposes: readonly PurposeFacts[]): string[] =>
  purposes.filter((p) => p.justInTime).map((p) => p.id);
