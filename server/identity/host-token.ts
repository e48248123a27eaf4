import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Config } from '../config.ts';
import { ApiProblem } from '../http/problem.ts';

export interface HostClaims {
  sub: string;
  email: string | undefined;
}

export type HostTokenVerifier = (token: string) => Promise<HostClaims>;

const unauthenticated = (detail: string) => new ApiProblem('unauthenticated', 401, detail);

/** Verifies host-app JWTs: HS256 with the shared secret, or any key of the configured JWKS. `sub` and `exp` are required. */
export function createHostTokenVerifier(config: Config['hostToken']): HostTokenVerifier {
  const secret = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const options = {
    requiredClaims: ['sub', 'exp'],
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      if (jwks) payload = (await jwtVerify(token, jwks, options)).payload;
      else if (secret) payload = (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      else throw unauthenticated('Host-app tokens are not accepted by this server (no key configured).');
    } catch (error) {
      throw explain(error);
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 255) {
      throw unauthenticated('The host token has no usable "sub" claim.');
    }
    return { sub: payload.sub, email: typeof payload.email === 'string' ? payload.email.toLowerCase() : undefined };
  };
}

function explain(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof errors.JWTExpired) return unauthenticated('The host token has expired; ask the host app for a fresh one.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated(`The host token's "${error.claim}" claim is ${error.reason === 'missing' ? 'missing' : 'not accepted'}.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return unauthenticated('The host token signature is invalid.');
  if (error instanceof errors.JOSEAlgNotAllowed) return unauthenticated('The host token uses an algorithm this server does not accept.');
  if (error instanceof errors.JOSEError) return unauthenticated(`The host token is not valid (${error.code}).`);
  return unauthenticated('The host token could not be verified.');
}
