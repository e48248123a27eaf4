/**
 * What the domain (services, identity) throws when a call cannot be done: a small set of kinds, each with a
 * machine code the caller can branch on and a detail written for the person. The HTTP layer turns them into
 * problem+json in one place (`http/problem.ts`); nothing here knows about status codes or headers.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'rate-limited'
  | 'precondition-failed';

/** Machine codes; spelled as the contract's problem types, which `http/problem.ts` checks at compile time. */
export type DomainCode =
  | 'validation-failed'
  | 'notice-version-unknown'
  | 'notice-version-superseded'
  | 'special-category-control'
  | 'gpc-override-unconfirmed'
  | 'idempotency-key-reused'
  | 'unauthenticated'
  | 'sign-in-code-invalid'
  | 'sign-in-code-expired'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'illegal-transition'
  | 'not-ready'
  | 'rate-limited'
  | 'step-up-required'
  | 'stale-version';

export interface DomainErrorExtra {
  /** The inputs at fault, as JSON Pointers into the request (`/body/noticeVersion`, `/query/cursor`). */
  errors?: Array<{ pointer: string; reason: string }>;
  /** How long to wait before the same call can succeed. */
  retryAfterSeconds?: number;
  /** Sign-in guesses left before a wait. */
  attemptsLeft?: number;
  /** The notice version a decision must name instead of the one it cited. */
  currentNoticeVersion?: string;
  /** With `stale-version`: the version now, and what changed since the caller's. */
  currentVersion?: string;
  changes?: Array<{ at: string; what: string; by: string | null }>;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: DomainCode,
    readonly detail: string,
    readonly extra: DomainErrorExtra = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const invalid = (detail: string, extra?: DomainErrorExtra, code: DomainCode = 'validation-failed') =>
  new DomainError('invalid', code, detail, extra);
export const unauthenticated = (detail: string, extra?: DomainErrorExtra, code: DomainCode = 'unauthenticated') =>
  new DomainError('unauthenticated', code, detail, extra);
export const notFound = (detail: string) => new DomainError('not-found', 'not-found', detail);
export const conflict = (detail: string, code: DomainCode = 'conflict') => new DomainError('conflict', code, detail);
export const gone = (detail: string, code: DomainCode) => new DomainError('gone', code, detail);
export const rateLimited = (
  detail: string,
  retryAfterSeconds: number,
  extra: Omit<DomainErrorExtra, 'retryAfterSeconds'> = {},
) => new DomainError('rate-limited', 'rate-limited', detail, { retryAfterSeconds, ...extra });
export const forbidden = (detail: string, code: DomainCode = 'forbidden') => new DomainError('forbidden', code, detail);
export const stale = (detail: string, extra: DomainErrorExtra) =>
  new DomainError('precondition-failed', 'stale-version', detail, extra);
