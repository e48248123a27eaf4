// The panel chunk: Preact and the shared UI, loaded the first time the controls open.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { BaseCore } from '../shared/base-core.ts';
import { attachPanelModels, type PanelCore } from '../shared/core.ts';
import { loadMessages } from '../shared/i18n/messages/index.ts';
import { CoreProvider } from '../shared/ui/CoreProvider.tsx';
import { Panel } from '../shared/ui/Panel.tsx';
import { panelCss } from '../shared/ui/styles.ts';
import type { PanelView } from '../shared/ui/views.ts';
import { dialogCss } from './dialog-css.ts';
import { inertOthers } from './focus-trap.ts';
import { launcherCss, sheetFor } from './launcher.ts';
import { statusCss } from './status-region.ts';
import { PanelDialog } from './PanelDialog.tsx';
import { guardProps } from './prop-guard.ts';
import type { DialogOptions, PanelModule } from './runtime-types.ts';

// The decisions API, for the core's lazy import of it (decisions-with-panel.ts): in the widget it comes with the panel.
export { decisionsApi } from '../shared/api/decisions-api.ts';

guardProps(); // before any vnode of the panel is made

const adopt = (root: ShadowRoot) => {
  root.adoptedStyleSheets = [sheetFor(launcherCss), sheetFor(statusCss), sheetFor(panelCss), sheetFor(dialogCss)];
};

/** The full core for the panel: the notice and requests models join the first-load core, and the notice loads. */
function panelCore(base: BaseCore, networkFirst = false): PanelCore {
  const core = attachPanelModels(base);
  if (!core.notice.response.value && core.notice.status.value !== 'loading')
    void core.notice.load(core.locale.value, core.signal, { networkFirst });
  return core;
}

/**
 * Everything the panel needs before its first frame: the models and the person's language. On a first visit
 * (the first layer opening by itself) also the notice, whose answer was prefetched (runtime.ts): the dialog then
 * renders once, with its content, instead of a loading state first (≈ 90 ms less at CPU 4×).
 */
export async function prepare(base: BaseCore, options: { firstVisit?: boolean } = {}): Promise<void> {
  const core = panelCore(base, options.firstVisit === true); // starts loading the notice
  await Promise.all([loadMessages(base.locale.value), options.firstVisit ? core.notice.settled() : null]);
}

/** Opens the modal dialog in `root`; returns a function that closes it (as "no decision"), as aborting the core does. */
export function mountDialog(root: ShadowRoot, base: BaseCore, options: DialogOptions): () => void {
  adopt(root);
  const core = panelCore(base);
  const container = document.createElement('div');
  root.append(container);
  const restoreInert = inertOthers(container);
  // Lives until the dialog closes or the core is torn down, whichever comes first.
  const lifetime = new AbortController();
  // Escape closes the dialog wherever focus is (even if it was lost to the page): no decision (R18).
  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close(false);
  };
  document.addEventListener('keydown', onEscape, { signal: lifetime.signal });
  base.signal.addEventListener('abort', () => close(false), { signal: lifetime.signal });
  let open = true;
  const close = (granted: boolean) => {
    if (!open) return;
    open = false;
    lifetime.abort();
    render(null, container);
    container.remove();
    restoreInert();
    options.returnFocus?.focus();
    options.onClose({ granted });
  };
  render(
    <CoreProvider core={core}>
      <PanelDialog options={options} onClose={close} />
    </CoreProvider>,
    container,
  );
  return () => close(false);
}

function InlinePanel(props: { app: DialogOptions['app']; region: DialogOptions['region'] }) {
  const [view, setView] = useState<PanelView>('overview');
  return <Panel view={view} onViewChange={setView} app={props.app} region={props.region} />;
}

/** Renders the panel in place (an app's own settings page), until the returned function runs or the core is torn down. */
export function mountInline(
  root: ShadowRoot,
  base: BaseCore,
  options: { app: DialogOptions['app']; region: DialogOptions['region'] },
): () => void {
  adopt(root);
  const core = panelCore(base);
  const container = document.createElement('div');
  container.className = 'tp-inline';
  root.append(container);
  render(
    <CoreProvider core={core}>
      <InlinePanel {...options} />
    </CoreProvider>,
    container,
  );
  const lifetime = new AbortController();
  const unmount = () => {
    lifetime.abort();
    render(null, container);
    container.remove();
  };
  base.signal.addEventListener('abort', unmount, { signal: lifetime.signal });
  return unmount;
}

export type { PanelModule };
