// The sign-in frame (R68): a page of the rights API's origin that the widget shows in an iframe to a person the
// host app has not signed in. Its URL names the host page's origin (`origin`, checked against ALLOWED_ORIGINS by
// the server, which lets only that origin frame it), the language, the app and the region. It posts the host page
// nothing but its height; it takes nothing from the page but a language (R69).
import { render } from 'preact';
import * as z from 'zod/mini';
import { AppId, Locale, Region } from '../shared/contract/common.ts';
import { WidgetMessage } from '../shared/contract/frame-messages.ts';
import { createCore } from '../shared/core.ts';
import { loadMessages } from '../shared/i18n/messages/index.ts';
import { listenFrom, postTo } from '../shared/models/frame-channel.ts';
import { memoryCache } from '../shared/storage/cache.ts';
import { CoreProvider } from '../shared/ui/CoreProvider.tsx';
import { signInCss } from '../shared/ui/sign-in-css.ts';
import { panelCss } from '../shared/ui/styles.ts';
import { frameCss } from './frame-css.ts';
import { createFrameSession } from './frame-session.ts';
import { FrameApp } from './FrameApp.tsx';
import { frameT } from './messages.ts';

const params = new URLSearchParams(location.search);
const pick = <T,>(schema: z.ZodMiniType<T>, value: string | null): T | undefined => {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : undefined;
};
const hostOrigin = params.get('origin') ?? '';
const locale = pick(Locale, params.get('lang')) ?? 'en';
const region = pick(Region, params.get('region'));
const app = pick(AppId, params.get('app')) ?? 'twikfit';

document.adoptedStyleSheets = [panelCss, signInCss, frameCss].map((text) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
});

const session = createFrameSession(location.origin, region);
// No IndexedDB here: nothing of the person outlives the frame but the session in sessionStorage.
const [core] = await Promise.all([
  createCore({
    apiBase: location.origin,
    surface: { kind: 'widget', app },
    region,
    locale,
    session: session.source,
    cache: memoryCache(),
  }),
  loadMessages(locale),
]);

const lifetime = new AbortController();
// The widget says when the person picks another language in the panel; only the embedding window, at the origin
// this frame was served for, is listened to.
listenFrom(
  hostOrigin,
  () => window.parent,
  WidgetMessage,
  (message) => {
    void loadMessages(message.locale).then(() => (core.locale.value = message.locale));
  },
  lifetime.signal,
);
const onHeight = (px: number) => {
  if (window.parent !== window) postTo(window.parent, hostOrigin, { kind: 'height', px });
};
// Escape closes the widget's dialog wherever focus is (R54); key events stay in this frame, so it is told. Not when
// something in the frame used the key itself (a confirmation it closed).
addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && window.parent !== window)
      postTo(window.parent, hostOrigin, { kind: 'escape' });
  },
  { signal: lifetime.signal },
);

function App() {
  document.documentElement.lang = core.locale.value;
  document.title = frameT(core.locale.value, 'frame.title');
  return (
    <CoreProvider core={core}>
      <FrameApp core={core} session={session} onHeight={onHeight} />
    </CoreProvider>
  );
}

const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
root.dataset.ready = 'true';
