import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError } from './config-error.ts';

/** The receipt-signing keys the environment gives (R34); development falls back to a key kept in the database. */
export interface ReceiptConfig {
  /** `RECEIPT_SIGNING_KEY`: the private key receipts are signed with now. */
  signingKey: KeyObject | undefined;
  /** `RECEIPT_SIGNING_KEYS_RETIRED`: public keys of earlier signing keys, still published for verification. */
  retired: KeyObject[];
}

export type ReceiptAlg = 'ES256' | 'EdDSA';

/** The JWS algorithm a key signs with; only P-256 (ES256) and Ed25519 (EdDSA) are accepted. */
export function algOf(key: KeyObject): ReceiptAlg | undefined {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  return undefined;
}

/** A JWK (JSON) or a PEM block. */
function parseKey(raw: string, kind: 'private' | 'public', name: string): KeyObject {
  const text = raw.trim();
  try {
    if (text.startsWith('{')) {
      const jwk = JSON.parse(text) as import('node:crypto').JsonWebKey;
      return kind === 'private'
        ? createPrivateKey({ key: jwk, format: 'jwk' })
        : createPublicKey({ key: jwk, format: 'jwk' });
    }
    return kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
  } catch (error) {
    throw new ConfigError(`${name} is not a readable ${kind} key (a JWK or PEM): ${(error as Error).message}`);
  }
}

function checked(key: KeyObject, name: string): KeyObject {
  if (!algOf(key)) throw new ConfigError(`${name} must be a P-256 (ES256) or Ed25519 (EdDSA) key`);
  return key;
}

/** Retired keys: a JSON array of JWKs, a JWKS (`{"keys":[…]}`), or PEM public keys one after another. */
function parseRetired(raw: string | undefined): KeyObject[] {
  const name = 'RECEIPT_SIGNING_KEYS_RETIRED';
  const text = raw?.trim() ?? '';
  if (text === '') return [];
  if (text.startsWith('[') || text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`${name} is not valid JSON: ${(error as Error).message}`);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
    if (!Array.isArray(list)) throw new ConfigError(`${name} must be a JSON array of JWKs or a JWKS`);
    return list.map((jwk) => checked(parseKey(JSON.stringify(jwk), 'public', name), name));
  }
  const blocks = text.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
  if (blocks.length === 0) throw new ConfigError(`${name} holds neither JWKs nor PEM blocks`);
  return blocks.map((pem) => checked(parseKey(pem, 'public', name), name));
}

/** Reads the receipt keys; throws `ConfigError` naming the variable that is wrong. */
export function loadReceiptConfig(env: NodeJS.ProcessEnv): ReceiptConfig {
  const raw = env.RECEIPT_SIGNING_KEY;
  const signingKey = raw ? checked(parseKey(raw, 'private', 'RECEIPT_SIGNING_KEY'), 'RECEIPT_SIGNING_KEY') : undefined;
  return { signingKey, retired: parseRetired(env.RECEIPT_SIGNING_KEYS_RETIRED) };
}
