import type { AppId, Locale, Region } from '../shared/contract/common.ts';
import type { PurposeId } from '../shared/contract/notice.ts';

/** The views of the panel. */
export type View = 'overview' | 'notice' | 'consents' | 'requests';

/** Options a host passes to `init` (or as `data-*` attributes on the script tag). */
export interface InitOptions {
  /** Base URL of the rights API (`data-api`). */
  api?: string;
  /** The Twikit app this page belongs to (`data-app`): its processing rows come first. */
  app?: AppId;
  /** Where the person lives (`data-region`): `eea` (stored in Ireland) or `us_ca` (California). */
  region?: Region;
  /** UI language (`data-lang`); default: the page's `lang`, then the browser's languages. */
  lang?: Locale;
  /** `launcher` (a button that opens a dialog; default) or `inline` (rendered into `target`). */
  mode?: 'launcher' | 'inline';
  /** Element or CSS selector for `inline` mode (`data-target`). */
  target?: Element | string;
  /** Gives the widget the host's token for its signed-in user; called again with `forceRefresh` after a 401. */
  getToken?: (options: { forceRefresh: boolean }) => Promise<string | null> | string | null;
  /** Open the first layer automatically while the person has made no decision (default true). */
  autoOpen?: boolean;
  /**
   * Where the launcher button sits (`data-launcher`): `bottom-left` (default), `bottom-right`, `top-left`,
   * `top-right`, or `none` for a host that opens the controls from its own link (`TwikitPrivacy.open()`).
   */
  launcher?: 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right' | 'none';
  /** The launcher's distance from the corner's edges, in CSS pixels, 0–200 (`data-launcher-offset`; default 16). */
  launcherOffset?: number;
}

/** Detail of the `twikit-privacy:change` event dispatched on `document`. */
export interface ChangeDetail {
  purpose: PurposeId;
  /** Consent given (consent purposes) or objection in force (telemetry). */
  active: boolean;
}

/** `window.TwikitPrivacy`. Every method is safe to call at any time: none throws into the page. */
export interface TwikitPrivacyApi {
  readonly version: string;
  init(options: InitOptions): void;
  open(view?: View): void;
  close(): void;
  /** The purpose's current state; `undefined` until known. */
  get(purpose: PurposeId): boolean | undefined;
  /** Resolves once the state is known (from the server or this device's cache). */
  ready(): Promise<void>;
  /** Calls `listener` with each change of `purpose` (or of any purpose with `'*'`); returns an unsubscribe function. */
  subscribe(purpose: PurposeId | '*', listener: (detail: ChangeDetail) => void): () => void;
  /** Asks for a consent just in time (e.g. before a body scan); resolves with the decision (`false` for no decision). */
  requestConsent(purpose: PurposeId): Promise<boolean>;
  /**
   * Ends a visitor's visit (e.g. a shop device handed to the next person): their body-scan consent lapses now
   * instead of after the server's visit time. Resolves true once recorded, false when it could not be.
   */
  endVisit(): Promise<boolean>;
  /** Runs a queued command: `TwikitPrivacy.push(['open', 'consents'])`. */
  push(command: readonly unknown[]): void;
  /** Removes the widget from the page. */
  unmount(): void;
}

declare global {
  interface Window {
    TwikitPrivacy?: TwikitPrivacyApi | unknown[];
  }
  interface DocumentEventMap {
    'twikit-privacy:change': CustomEvent<ChangeDetail>;
    'twikit-privacy:ready': CustomEvent<{ purposes: Record<PurposeId, boolean> }>;
  }
}
