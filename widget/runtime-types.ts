// The types the runtime's parts, the loader and the panel chunk share. Types only: importing them adds no code and
// no module edge at run time.
import type { BaseCore } from '../shared/base-core.ts';
import type { PurposeId } from '../shared/contract/notice.ts';
import type { InitOptions, TwikitPrivacyApi, View } from './public-api.ts';

/** Answers fetched ahead of need, by URL: handed to the first GET of that URL (and then forgotten). */
export type Early = Map<string, Promise<Response>>;

/** What the loader drives: the public API minus what the loader itself answers, plus later options. */
export type Runtime = Omit<TwikitPrivacyApi, 'version' | 'init' | 'push'> & { update(options: InitOptions): void };

/** What the panel chunk exports (see panel.tsx). Both mounts end by themselves when the core's signal aborts. */
export interface PanelModule {
  /** Loads what the first frame needs (the person's language; on a first visit, the notice too). */
  prepare(core: BaseCore, options?: { firstVisit?: boolean }): Promise<void>;
  mountDialog(root: ShadowRoot, core: BaseCore, options: DialogOptions): () => void;
  mountInline(
    root: ShadowRoot,
    core: BaseCore,
    options: { app: InitOptions['app']; region: InitOptions['region'] },
  ): () => void;
}

export interface DialogOptions {
  view: View | 'just-in-time';
  purpose?: PurposeId;
  app: InitOptions['app'];
  region: InitOptions['region'];
  /** Called once when the dialog closes; `granted` only for a just-in-time step. */
  onClose(result: { granted: boolean }): void;
  /** Where focus returns on close. */
  returnFocus: HTMLElement | null;
  /** Says `text` in the widget's status region, outside the dialog (it stays after the dialog closes). */
  announce(text: string): void;
}
