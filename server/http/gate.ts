import type { Context } from 'hono';
import type { Endpoint } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { authenticate } from '../identity/authenticate.ts';
import { safeEqual } from '../identity/tokens.ts';
import type { Gate } from './bind.ts';
import { clientIp } from './client-ip.ts';
import { ApiProblem } from './problem.ts';

const SIGN_IN_WINDOW_MS = 15 * 60_000;
const SIGN_IN_ENDPOINTS = new Set(['/v1/auth/email/start', '/v1/auth/email/verify', '/v1/auth/device']);

function limit(deps: Deps, key: string, max: number, windowMs: number, what: string, weight = 1): void {
  // A costly read counts `weight` hits (the contract's `weight`); the limiter counts one per call.
  let wait = 0;
  for (let i = 0; i < weight; i++) wait = deps.limiter.hit(key, max, windowMs);
  if (wait > 0) throw new ApiProblem('rate-limited', 429, `Too many ${what}; try again in ${wait} seconds.`, { retryAfterSeconds: wait });
}

/** Authentication and rate limits, per endpoint kind: per identity on the API, per IP on sign-in. */
export function createGate(deps: Deps): Gate {
  return {
    async authenticate(c: Context, endpoint: Endpoint) {
      switch (endpoint.auth) {
        case 'none':
          if (SIGN_IN_ENDPOINTS.has(endpoint.path)) {
            const ip = clientIp(c, deps.config.trustProxy);
            limit(deps, `ip:${ip}:${endpoint.path}`, deps.config.rateLimit.signInPerIpPer15Min, SIGN_IN_WINDOW_MS, 'sign-in attempts from this address');
          }
          return null;
        case 'dev':
          if (!deps.config.devOutbox) throw new ApiProblem('not-found', 404, 'Not found.');
          return null;
        case 'admin': {
          const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
          if (!token || !deps.config.adminToken || !safeEqual(token, deps.config.adminToken)) {
            throw new ApiProblem('unauthenticated', 401, 'Operator endpoints need "Authorization: Bearer <ADMIN_TOKEN>".');
          }
          return null;
        }
        case 'subject':
        case 'identity': {
          const principal = await authenticate(deps.db, deps.verifyHostToken, c.req.header('authorization'), deps.now());
          limit(deps, `subject:${principal.subjectId}`, deps.config.rateLimit.perIdentityPerMinute, 60_000, 'requests', endpoint.weight);
          if (endpoint.auth === 'identity' && principal.kind !== 'user') {
            throw new ApiProblem('identity-required', 403, 'Rights requests need a proven identity: sign in with your e-mail address or your Twikit account.');
          }
          return principal;
        }
      }
    },
  };
}

/** The operator named in `X-Operator` for the audit log (the admin token itself is shared). */
export function operatorName(c: Context): string {
  const name = c.req.header('x-operator')?.trim();
  return name && /^[\p{L}\p{N} .@_-]{1,64}$/u.test(name) ? name : 'operator';
}
