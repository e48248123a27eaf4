import type { Context } from 'hono';
import type { Endpoint } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { authenticate } from '../identity/authenticate.ts';
import { authenticateOperator } from '../identity/operators.ts';
import type { Gate } from './bind.ts';
import { addressGroup, clientIp } from './client-ip.ts';
import { ApiProblem, asProblem } from './problem.ts';

const FIFTEEN_MINUTES = 15 * 60_000;
const SIGN_IN_ENDPOINTS = new Set([
  '/v1/auth/email/start',
  '/v1/auth/email/verify',
  '/v1/console/auth/start',
  '/v1/console/auth/verify',
]);
// New device ids have their own budgets, far larger than sign-in's: every first-time visitor asks for one, and
// a shop's visitors may all come from one NAT address. A global budget bounds a flood from many addresses.
const DEVICE_ENDPOINT = '/v1/auth/device';

const limited = (wait: number, what: string) =>
  new ApiProblem('rate-limited', 429, `${what}; try again in ${wait} seconds.`, { retryAfterSeconds: wait });

/** Counts `weight` hits (a costly read weighs more: the contract's `weight`) and refuses past the budget. */
async function limit(deps: Deps, key: string, max: number, windowMs: number, what: string, weight = 1): Promise<void> {
  const wait = await deps.limiter.hit(key, max, windowMs, { weight });
  if (wait > 0) throw limited(wait, what);
}

/**
 * Wrong operator tokens are limited per client address: once an address has failed too often, its next
 * attempts are refused before the token is even compared (no cheap guessing of the one shared secret).
 */
async function guardAdmin<T>(deps: Deps, key: string, max: number, attempt: () => Promise<T>): Promise<T> {
  const wait = await deps.limiter.peek(key, max, FIFTEEN_MINUTES);
  if (wait > 0) throw limited(wait, 'Too many wrong operator tokens from this address');
  try {
    return await attempt();
  } catch (error) {
    if (asProblem(error)?.status === 401) await deps.limiter.hit(key, max, FIFTEEN_MINUTES);
    throw error;
  }
}

/**
 * Bad bearer tokens are counted per client address, and past the budget answered 429 rather than 401. A valid
 * token always passes: people behind a busy NAT are never refused for someone else's stale tokens, and a valid
 * call costs no extra query (bearer tokens are 256-bit random or signed: there is nothing to guess).
 */
async function countBearerFailures<T>(deps: Deps, key: string, max: number, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (asProblem(error)?.status !== 401) throw error;
    const wait = await deps.limiter.hit(key, max, FIFTEEN_MINUTES);
    if (wait > 0) throw limited(wait, 'Too many invalid tokens from this address');
    throw error;
  }
}

/** Authentication and rate limits, per endpoint kind: per identity on the API, per address on sign-in. */
export function createGate(deps: Deps): Gate {
  const { rateLimit } = deps.config;
  const address = (c: Context) => addressGroup(clientIp(c, deps.config.trustProxy));
  /** Who calls, checked as `endpoint` says; a session's read also reports the latest notice release in `seen`. */
  async function check(c: Context, endpoint: Endpoint, seen: { noticeSeq?: number }) {
    switch (endpoint.auth) {
      case 'none':
        if (SIGN_IN_ENDPOINTS.has(endpoint.path)) {
          await limit(
            deps,
            `sign-in:${address(c)}:${endpoint.path}`,
            rateLimit.signInPerIpPer15Min,
            FIFTEEN_MINUTES,
            'Too many sign-in attempts from this address',
          );
        } else if (endpoint.path === DEVICE_ENDPOINT) {
          await limit(
            deps,
            `device:${address(c)}`,
            rateLimit.devicePerIpPer15Min,
            FIFTEEN_MINUTES,
            'Too many new visitor ids from this address',
          );
          await limit(
            deps,
            'device:*',
            rateLimit.devicePerMinute,
            60_000,
            'The server is handing out too many new visitor ids right now',
          );
        }
        return null;
      case 'job':
      case 'system':
        // The handler checks the job's token or the system's key: both name their own record.
        return null;
      case 'dev':
        if (!deps.config.devOutbox) throw new ApiProblem('not-found', 404, 'Not found.');
        return null;
      case 'admin': {
        const operator = await guardAdmin(
          deps,
          `auth-failed:admin:${address(c)}`,
          rateLimit.adminAuthFailuresPerIpPer15Min,
          () =>
            authenticateOperator(
              deps.db,
              deps.config,
              c.req.header('authorization'),
              endpoint.capability ?? 'console',
              deps.now(),
            ),
        );
        await limit(
          deps,
          `operator:${operator.kind}:${operator.id}`,
          rateLimit.perIdentityPerMinute,
          60_000,
          'Too many requests',
          endpoint.weight,
        );
        return operator;
      }
      case 'subject':
      case 'identity': {
        const principal = await countBearerFailures(
          deps,
          `auth-failed:bearer:${address(c)}`,
          rateLimit.authFailuresPerIpPer15Min,
          () => authenticate(deps.db, deps.verifyHostToken, c.req.header('authorization'), deps.now(), seen),
        );
        await limit(
          deps,
          `subject:${principal.subjectId}`,
          rateLimit.perIdentityPerMinute,
          60_000,
          'Too many requests',
          endpoint.weight,
        );
        if (endpoint.auth === 'identity' && principal.kind !== 'user') {
          throw new ApiProblem(
            'identity-required',
            403,
            'Rights requests need a proven identity: sign in with your e-mail address or your Twikit account.',
          );
        }
        return principal;
      }
    }
  }
  return {
    async authenticate(c: Context, endpoint: Endpoint) {
      const seen: { noticeSeq?: number } = {};
      const who = await check(c, endpoint, seen);
      // The current notice is the latest published version, whichever instance published it (R12): one indexed
      // read per API request keeps every instance right at once, where a cache lifetime would serve the old text.
      // A session's read has already made it; other API requests make it here (health and metadata need none).
      if (seen.noticeSeq !== undefined) await deps.notices.observe(seen.noticeSeq);
      else if (endpoint.path.startsWith('/v1/')) await deps.notices.refresh();
      return who;
    },
  };
}
