// Re-consent (R12, issue 13 point 3): a consent holds for what the person was told about its purpose. Each
// purpose of a notice version gets a fingerprint of its consent-relevant fields; when it changes, consents given
// under the earlier fingerprint expire. Web Crypto only, like content-hash.ts, so any side can compute it.
import type { NoticeDocument, Purpose } from '../contract/notice.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * Fields of a purpose that do not bear on what the person agreed to, so changing them never asks for consent
 * again. Listed here, once, as an exclusion: every other field — including fields added to `Purpose` later
 * (accept-all coverage, GPC, recipients, retention, data used) — is consent-relevant by default, because
 * forgetting to list a new field must err on the side of asking again. Nothing is presentation-only today.
 */
export const NOT_CONSENT_RELEVANT: readonly string[] = [];

/** The part of a purpose its fingerprint covers. */
export function consentRelevant(purpose: Purpose): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...purpose };
  for (const field of NOT_CONSENT_RELEVANT) delete fields[field];
  return fields;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `sha256-<base64>` of the canonical JSON of the purpose's consent-relevant fields. */
export async function purposeFingerprint(purpose: Purpose): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(consentRelevant(purpose)));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return `sha256-${toBase64(new Uint8Array(digest))}`;
}

/**
 * The fingerprint of every purpose of a version, from its English document: English is authoritative, so a
 * translation fixed later cannot by itself expire anyone's consent.
 */
export async function purposeFingerprints(english: NoticeDocument): Promise<Map<string, string>> {
  const entries = await Promise.all(english.purposes.map(async (p) => [p.id, await purposeFingerprint(p)] as const));
  return new Map(entries);
}

/** Per purpose, what the publisher says of a change: false = editorial (consents stay), true = material. */
export type MaterialMarks = Partial<Record<string, boolean>>;

/**
 * Whether a purpose changed materially since the last version that had it: the publisher's mark when given,
 * else whether its fingerprint differs. A purpose new in this version has no earlier consent to expire.
 */
export function isMaterial(previous: string | undefined, next: string, mark: boolean | undefined): boolean {
  if (mark !== undefined) return mark;
  return previous !== undefined && previous !== next;
}
