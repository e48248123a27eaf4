import type { ApiError } from '../api/api-error.ts';

/**
 * Whether a failed send should wait in the outbox and be tried again, rather than be given back to the person:
 * the connection, the server or a rate limit (the input was fine), or a session to renew (the extension asks
 * the person to sign in again; what they did is sent afterwards).
 */
export const shouldWait = (error: Pick<ApiError, 'kind'>): boolean =>
  error.kind === 'offline' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate-limited' || error.kind === 'unauthenticated';
