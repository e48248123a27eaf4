import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import * as z from 'zod/mini';
import { Email } from '../../shared/contract/auth.ts';
import type { Config } from '../config.ts';
import { badTextReason } from '../http/text.ts';
import { DomainError, invalid, unauthenticated } from '../services/errors.ts';

export interface HostClaims {
  sub: string;
  /** Only an address the host vouches for (`email_verified: true`) and that is a valid address; else undefined. */
  email: string | undefined;
  /** When the host issued the token (seconds since the epoch): earlier than a sign-out or deletion is refused. */
  iat: number;
}

export type HostTokenVerifier = (token: string) => Promise<HostClaims>;

/** How far the host's clock may run ahead of ours for `iat`. */
export const HOST_CLOCK_SKEW_SECONDS = 60;

/**
 * Verifies host-app JWTs: HS256 with the shared secret, or any key of the configured JWKS. `sub`, `exp` and
 * `iat` are required; `exp` may be at most the maximum age ahead, `iat` neither older than it nor in the
 * future; `aud` is checked whenever configured (production requires it). `now` is the wall clock the
 * host's times are read against.
 */
export function createHostTokenVerifier(
  config: Config['hostToken'],
  now: () => Date = () => new Date(),
): HostTokenVerifier {
  const secret = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  return async (token) => {
    const currentDate = now();
    const options = {
      requiredClaims: ['sub', 'exp', 'iat'],
      currentDate,
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    };
    let payload: JWTPayload;
    try {
      if (jwks) payload = (await jwtVerify(token, jwks, options)).payload;
      else if (secret) payload = (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      else throw unauthenticated('Host-app tokens are not accepted by this server (no key configured).');
    } catch (error) {
      throw explain(error);
    }
    const nowSeconds = Math.floor(currentDate.getTime() / 1000);
    const { exp, iat } = payload as { exp: number; iat: number };
    if (exp - nowSeconds > config.maxAgeSeconds + HOST_CLOCK_SKEW_SECONDS) {
      throw unauthenticated(
        `The host token's "exp" claim is more than ${config.maxAgeSeconds} seconds ahead; host tokens must be short-lived.`,
      );
    }
    if (iat > nowSeconds + HOST_CLOCK_SKEW_SECONDS)
      throw unauthenticated('The host token\'s "iat" claim is in the future; check the host\'s clock.');
    if (nowSeconds - iat > config.maxAgeSeconds) {
      throw unauthenticated(
        `The host token was issued more than ${config.maxAgeSeconds} seconds ago ("iat"); ask the host app for a fresh one.`,
      );
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 255) {
      throw unauthenticated('The host token has no usable "sub" claim.');
    }
    // A properly signed token whose `sub` the database cannot store as sent: the host's input is wrong.
    const subReason = badTextReason(payload.sub);
    if (subReason) {
      throw invalid(`The host token's "sub" claim: ${subReason}`, {
        errors: [{ pointer: '/header/authorization', reason: `"sub" claim: ${subReason}` }],
      });
    }
    return { sub: payload.sub, email: vouchedEmail(payload), iat };
  };
}

/** The host's e-mail claim, only when the host says it verified it and it is an address: anything else is ignored. */
function vouchedEmail(payload: JWTPayload): string | undefined {
  if (payload.email_verified !== true || typeof payload.email !== 'string') return undefined;
  const parsed = z.safeParse(Email, payload.email);
  return parsed.success ? parsed.data : undefined;
}

function explain(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof errors.JWTExpired)
    return unauthenticated('The host token has expired; ask the host app for a fresh one.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated(
      `The host token's "${error.claim}" claim is ${error.reason === 'missing' ? 'missing' : 'not accepted'}.`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return unauthenticated('The host token signature is invalid.');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return unauthenticated('The host token uses an algorithm this server does not accept.');
  if (error instanceof errors.JOSEError) return unauthenticated(`The host token is not valid (${error.code}).`);
  return unauthenticated('The host token could not be verified.');
}
