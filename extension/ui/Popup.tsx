import { effect } from '@preact/signals-core';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Core } from '../../shared/core.ts';
import { FullNotice } from '../../shared/ui/FullNotice.tsx';
import { NoticePending } from '../../shared/ui/NoticePending.tsx';
import { OfflineNotice } from '../../shared/ui/OfflineNotice.tsx';
import { Panel } from '../../shared/ui/Panel.tsx';
import type { PanelView } from '../../shared/ui/views.ts';
import { SignIn } from '../../shared/ui/SignIn.tsx';
import { markSeen } from '../news.ts';
import { withNewsLock } from '../news-lock.ts';
import { apiSource, keepReceipts } from '../receipts.ts';
import type { SessionModel } from '../session-model.ts';
import { readStored, writeStored } from '../settings.ts';
import type { ExtMessageKey } from '../messages/index.ts';
import { useExtT } from './ExtI18n.ts';
import { SignOut } from './SignOut.tsx';

/** The requests the person is looking at are no longer news (the badge counts the others). */
function useSeenWhileShown(core: Core, view: PanelView, signedIn: boolean) {
  useEffect(() => {
    if (!signedIn || view !== 'requests') return;
    return effect(() => {
      const list = core.requests.list.value;
      if (core.requests.status.value !== 'ready') return;
      void withNewsLock(async () => writeStored(markSeen(list, await readStored('seen', 'news'))));
    });
  }, [core, view, signedIn]);
}

/**
 * While the person looks at their choices, the receipts of their decisions are copied into extension storage (R34):
 * theirs to keep and check offline (extension/receipts.ts). Best effort: offline, it waits for the next look.
 */
function useKeepReceipts(core: Core, view: PanelView, signedIn: boolean) {
  useEffect(() => {
    if (!signedIn || view !== 'consents') return;
    const stop = new AbortController();
    void keepReceipts(browser.storage.local, apiSource(core.api), AbortSignal.any([stop.signal, core.signal])).catch(
      () => undefined,
    );
    return () => stop.abort();
  }, [core, view, signedIn]);
}

/**
 * The popup: signed out, the sign-in form (the notice is one tap away, R11); signed in, the shared panel.
 * An expired session asks to sign in again above the panel, which stays mounted underneath: nothing typed is lost.
 */
export function Popup({
  core,
  session,
  initialView = 'overview',
}: {
  core: Core;
  session: SessionModel;
  initialView?: PanelView;
}) {
  const { t } = useExtT();
  const [view, setView] = useState<PanelView>(initialView);
  const [readingNotice, setReadingNotice] = useState(false);
  const [message, setMessage] = useState<ExtMessageKey | null>(null);
  const current = session.session.value;
  const expired = session.expired.value;
  const signedIn = current !== null;
  useSeenWhileShown(core, view, signedIn && !expired);
  useKeepReceipts(core, view, signedIn && !expired);

  const afterSignIn = () => {
    setMessage(null);
    // A new person or a fresh session: their consents and requests, from the cache first, then the server.
    void core.outbox.load().then(async () => {
      await core.consents.load(core.signal);
      await core.requests.load(core.signal);
      // What was decided or filed while the session had ended goes now, once.
      await core.outbox.flush();
    });
  };
  const signInProps = {
    model: session,
    t,
    intro: t('signIn.intro'),
    onSignedIn: afterSignIn,
  };

  return (
    <div class="ext-popup">
      {/* A compact header: the title and one menu for the account's actions, so the panel starts near the top */}
      <header class="ext-header">
        <div class="ext-heading">
          <h1 class="ext-title">{t('ext.title')}</h1>
          {signedIn ? <p class="tp-meta">{t('session.signedInAs', { email: current.email })}</p> : null}
        </div>
        <details class="ext-menu">
          <summary class="tp-btn tp-btn-secondary">{t('session.menu')}</summary>
          <div class="ext-account">
            <button
              type="button"
              class="tp-btn tp-btn-secondary"
              onClick={() => void browser.runtime.openOptionsPage()}
            >
              {t('session.settings')}
            </button>
            {signedIn ? (
              <SignOut model={session} onDone={(cleared) => setMessage(cleared ? 'signOut.cleared' : 'signOut.done')} />
            ) : null}
          </div>
        </details>
      </header>
      <p role="status" class="tp-status">
        {message ? t(message) : null}
      </p>
      {signedIn && expired ? (
        <section class="ext-expired" aria-labelledby="ext-expired-text">
          <p id="ext-expired-text" role="alert" class="tp-error">
            {t('session.expired')}
          </p>
          <SignIn {...signInProps} initialEmail={current.email} />
        </section>
      ) : null}
      {signedIn ? (
        <div hidden={expired}>
          <Panel view={view} onViewChange={setView} region={core.options.region} />
        </div>
      ) : readingNotice ? (
        <div class="tp-panel">
          <button type="button" class="tp-btn tp-btn-secondary" onClick={() => setReadingNotice(false)}>
            {t('signIn.backToSignIn')}
          </button>
          <OfflineNotice />
          {core.notice.response.value ? <FullNotice region={core.options.region} /> : <NoticePending />}
        </div>
      ) : (
        <div class="tp-panel">
          <SignIn {...signInProps} />
          <button type="button" class="tp-link ext-notice-link" onClick={() => setReadingNotice(true)}>
            {t('signIn.readNotice')}
          </button>
        </div>
      )}
    </div>
  );
}
