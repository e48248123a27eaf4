import type { ConsentDecisionInput, ConsentState } from '../contract/consent.ts';

/** True when the browser sends Global Privacy Control (`navigator.globalPrivacyControl`). */
export const gpcSignal = (nav: { globalPrivacyControl?: unknown } | undefined = globalThis.navigator as never): boolean =>
  nav?.globalPrivacyControl === true;

type GpcDecision = Pick<ConsentDecisionInput, 'purpose' | 'decision'>;

/**
 * The decisions GPC asks for that the state does not yet reflect (R28): third-party sharing off, telemetry
 * objected. Browsers that expose the signal send `Sec-GPC: 1` and the server applies it; this covers
 * browsers (or extensions) that set only the JS property. A missing signal asks for nothing (never consent).
 */
export function gpcDecisionsNeeded(state: ConsentState, signal: boolean): GpcDecision[] {
  if (!signal) return [];
  const active = (purpose: string) => state.purposes.find((p) => p.purpose === purpose)?.active ?? false;
  const out: GpcDecision[] = [];
  if (active('third_party_sharing')) out.push({ purpose: 'third_party_sharing', decision: 'deny' });
  if (!active('telemetry')) out.push({ purpose: 'telemetry', decision: 'object' });
  return out;
}
