import * as z from 'zod/mini';

/** Stable problem types (RFC 9457 `type`), one per class of failure a client may want to branch on. */
export const ProblemType = z.enum([
  'malformed-json',
  'unsupported-media-type',
  'validation-failed',
  'payload-too-large',
  'unauthenticated',
  'forbidden',
  'identity-required',
  'not-found',
  'method-not-allowed',
  'idempotency-key-missing',
  'idempotency-key-reused',
  'illegal-transition',
  'not-ready',
  'sign-in-code-invalid',
  'sign-in-code-expired',
  'rate-limited',
  'notice-version-unknown',
  'conflict',
  'internal',
  'unavailable',
]);
export type ProblemType = z.infer<typeof ProblemType>;

export const problemTypeUri = (type: ProblemType): string => `https://privacy.twikit.com/problems/${type}`;

/** A field-level reason: `pointer` is a JSON Pointer into the request (`/body/email`, `/query/locale`). */
export const FieldError = z.object({
  pointer: z.string(),
  reason: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** `application/problem+json` body (RFC 9457), with field-level reasons where the input was wrong. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.gte(400), z.lte(599)),
  detail: z.string(),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  retryAfterSeconds: z.optional(z.number()),
  attemptsLeft: z.optional(z.number()),
});
export type Problem = z.infer<typeof Problem>;
