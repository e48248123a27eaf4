import * as z from 'zod/mini';

/** Stable problem types (RFC 9457 `type`), one per class of failure a client may want to branch on. */
export const ProblemType = /* @__PURE__ */ z.enum([
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
  'notice-version-superseded',
  'special-category-control',
  'gpc-override-unconfirmed',
  'conflict',
  'step-up-required',
  'stale-version',
  'internal',
  'unavailable',
]);
export type ProblemType = z.infer<typeof ProblemType>;

export const problemTypeUri = (type: ProblemType): string => `https://privacy.twikit.com/problems/${type}`;

/** A field-level reason: `pointer` is a JSON Pointer into the request (`/body/email`, `/query/locale`). */
export const FieldError = /* @__PURE__ */ z.object({
  pointer: /* @__PURE__ */ z.string(),
  reason: /* @__PURE__ */ z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** The part of a problem a client acts on: what kind, what to tell the person, which fields. */
export const ProblemCore = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.string(),
  title: /* @__PURE__ */ z.string(),
  detail: /* @__PURE__ */ z.string(),
  errors: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(FieldError)),
});
export type ProblemCore = z.infer<typeof ProblemCore>;

/** `application/problem+json` body (RFC 9457), with field-level reasons where the input was wrong. */
export const Problem = /* @__PURE__ */ z.extend(ProblemCore, {
  status: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(400), /* @__PURE__ */ z.lte(599)),
  instance: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  retryAfterSeconds: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  attemptsLeft: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  /** With `notice-version-unknown` / `-superseded`: the version to load and decide under. */
  currentNoticeVersion: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** With `stale-version`: the request's version now (send it as If-Match once the changes are read). */
  currentVersion: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** With `stale-version`: what changed since the version the caller had, oldest first. */
  changes: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.array(
      /* @__PURE__ */ z.object({
        at: /* @__PURE__ */ z.string(),
        what: /* @__PURE__ */ z.string(),
        by: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
      }),
    ),
  ),
});
export type Problem = z.infer<typeof Problem>;
