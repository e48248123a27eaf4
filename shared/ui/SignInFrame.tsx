import { useEffect, useRef, useState } from 'preact/hooks';
import { FRAME_PATH, FrameMessage } from '../contract/frame-messages.ts';
import { listenFrom, postTo } from '../models/frame-channel.ts';
import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';

/**
 * Sign-in by e-mail code and the request form for a person the host app has not signed in, in a frame served from
 * the rights API's origin (R68): the host page's scripts can read this shadow root, but not a cross-origin frame,
 * so the code and the session stay out of their reach. The frame says only its height; it is told only the
 * language (R69: exact origins both ways, shared/models/frame-channel.ts).
 */
export function SignInFrame() {
  const { options, locale: current } = useCore();
  const { t, locale } = useT();
  const frame = useRef<HTMLIFrameElement>(null);
  const api = new URL(options.apiBase).origin;
  // The first language goes in the URL (the frame paints in it at once); later switches go as messages.
  const [src] = useState(() => {
    const query = new URLSearchParams({ origin: location.origin, lang: current.peek() });
    if (options.surface.kind === 'widget') query.set('app', options.surface.app);
    if (options.region) query.set('region', options.region);
    return `${api}${FRAME_PATH}?${query}`;
  });
  useEffect(() => {
    const lifetime = new AbortController();
    // Through the CSSOM, which no style-src governs (a style attribute in the markup would need 'unsafe-inline').
    const take = (m: FrameMessage) => {
      if (m.kind === 'height') frame.current?.style.setProperty('height', `${m.px}px`);
      // Escape inside the frame: the same key event from the frame element, so the dialog's own handler closes it.
      else frame.current?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    };
    listenFrom(api, () => frame.current?.contentWindow, FrameMessage, take, lifetime.signal);
    return () => lifetime.abort();
  }, [api]);
  useEffect(() => postTo(frame.current?.contentWindow, api, { kind: 'locale', locale }), [api, locale]);
  return <iframe ref={frame} class="tp-signin-frame" title={t('requests.visitor.signIn')} src={src} />;
}
