import * as z from 'zod/mini';
import { Timestamp } from './common.ts';
import { NoticeDocument } from './notice.ts';

/**
 * `POST /v1/admin/notices`: one new notice version, in English (authoritative) and any translations (R12). Each
 * document carries its `contentHash` (`withContentHash` in shared/notice); the server checks it against the content.
 * `material` overrides, per purpose, what the fingerprints say: false = an editorial change (consents stay),
 * true = ask again although the consent-relevant fields are unchanged.
 */
export const PublishNoticeInput = /* @__PURE__ */ z.object({
  documents: /* @__PURE__ */ z.array(NoticeDocument).check(/* @__PURE__ */ z.minLength(1)),
  // Keyed by the purpose ids of the published notice (a new version may add purposes).
  material: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.record(
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(64)),
      /* @__PURE__ */ z.boolean(),
    ),
  ),
});
export type PublishNoticeInput = z.infer<typeof PublishNoticeInput>;

/** One purpose of a published version: its fingerprint and whether it changed materially since the version before. */
export const ReleasedPurpose = /* @__PURE__ */ z.object({
  purpose: /* @__PURE__ */ z.string(),
  /** `sha256-<base64>` of the purpose's consent-relevant fields in the English document. */
  fingerprint: /* @__PURE__ */ z.string(),
  /** True when consents given under an earlier version of this purpose expired with this version. */
  material: /* @__PURE__ */ z.boolean(),
});

/** A published notice version, as the operators see it. */
export const NoticeRelease = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.string(),
  effectiveDate: NoticeDocument.shape.effectiveDate,
  publishedAt: Timestamp,
  locales: /* @__PURE__ */ z.array(NoticeDocument.shape.locale),
  /** The version served now: the latest published. */
  current: /* @__PURE__ */ z.boolean(),
  purposes: /* @__PURE__ */ z.array(ReleasedPurpose),
});
export type NoticeRelease = z.infer<typeof NoticeRelease>;

/** `GET /v1/admin/notices`: every published version, newest first. */
export const NoticeReleaseList = /* @__PURE__ */ z.object({ versions: /* @__PURE__ */ z.array(NoticeRelease) });
export type NoticeReleaseList = z.infer<typeof NoticeReleaseList>;
