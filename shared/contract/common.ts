import * as z from 'zod/mini';
import { APP_REGISTRY, type AppId as AppIdValue } from '../registry/apps.ts';
import { LOCALE_REGISTRY, type Locale as LocaleValue } from '../registry/locales.ts';

/** The Twikit applications named in the notice's processing table (shared/registry/apps.ts). */
export const AppId = /* @__PURE__ */ z.enum(
  /* @__PURE__ */ APP_REGISTRY.map((a) => a.id) as [AppIdValue, ...AppIdValue[]],
);
export type AppId = z.infer<typeof AppId>;

/** UI locales the controls ship in (shared/registry/locales.ts); notice text may exist in fewer. */
export const Locale = /* @__PURE__ */ z.enum(
  /* @__PURE__ */ LOCALE_REGISTRY.map((l) => l.code) as [LocaleValue, ...LocaleValue[]],
);
export type Locale = z.infer<typeof Locale>;

/** Where a user's data is stored depends on where they live (notice: "Transfer, storage, and removal"). */
export const Region = /* @__PURE__ */ z.enum(['eea', 'us_ca']);
export type Region = z.infer<typeof Region>;

/** An RFC 3339 UTC timestamp written by the server, e.g. `2026-01-31T09:00:00.000Z`. */
export const Timestamp = /* @__PURE__ */ z.iso.datetime();

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = /* @__PURE__ */ z.iso.date();

export const Uuid = /* @__PURE__ */ z.uuid();

/** Which surface a decision or request came from. */
export const Surface = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('widget'), app: AppId }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('extension') }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('api') }),
]);
export type Surface = z.infer<typeof Surface>;
