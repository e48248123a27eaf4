import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const SESSION_PREFIX = 'tps_';
export const DEVICE_PREFIX = 'tpd_';

/** A random bearer token; only its hash is stored, so a database leak does not leak sessions. */
export const newOpaqueToken = (prefix: string): string => prefix + randomBytes(32).toString('base64url');

export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Six digits, uniformly drawn. */
export const newSignInCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Codes are short, so they are keyed with a server secret: a copy of the table alone cannot be brute-forced. */
export const hashSignInCode = (pepper: string, email: string, code: string): string =>
  createHmac('sha256', pepper).update(`${email}\n${code}`).digest('hex');

/** Compares secrets in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A keyed hash for state keyed by an address (slow-downs): the table then holds no address in clear. */
export const keyedHash = (pepper: string, purpose: string, value: string): string =>
  createHmac('sha256', pepper).update(`${purpose}\n${value}`).digest('hex');
