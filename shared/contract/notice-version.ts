import * as z from 'zod/mini';
import { IsoDate, Locale } from './common.ts';

/** What `GET /v1/notice/version` answers: enough to know whether the notice changed (R12), without the text. */
export const NoticeVersion = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  effectiveDate: IsoDate,
  contentHash: /* @__PURE__ */ z.string(),
  locale: Locale,
});
export type NoticeVersion = z.infer<typeof NoticeVersion>;
