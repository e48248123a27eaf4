import { describe, expect, it } from 'vitest';
import type { Purpose } from '../../shared/contract/notice.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import {
  consentRelevant,
  isMaterial,
  NOT_CONSENT_RELEVANT,
  purposeFingerprint,
  purposeFingerprints,
} from '../../shared/notice/purpose-fingerprint.ts';

const purpose = defaultNoticeEn.purposes[0]!;

describe('purpose fingerprints (R12)', () => {
  it('R12: is sha256-<base64> of the purpose and does not depend on the order of its fields', async () => {
    const reordered = Object.fromEntries(Object.entries(purpose).reverse()) as Purpose;
    const fingerprint = await purposeFingerprint(purpose);
    expect(fingerprint).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(await purposeFingerprint(reordered)).toBe(fingerprint);
  });

  it('R12: changes with any consent-relevant field, including fields the contract does not know yet', async () => {
    const fingerprint = await purposeFingerprint(purpose);
    expect(await purposeFingerprint({ ...purpose, description: `${purpose.description}!` })).not.toBe(fingerprint);
    expect(await purposeFingerprint({ ...purpose, dataTypes: [...purpose.dataTypes, 'more'] })).not.toBe(fingerprint);
    const withRecipients = { ...purpose, recipients: [{ name: 'a partner', thirdParty: true }] };
    expect(await purposeFingerprint(withRecipients)).not.toBe(fingerprint);
    const withUnknownField = { ...purpose, audience: 'adults' } as unknown as Purpose;
    expect(await purposeFingerprint(withUnknownField)).not.toBe(fingerprint);
    expect(NOT_CONSENT_RELEVANT.every((field) => !(field in consentRelevant(purpose)))).toBe(true);
  });

  it('R12: each purpose of a version gets one, from the English document', async () => {
    const all = await purposeFingerprints({ ...defaultNoticeEn, contentHash: `sha256-${'A'.repeat(43)}=` });
    expect([...all.keys()]).toEqual(defaultNoticeEn.purposes.map((p) => p.id));
  });

  it('R12: a change is material when the fingerprint differs, unless the publisher marks it; a new purpose is not', () => {
    expect(isMaterial('a', 'b', undefined)).toBe(true);
    expect(isMaterial('a', 'a', undefined)).toBe(false);
    expect(isMaterial('a', 'b', false)).toBe(false);
    expect(isMaterial('a', 'a', true)).toBe(true);
    expect(isMaterial(undefined, 'a', undefined)).toBe(false);
  });
});
