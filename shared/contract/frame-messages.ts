import * as z from 'zod/mini';
import { Locale } from './common.ts';

// The messages between the widget (on the host page) and the sign-in frame (served from the rights API's
// origin, server/http/frame-files.ts). R68: the frame tells the widget only what it needs to lay itself out and
// to say what happened; the e-mail address, the code and the session never leave the frame. R69: both sides
// post to one exact origin, check `event.origin` and `event.source`, and drop anything these schemas refuse.
// Not part of the HTTP contract (no OpenAPI): `postMessage` between two windows.

/** Marks our messages among whatever else a page posts to its windows. */
const tag = /* @__PURE__ */ z.literal('twikit-frame');

/** What the frame tells the widget: its content's height, that the person signed in, that a request was filed. */
export const FrameMessage = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /* @__PURE__ */ z.object({
    type: tag,
    kind: /* @__PURE__ */ z.literal('height'),
    px: /* @__PURE__ */ z
      .number()
      .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(0), /* @__PURE__ */ z.maximum(20_000)),
  }),
  /* @__PURE__ */ z.object({ type: tag, kind: /* @__PURE__ */ z.literal('signed-in') }),
  /* @__PURE__ */ z.object({
    type: tag,
    kind: /* @__PURE__ */ z.literal('filed'),
    reference: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-F]{8}$/)),
  }),
]);
export type FrameMessage = z.infer<typeof FrameMessage>;

/** What the widget tells the frame: the language the person chose in the panel. */
export const WidgetMessage = /* @__PURE__ */ z.object({
  type: tag,
  kind: /* @__PURE__ */ z.literal('locale'),
  locale: Locale,
});
export type WidgetMessage = z.infer<typeof WidgetMessage>;

/** The frame page's path on the rights API's origin. */
export const FRAME_PATH = '/frame/';
