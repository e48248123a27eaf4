import * as z from 'zod/mini';
import { Locale } from './common.ts';

// The messages between the widget (on the host page) and the sign-in frame (served from the rights API's
// origin, server/http/frame-files.ts). R68: the frame tells the widget only what it needs to lay itself out; the e-mail address, the code and the session never leave the frame. R69: both sides
// post to one exact origin, check `event.origin` and `event.source`, and drop anything these schemas refuse.
// Not part of the HTTP contract (no OpenAPI): `postMessage` between two windows.

/** Marks our messages among whatever else a page posts to its windows. */
const tag = /* @__PURE__ */ z.literal('twikit-frame');

/**
 * What the frame tells the widget: its content's height, to size the frame to it, and that Escape was pressed in
 * it (key events do not cross a frame, and Escape closes the dialog wherever focus is, R54). Not that the person
 * signed in or filed a request: the host page can read every message posted to its window, and needs neither.
 */
export const FrameMessage = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.object({ type: tag, kind: /* @__PURE__ */ z.literal('height'), px: /* @__PURE__ */ z.number() }),
  /* @__PURE__ */ z.object({ type: tag, kind: /* @__PURE__ */ z.literal('escape') }),
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
