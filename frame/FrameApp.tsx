import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PanelCore } from '../shared/core.ts';
import { useT } from '../shared/ui/I18nContext.ts';
import { RequestsView } from '../shared/ui/RequestsView.tsx';
import { SignIn } from '../shared/ui/SignIn.tsx';
import type { FrameSessionModel } from './frame-session.ts';
import { frameT, type FrameMessageKey } from './messages.ts';

/**
 * What the frame shows a person the host app has not signed in: sign-in by e-mail code, then the request form and
 * their requests (the widget's own RequestsView, here with this frame's session). `onHeight` gets the content's
 * height whenever it changes, for the widget to size the frame to it.
 */
export function FrameApp(props: { core: PanelCore; session: FrameSessionModel; onHeight(px: number): void }) {
  const { core, session, onHeight } = props;
  const { lang } = useT();
  const t = (key: FrameMessageKey, params?: Record<string, string | number>) => frameT(core.locale.value, key, params);
  const main = useRef<HTMLElement>(null);
  const signedIn = session.current.value;

  useLayoutEffect(() => {
    const element = main.current;
    if (!element) return;
    const observer = new ResizeObserver(() => onHeight(Math.ceil(element.getBoundingClientRect().height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [onHeight]);

  return (
    <main ref={main} class="tp-panel tp-frame" lang={lang}>
      <h1 class="tp-frame-title">{t('frame.title')}</h1>
      {signedIn ? (
        <>
          <p class="tp-meta tp-frame-account">
            {t('session.signedInAs', { email: signedIn.email })}{' '}
            <button type="button" class="tp-btn tp-btn-secondary" onClick={() => void session.signOut()}>
              {t('session.signOut')}
            </button>
          </p>
          {/* Keyed by the person: another sign-in starts from an empty form and list. */}
          <RequestsView key={signedIn.subjectId} />
        </>
      ) : (
        <SignIn model={session} t={t} intro={t('frame.intro')} />
      )}
    </main>
  );
}
