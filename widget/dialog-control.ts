// Opening and closing the panel: the modal dialog (launcher mode) or the panel in place (inline mode). Only the
// latest open() shows a dialog, so calls that overlap while the panel loads never stack modals. The panel closes
// itself when the core's signal aborts (panel.tsx).
import type { BaseCore } from '../shared/base-core.ts';
import type { PurposeId } from '../shared/contract/notice.ts';
import { loadPanel } from './load-panel.ts';
import type { InitOptions } from './public-api.ts';
import type { DialogOptions } from './runtime-types.ts';

export interface DialogControl {
  /** Opens `view`; resolves when it closes, with `granted` for a just-in-time step (false when superseded). */
  open(view: DialogOptions['view'], purpose?: PurposeId): Promise<boolean>;
  close(): void;
  /** A dialog is open, or an open() is on its way. */
  opening(): boolean;
}

export interface DialogPlace {
  core: BaseCore;
  options: InitOptions;
  host: HTMLElement;
  root: ShadowRoot;
  /** Where focus returns when nothing in the page had it. */
  launcher: HTMLElement | null;
  /** The widget's status region, outside the dialog (status-region.ts). */
  announce(text: string): void;
}

/** The dialog of a launcher-mode widget. */
export function dialogControl({ core, options, host, root, launcher, announce }: DialogPlace): DialogControl {
  let openSeq = 0;
  let closeDialog: (() => void) | null = null;
  return {
    async open(view, purpose) {
      if (core.signal.aborted) return false; // unmounted: nothing to open, nothing to load
      const seq = ++openSeq;
      const returnFocus =
        (document.activeElement === host
          ? (root.activeElement as HTMLElement | null)
          : (document.activeElement as HTMLElement | null)) ?? launcher;
      const panel = await loadPanel();
      await panel.prepare(core);
      if (seq !== openSeq || core.signal.aborted) return false;
      closeDialog?.();
      return new Promise<boolean>((resolve) => {
        const close = panel.mountDialog(root, core, {
          view,
          app: options.app,
          region: options.region,
          returnFocus,
          announce,
          ...(purpose ? { purpose } : {}),
          onClose: ({ granted }) => {
            if (closeDialog === close) closeDialog = null;
            resolve(granted);
          },
        });
        closeDialog = close;
      });
    },
    close: () => closeDialog?.(),
    opening: () => closeDialog !== null || openSeq > 0,
  };
}

/** The panel rendered in place (inline mode): there is no dialog to open. */
export function mountInline({
  core,
  options,
  root,
}: Omit<DialogPlace, 'host' | 'launcher' | 'announce'>): DialogControl {
  void loadPanel()
    .then(async (panel) => {
      await panel.prepare(core);
      if (!core.signal.aborted) panel.mountInline(root, core, { app: options.app, region: options.region });
    })
    .catch((e: unknown) => console.warn('[twikit-privacy] the inline panel could not load', e));
  return { open: async () => false, close: () => undefined, opening: () => false };
}
