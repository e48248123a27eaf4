import type { FieldError, ProblemCore } from '../contract/problem.ts';

/**
 * What went wrong, in terms a surface can act on. Transport failures, timeouts, problem+json answers and
 * responses that fail the contract all become one of these (style: one typed error per boundary).
 */
export type ApiErrorKind =
  | 'offline'
  | 'timeout'
  | 'unauthenticated'
  | 'identity-required'
  | 'not-found'
  | 'invalid-input'
  | 'rate-limited'
  | 'conflict'
  | 'server'
  | 'invalid-response';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly problem: ProblemCore | null = null,
  ) {
    super(message);
  }

  /** Field-level reasons from the server, keyed by the last segment of their pointer (`/body/email` → `email`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? ([] as FieldError[])) out[e.pointer.split('/').pop() ?? ''] = e.reason;
    return out;
  }

  /** True when trying again later may succeed (the input itself was fine): see `retriesLater`. */
  get retryable(): boolean {
    return retriesLater(this.kind);
  }
}

/**
 * The one retry policy: whether a failure of this kind may pass if the same call is made again later, so what the
 * person did waits (in the outbox) rather than being given back to them. The connection, the server or a rate limit
 * (the input was fine), or a session to renew (the extension asks the person to sign in again; what they did is
 * sent afterwards).
 */
export const retriesLater = (kind: ApiErrorKind): boolean =>
  kind === 'offline' ||
  kind === 'timeout' ||
  kind === 'server' ||
  kind === 'rate-limited' ||
  kind === 'unauthenticated';

/** The kind for an HTTP error status and problem type. */
export function kindFor(status: number, problemType: string | undefined): ApiErrorKind {
  if (problemType?.endsWith('/identity-required')) return 'identity-required';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'identity-required';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  // A status that is not an error (a 3xx fetch did not follow, a 304 nobody asked for) says nothing about the
  // person's input: an answer we cannot use, not "check your answers".
  if (status < 400) return 'invalid-response';
  return 'invalid-input';
}

/** True for an ApiError from any bundle (separately built bundles of a surface may each carry a copy of the class). */
export const isApiError = (error: unknown): error is ApiError =>
  error instanceof Error && error.name === 'ApiError' && 'kind' in error;
