import * as z from 'zod/mini';

/**
 * Page sizes of the lists that can grow without bound. Every list answers one page in its own order and
 * `next`: the opaque cursor of the following page, null on the last one.
 */
export const PAGE_LIMITS = {
  consentHistory: { default: 100, max: 500 },
  requests: { default: 50, max: 200 },
  adminRequests: { default: 100, max: 500 },
  audit: { default: 100, max: 1000 },
  /** Consent records per page of an export document (the other sections are small). */
  exportConsents: { default: 1000, max: 5000 },
} as const;

/** An opaque cursor: send back the `next` of the previous page unchanged. */
export const Cursor = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(512));

/** `cursor` and `limit` query parameters with a list's own maximum. */
export const pageQuery = (max: number) => ({
  cursor: /* @__PURE__ */ z.optional(Cursor),
  limit: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.coerce
      .number()
      .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(max)),
  ),
});

/** The cursor of the next page; null when this page is the last. */
export const Next = /* @__PURE__ */ z.nullable(Cursor);
