import type { FieldError, Problem, ProblemType } from '../../shared/contract/problem.ts';
import { problemTypeUri } from '../../shared/contract/problem.ts';
import { DomainError, type DomainCode, type DomainErrorKind } from '../services/errors.ts';

const TITLES: Record<ProblemType, string> = {
  'malformed-json': 'The request body is not valid JSON',
  'unsupported-media-type': 'The request body must be application/json',
  'validation-failed': 'Some fields are not valid',
  'payload-too-large': 'The request body is too large',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  'identity-required': 'A proven identity is required',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'idempotency-key-missing': 'An Idempotency-Key header is required',
  'idempotency-key-reused': 'This Idempotency-Key was used with a different request',
  'illegal-transition': 'This status change is not allowed',
  'not-ready': 'Not ready yet',
  'sign-in-code-invalid': 'The sign-in code is wrong',
  'sign-in-code-expired': 'The sign-in code has expired',
  'rate-limited': 'Too many requests',
  'notice-version-unknown': 'Unknown notice version',
  'notice-version-superseded': 'This notice version has been replaced',
  'special-category-control': 'Body-scan consent is given only in its own step',
  'gpc-override-unconfirmed': 'Sharing while Global Privacy Control is on needs a confirmation',
  conflict: 'Conflict',
  'step-up-required': 'Confirm with a fresh code first',
  'stale-version': 'This request changed since you loaded it',
  internal: 'Something went wrong on our side',
  unavailable: 'The service is unavailable',
};

/** The one error type of the HTTP boundary: every failure a caller sees is one of these, sent as problem+json. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly status: number,
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      attemptsLeft?: number;
      currentNoticeVersion?: string;
      currentVersion?: string;
      changes?: Array<{ at: string; what: string; by: string | null }>;
    } = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  toJSON(instance?: string): Problem {
    return {
      type: problemTypeUri(this.type),
      title: TITLES[this.type],
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

/** A problem+json response. `Retry-After` accompanies rate limits. */
export function problemResponse(problem: ApiProblem, instance?: string): Response {
  const headers = new Headers({ 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
  if (problem.extra.retryAfterSeconds !== undefined)
    headers.set('retry-after', String(problem.extra.retryAfterSeconds));
  return new Response(JSON.stringify(problem.toJSON(instance)), { status: problem.status, headers });
}

/** The status each kind of domain error is answered with. */
const STATUS: Record<DomainErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'rate-limited': 429,
  'precondition-failed': 412,
};

// A domain code is its problem type; this line stops compiling if a code is added that the contract lacks.
const problemType = (code: DomainCode): ProblemType => code;

/**
 * The one place domain errors become HTTP: status from the kind, problem type from the code, and the extra
 * members (field pointers, `retryAfterSeconds`, which `problemResponse` also sends as Retry-After) as given.
 * Anything else is not a known failure: undefined (the app answers it 500).
 */
export function asProblem(error: unknown): ApiProblem | undefined {
  if (error instanceof ApiProblem) return error;
  if (error instanceof DomainError)
    return new ApiProblem(problemType(error.code), STATUS[error.kind], error.detail, error.extra);
  return undefined;
}
