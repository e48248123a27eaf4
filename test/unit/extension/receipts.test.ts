import { generateKeyPairSync } from 'node:crypto';
import { CompactSign, calculateJwkThumbprint, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import type { DecidedRecord } from '../../../shared/contract/consent.ts';
import type { ConsentReceipt, SignedReceipt } from '../../../shared/contract/receipt.ts';
import { canonicalJson } from '../../../shared/notice/canonical-json.ts';
import { checkKept, keepReceipts, type ReceiptStorage } from '../../../extension/receipts.ts';

/** `storage.local` as an object: what the extension wrote is what it reads back, as JSON. */
function memoryStorage(): ReceiptStorage & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (values) => void Object.assign(data, structuredClone(values)),
  };
}

/** A signing key as the server holds one, and its public JWK as its JWKS lists it. */
async function issuer(curve: 'P-256' | 'ed25519') {
  const { privateKey, publicKey } =
    curve === 'P-256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  const alg = curve === 'P-256' ? 'ES256' : 'EdDSA';
  const kid = await calculateJwkThumbprint(jwk);
  const sign = async (receipt: ConsentReceipt): Promise<SignedReceipt> => ({
    receipt,
    jws: await new CompactSign(new TextEncoder().encode(canonicalJson(receipt)))
      .setProtectedHeader({ alg, kid })
      .sign(privateKey),
  });
  return { sign, jwk: { ...jwk, kid, alg } };
}

const receiptFor = (id: string): ConsentReceipt =>
  ({ receiptId: id, issuer: 'https://privacy.example', event: { type: 'given', active: true } }) as ConsentReceipt;
const record = (id: string) => ({ id }) as DecidedRecord;

describe('receipts kept by the extension', () => {
  it('R34: keeps every receipt in its own storage and checks them offline, also after the key that signed them was rotated out', async () => {
    const storage = memoryStorage();
    const before = await issuer('P-256');
    const ids = ['a1', 'b2'];
    const first = {
      decisions: async () => ids.map(record),
      receipt: async (id: string) => before.sign(receiptFor(id)),
      jwks: async () => ({ keys: [before.jwk] }),
    };
    expect(await keepReceipts(storage, first)).toBe(2);
    expect(await keepReceipts(storage, first)).toBe(0); // nothing new: nothing fetched again

    // The server rotates to a new key and its JWKS no longer lists the old one: the kept key still checks.
    const after = await issuer('ed25519');
    const second = {
      decisions: async () => [...ids, 'c3'].map(record),
      receipt: async (id: string) => after.sign(receiptFor(id)),
      jwks: async () => ({ keys: [after.jwk] }),
    };
    expect(await keepReceipts(storage, second)).toBe(1);
    expect(await checkKept(storage)).toEqual({ a1: true, b2: true, c3: true });
  });

  it('R34: a kept receipt changed in storage, or signed by a key never published, no longer checks', async () => {
    const storage = memoryStorage();
    const server = await issuer('P-256');
    const stranger = await issuer('P-256');
    await keepReceipts(storage, {
      decisions: async () => ['a1', 'b2'].map(record),
      receipt: async (id: string) => (id === 'a1' ? server : stranger).sign(receiptFor(id)),
      jwks: async () => ({ keys: [server.jwk] }),
    });
    const kept = storage.data.receipts as Record<string, SignedReceipt>;
    expect(await checkKept(storage)).toEqual({
      a1: true,
      b2: `key id ${stranger.jwk.kid} is not in the issuer's JWKS`,
    });
    kept.a1!.receipt.event.active = false;
    expect((await checkKept(storage)).a1).toBe('the receipt differs from what was signed');
  });
});
