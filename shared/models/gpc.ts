import type { ConsentState } from '../contract/consent.ts';
import { gpcDecisionsNeeded as needed, type PurposeDecision, stateFacts } from '../notice/purpose-rules.ts';

/** True when the browser sends Global Privacy Control (`navigator.globalPrivacyControl`). */
export const gpcSignal = (
  nav: { globalPrivacyControl?: unknown } | undefined = globalThis.navigator as never,
): boolean => nav?.globalPrivacyControl === true;

/**
 * The decisions GPC asks for that the state does not yet reflect (R28; the rule: shared/notice/purpose-rules.ts,
 * as each purpose of the notice in force says, which the state carries: consent off, or objected). Browsers that
 * expose the signal send `Sec-GPC: 1` and the server applies it; this covers browsers (or extensions) that set only
 * the JS property. A missing signal asks for nothing (never consent).
 */
export function gpcDecisionsNeeded(state: ConsentState, signal: boolean): PurposeDecision[] {
  return needed(stateFacts(state.purposes), state.purposes, signal);
}
