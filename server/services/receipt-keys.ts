import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { CompactSign, calculateJwkThumbprint, type JWK } from 'jose';
import type { Database } from '../db/database.ts';
import { algOf, type ReceiptAlg, type ReceiptConfig } from '../receipt-config.ts';
import { insertReceiptKey, receiptKeyRows } from '../store/receipt-keys.ts';

/** Signs receipts with the current key and publishes every key that ever signed one (R34). */
export interface ReceiptSigner {
  readonly kid: string;
  readonly alg: ReceiptAlg;
  /** A compact JWS over `payload` (UTF-8), its header naming `alg` and `kid`. */
  sign(payload: string): Promise<string>;
  /** The public keys: the current one first, then the retired ones. */
  jwks(): { keys: JWK[] };
}

type PublicJwk = JWK & { kid: string; alg: ReceiptAlg };

/** The public JWK of a key, its id the RFC 7638 thumbprint (the same key always gets the same `kid`). */
async function publicJwk(key: KeyObject): Promise<PublicJwk> {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = pub.export({ format: 'jwk' }) as JWK;
  const alg = algOf(pub);
  if (!alg) throw new Error('A receipt key must be P-256 or Ed25519.');
  return { ...jwk, kid: await calculateJwkThumbprint(jwk, 'sha256'), alg, use: 'sig' };
}

/**
 * Development's own key: generated once and kept in the database, so restarts (and the receipts the person
 * already holds) keep verifying. The oldest stored private key wins, so instances racing at first start agree.
 */
async function developmentKey(db: Database, now: Date): Promise<KeyObject> {
  const stored = async () => (await receiptKeyRows(db)).find((row) => row.privateJwk !== null);
  let row = await stored();
  if (!row) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = await publicJwk(privateKey);
    await insertReceiptKey(db, {
      kid: jwk.kid,
      alg: jwk.alg,
      publicJwk: jwk as JsonWebKey,
      privateJwk: privateKey.export({ format: 'jwk' }),
      createdAt: now.toISOString(),
    });
    row = await stored();
  }
  return createPrivateKey({ key: row!.privateJwk!, format: 'jwk' });
}

/** The signer: the configured key (stored, public part only, so it stays published after a rotation) or development's. */
export async function createReceiptSigner(db: Database, config: ReceiptConfig, now: Date): Promise<ReceiptSigner> {
  const key = config.signingKey ?? (await developmentKey(db, now));
  const current = await publicJwk(key);
  if (config.signingKey) {
    await insertReceiptKey(db, {
      kid: current.kid,
      alg: current.alg,
      publicJwk: current as JsonWebKey,
      privateJwk: null,
      createdAt: now.toISOString(),
    });
  }
  const published = new Map<string, JWK>([[current.kid, current]]);
  for (const retired of config.retired) {
    const jwk = await publicJwk(retired);
    if (!published.has(jwk.kid)) published.set(jwk.kid, jwk);
  }
  for (const row of await receiptKeyRows(db)) {
    if (!published.has(row.kid)) published.set(row.kid, { ...(row.publicJwk as JWK), kid: row.kid, alg: row.alg });
  }
  const keys = [...published.values()];
  return {
    kid: current.kid,
    alg: current.alg,
    sign: (payload) =>
      new CompactSign(new TextEncoder().encode(payload))
        .setProtectedHeader({ alg: current.alg, kid: current.kid, typ: 'twikit-receipt+jws', cty: 'json' })
        .sign(key),
    jwks: () => ({ keys }),
  };
}
