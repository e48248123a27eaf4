import type { ConsentState } from '../contract/consent.ts';
import { gpcDecisionsNeeded as needed, type PurposeDecision } from '../registry/purpose-rules.ts';

/** True when the browser sends Global Privacy Control (`navigator.globalPrivacyControl`). */
export const gpcSignal = (
  nav: { globalPrivacyControl?: unknown } | undefined = globalThis.navigator as never,
): boolean => nav?.globalPrivacyControl === true;

/**
 * The decisions GPC asks for that the state does not yet reflect (R28; the rule: shared/registry/purpose-rules.ts,
 * e.g. third-party sharing off, telemetry objected). Browsers that expose the signal send `Sec-GPC: 1` and the
 * server applies it; this covers browsers (or extensions) that set only the JS property. A missing signal asks
 * for nothing (never consent).
 */
export function gpcDecisionsNeeded(state: ConsentState, signal: boolean): PurposeDecision[] {
  return needed(state.purposes, signal);
}
