import * as z from 'zod/mini';
import { IsoDate, Timestamp } from './common.ts';

const Count = /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0));

/**
 * `GET /v1/admin/reports/consents`: how many people's present decision on each purpose was given under each notice
 * version, in aggregate only (issue 15: no per-person analytics, no A/B testing of wording).
 */
export const ConsentReport = /* @__PURE__ */ z.object({
  generatedAt: Timestamp,
  rows: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      purpose: /* @__PURE__ */ z.string(),
      noticeVersion: /* @__PURE__ */ z.string(),
      /** People or devices whose latest decision on the purpose, given under this version, is a grant. */
      granted: Count,
      /** … is a refusal or a withdrawal. */
      refused: Count,
    }),
  ),
});
export type ConsentReport = z.infer<typeof ConsentReport>;

/** `GET /v1/admin/reports/requests`: rights requests per month received, and how many were answered in time. */
export const RequestReport = /* @__PURE__ */ z.object({
  generatedAt: Timestamp,
  months: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      /** `YYYY-MM`, in Brussels time. */
      month: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{4}-\d{2}$/)),
      received: Count,
      /** Completed or refused (cancelled ones are not answers). */
      answered: Count,
      /** Answered on or before their due date (an extension's new date counts). */
      onTime: Count,
      /** Still open past their due date. */
      overdue: Count,
      /** onTime / answered, 0–1; null when nothing was answered. */
      onTimeRate: /* @__PURE__ */ z.nullable(
        /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(1)),
      ),
    }),
  ),
});
export type RequestReport = z.infer<typeof RequestReport>;

/** The query of the request report and of the audit CSV: a date range, both ends included. */
export const ReportRange = /* @__PURE__ */ z.object({
  from: /* @__PURE__ */ z.optional(IsoDate),
  to: /* @__PURE__ */ z.optional(IsoDate),
});
