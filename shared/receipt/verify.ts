// Web Crypto only, no JOSE library: the same check runs in the verifier tool (Node), the extension (offline,
// against the JWKS it fetched) and anywhere else a receipt's holder wants to check it.
import { canonicalJson } from '../notice/canonical-json.ts';

/** A public key as `/.well-known/jwks.json` lists it. */
export interface ReceiptJwk {
  kid?: string;
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  alg?: string;
}

export type ReceiptCheck = { ok: true; kid: string } | { ok: false; reason: string };

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const ALGORITHMS = {
  ES256: { key: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
  EdDSA: { key: { name: 'Ed25519' }, verify: { name: 'Ed25519' } },
} as const;

function header(part: string): { alg?: unknown; kid?: unknown } | undefined {
  try {
    return JSON.parse(new TextDecoder().decode(fromBase64Url(part))) as { alg?: unknown; kid?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * Checks a receipt (R34): its JWS is signed by the key its header names, that key is in `jwks`, and the signed
 * payload is exactly this receipt (its canonical JSON), so neither the readable part nor the signature can change alone.
 * Pass the receipt as read, not as parsed by a schema: parsing would drop a field someone added.
 */
export async function verifySignedReceipt(
  signed: { receipt: unknown; jws: string },
  jwks: { keys: ReceiptJwk[] },
): Promise<ReceiptCheck> {
  const parts = signed.jws.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the signature is not a compact JWS' };
  const [head, payload, signature] = parts as [string, string, string];
  const protectedHeader = header(head);
  const alg = protectedHeader?.alg;
  const kid = protectedHeader?.kid;
  if (alg !== 'ES256' && alg !== 'EdDSA')
    return { ok: false, reason: `unsupported signature algorithm ${String(alg)}` };
  const jwk = jwks.keys.find((k) => typeof kid === 'string' && k.kid === kid);
  if (!jwk) return { ok: false, reason: `key id ${String(kid)} is not in the issuer's JWKS` };
  const { kid: _kid, alg: _alg, ...material } = jwk;
  let valid = false;
  try {
    const key = await crypto.subtle.importKey('jwk', material as JsonWebKey, ALGORITHMS[alg].key, false, ['verify']);
    valid = await crypto.subtle.verify(
      ALGORITHMS[alg].verify,
      key,
      fromBase64Url(signature),
      new TextEncoder().encode(`${head}.${payload}`),
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: `the signature does not verify with key ${kid}` };
  let signedText: string;
  try {
    signedText = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(payload));
  } catch {
    return { ok: false, reason: 'the signed payload is not text' };
  }
  if (signedText !== canonicalJson(signed.receipt))
    return { ok: false, reason: 'the receipt differs from what was signed' };
  return { ok: true, kid: kid as string };
}
