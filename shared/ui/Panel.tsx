import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { AppId, Region } from '../contract/common.ts';
import { ConsentList } from './ConsentList.tsx';
import { useCore } from './CoreContext.ts';
import { FirstLayer } from './FirstLayer.tsx';
import { FullNotice } from './FullNotice.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useT } from './I18nContext.ts';
import { NoticePending } from './NoticePending.tsx';
import { OfflineNotice } from './OfflineNotice.tsx';
import { StorageNotice } from './StorageNotice.tsx';
import { RequestsView } from './RequestsView.tsx';
import { ViewNav } from './ViewNav.tsx';
import type { PanelView } from './views.ts';

export interface PanelProps {
  view: PanelView;
  onViewChange(view: PanelView): void;
  /** The app the person is in; its processing rows come first. */
  app?: AppId | undefined;
  /** Where the person lives, for the storage location (R5). */
  region?: Region | undefined;
  /** For the shell's close button; the panel itself renders no dialog frame. */
  onClose?: (() => void) | undefined;
  /** A shell that closes on a first-layer decision (the widget's dialog) announces what was recorded itself. */
  onDecided?: ((said: string) => void) | undefined;
}

/** The whole privacy-controls UI: a view switcher and the overview, full notice, consents and requests views. */
export function Panel({ view, onViewChange, app, region, onDecided }: PanelProps) {
  const { t, lang } = useT();
  const core = useCore();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const hasNotice = core.notice.response.value !== null;
  const needsNotice = view !== 'requests';
  const loading = needsNotice && !hasNotice && core.notice.status.value !== 'error';

  // A view opened from inside a view (e.g. "Read the full notice") removes the focused button: move focus
  // to the new view's heading. A switch from the nav keeps focus on the nav, as with tabs.
  // Invariant for every focus move in the UI: a layout effect, run in the same task as the render. A plain
  // effect runs after paint, when a fast keyboard user may already have moved on, and would pull focus back.
  useLayoutEffect(() => {
    if (firstRender.current) return void (firstRender.current = false);
    const root = headingRef.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement ?? null;
    if (!active || !navRef.current?.contains(active)) headingRef.current?.focus();
  }, [view]);

  return (
    <div class="tp-panel" lang={lang}>
      <ViewNav view={view} onViewChange={onViewChange} navRef={navRef} />
      <LanguageSwitch />
      <OfflineNotice />
      <StorageNotice />
      <section class="tp-view" aria-labelledby={headingId} aria-busy={loading}>
        <h2 id={headingId} class="tp-view-title" tabIndex={-1} ref={headingRef}>
          {t(`view.${view}`)}
        </h2>
        {needsNotice && !hasNotice ? (
          <NoticePending />
        ) : view === 'overview' ? (
          <FirstLayer app={app} region={region} onViewChange={onViewChange} onDecided={onDecided} />
        ) : view === 'notice' ? (
          <FullNotice app={app} region={region} titled={false} />
        ) : view === 'consents' ? (
          <ConsentList />
        ) : (
          <RequestsView />
        )}
      </section>
    </div>
  );
}
