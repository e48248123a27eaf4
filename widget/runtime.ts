// The widget runtime (twikit-privacy-core.js): the shared core, the custom element, the JS API behind
// `window.TwikitPrivacy`, and DOM events. The panel (Preact UI) is a further chunk loaded on first open.
import { effect } from '@preact/signals-core';
import type { PurposeId } from '../shared/contract/notice.ts';
import { createBaseCore, type BaseCore } from '../shared/base-core.ts';
import { pickLocaleAmong } from '../shared/i18n/pick-locale.ts';
import type { Locale } from '../shared/registry/locales.ts';
import { lastSubjectKey } from '../shared/models/identity.ts';
import { justInTimePurposes, purposeIds } from '../shared/registry/purpose-rules.ts';
import { createLauncher, launcherCss, sheetFor } from './launcher.ts';
import { hidePollution } from './pollution.ts';
import { fetchNoticeEarly } from './early-notice.ts';
import { rememberSeen, seenHint } from './seen-hint.ts';
import type { ChangeDetail, InitOptions, TwikitPrivacyApi, View } from './public-api.ts';
import { SHELL_STRINGS } from './shell-strings.ts';

/** Answers fetched ahead of need, by URL: handed to the first GET of that URL (and then forgotten). */
export type Early = Map<string, Promise<Response>>;

/** What the loader drives: the public API minus what the loader itself answers, plus later options. */
export type Runtime = Omit<TwikitPrivacyApi, 'version' | 'init' | 'push'> & { update(options: InitOptions): void };

/** What the panel chunk exports (see panel.tsx). */
export interface PanelModule {
  /** Adds the panel's models and the decisions API to the core. */
  attach(core: BaseCore): void;
  /** Loads what the first frame needs (the person's language; on a first visit, the notice too). */
  prepare(core: BaseCore, options?: { firstVisit?: boolean }): Promise<void>;
  mountDialog(root: ShadowRoot, core: BaseCore, options: DialogOptions): () => void;
  mountInline(root: ShadowRoot, core: BaseCore, options: { app: InitOptions['app']; region: InitOptions['region'] }): () => void;
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
}

export const ELEMENT_NAME = 'twikit-privacy';

/** The locale registry's codes (shared/registry/locales.ts), put in by the build (widget/vite-builds.ts). */
declare const __WIDGET_LOCALES__: readonly Locale[];

const VIEWS: readonly View[] = ['overview', 'notice', 'consents', 'requests'];
const PURPOSES: readonly PurposeId[] = purposeIds();

class TwikitPrivacyElement extends HTMLElement {}

// The panel is a chunk next to this file; what both use (signals, models, the API client) stays in this file.
let panelModule: Promise<PanelModule> | null = null;
function loadPanel(): Promise<PanelModule> {
  hidePollution(); // every time: the page may have polluted Object.prototype since the last open
  panelModule ??= import('./panel.tsx');
  return panelModule;
}

/** Starts the widget on this page. Resolves once the element is in the page; state loads in the background. */
export async function startRuntime(initial: InitOptions, fromLoader: Early = new Map()): Promise<Runtime> {
  // The loader's own object, not a copy: what a page passes to `init` while the runtime starts (a getToken, say)
  // is seen at once, e.g. by the first-visit check below.
  const options: InitOptions = initial;
  const controller = new AbortController();
  // The element needs no behaviour of its own: a page whose registry refuses or breaks `define` still gets the controls.
  try {
    if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, TwikitPrivacyElement);
  } catch (error) {
    console.warn('[twikit-privacy] custom element not defined', error);
  }

  const apiBase = options.api ?? new URL(/* @vite-ignore */ '..', import.meta.url).href.replace(/\/$/, '');
  const locale = pickLocaleAmong(__WIDGET_LOCALES__, options.lang, document.documentElement.lang, navigator.languages);
  // Answers fetched ahead of need (the notice for a first visit: by the loader, or below), handed to the first call that asks.
  const early: Early = new Map(fromLoader);
  const pageFetch = globalThis.fetch.bind(globalThis);
  const fetchWithEarly: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const hit = (init?.method ?? 'GET') === 'GET' ? early.get(url) : undefined;
    if (!hit) return pageFetch(input, init);
    early.delete(url);
    return hit;
  };

  // A device that has seen no one here will show the first layer: fetch the panel, its language and the notice
  // now, alongside the identity and consent calls, not after them. A returning person (who opens the panel
  // rarely) pays nothing for this. The synchronous hint starts it before IndexedDB opens; the cache (below)
  // decides, and starts it if the hint was missing.
  const autoOpens = options.mode !== 'inline' && options.autoOpen !== false;
  let prefetched: Promise<PanelModule> | null = null;
  const prefetch = () => {
    if (prefetched) return prefetched;
    fetchNoticeEarly(early, pageFetch, apiBase, locale); // unless the loader already did
    prefetched = loadPanel();
    return prefetched;
  };
  // Read once; written back only when missing (one localStorage write on a first visit, none after).
  const hinted = seenHint(apiBase);
  const remember = () => void (hinted || rememberSeen(apiBase));
  if (autoOpens && !hinted) void prefetch().catch(() => undefined);

  const core = await createBaseCore({
    fetch: fetchWithEarly,
    apiBase,
    surface: { kind: 'widget', app: options.app ?? 'twikit_live' },
    app: options.app,
    region: options.region,
    locale,
    // The host may hand over `getToken` after we started; always ask the current one.
    hostToken: async (o) => (options.getToken ? options.getToken(o) : null),
    // A decision before the panel was ever opened (GPC set only in JS): bring the panel's decision code.
    needDecisions: () => void loadPanel().then((panel) => panel.attach(core)),
  });

  if (autoOpens) {
    // What the first layer needs (the notice checked, the language) is prepared while the cache is asked whether
    // this device has seen anyone; the cache alone decides whether it opens.
    const prepare = () => prefetch().then((panel) => panel.prepare(core, { firstVisit: true }));
    const prepared = prefetched ? prepare() : null;
    prepared?.catch(() => undefined);
    void core.cache
      .get(lastSubjectKey(apiBase))
      .then(async (seen) => {
        if (seen !== undefined) return remember();
        // A visitor (no host account) on a device that has seen no one cannot have decided anything yet: the first
        // layer can show without waiting for the identity and consent calls. A host's user may have decided on
        // another device, so for them it waits for the server's state (below).
        await (prepared ?? prepare());
        if (!options.getToken && openSeq === 0 && closeDialog === null) runtime.open('overview');
      })
      .catch(() => undefined);
  }

  const inline = options.mode === 'inline';
  const target = typeof options.target === 'string' ? document.querySelector(options.target) : options.target;
  const host = document.createElement(ELEMENT_NAME);
  host.setAttribute('data-mode', inline ? 'inline' : 'launcher');
  // A page's wrapper of attachShadow (session replay) may forget to return the root; an open root is reachable anyway.
  const root = host.attachShadow({ mode: 'open' }) ?? (host.shadowRoot as ShadowRoot);
  root.adoptedStyleSheets = [sheetFor(launcherCss)];
  (inline && target ? target : document.body).append(host);

  let closeDialog: (() => void) | null = null;
  let unmountInline: (() => void) | null = null;
  const launcher = inline ? null : createLauncher(labelFor(locale), () => runtime.open(), controller.signal);
  if (launcher) root.append(launcher);
  if (inline) {
    void loadPanel()
      .then(async (panel) => {
        await panel.prepare(core);
        unmountInline = panel.mountInline(root, core, { app: options.app, region: options.region });
      })
      .catch((e: unknown) => console.warn('[twikit-privacy] the inline panel could not load', e));
  }

  // Events: one `ready` once state is known, then a `change` per purpose that moves.
  const listeners = new Set<{ purpose: PurposeId | '*'; listener: (d: ChangeDetail) => void }>();
  let known: Map<PurposeId, boolean> | null = null;
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const stopEffect = effect(() => {
    const state = core.consents.state.value;
    if (!state) return;
    const next = new Map(state.purposes.map((p) => [p.purpose, p.active] as const));
    const previous = known;
    known = next;
    if (!previous) {
      document.dispatchEvent(new CustomEvent('twikit-privacy:ready', { detail: { purposes: Object.fromEntries(next) } }));
      resolveReady();
      return;
    }
    for (const [purpose, active] of next) {
      if (previous.get(purpose) === active) continue;
      const detail: ChangeDetail = { purpose, active };
      document.dispatchEvent(new CustomEvent('twikit-privacy:change', { detail }));
      for (const l of listeners) if (l.purpose === '*' || l.purpose === purpose) safeCall(() => l.listener(detail));
    }
  });

  // Only the latest open() shows a dialog: calls that overlap while the panel loads never stack modals.
  let openSeq = 0;
  async function openDialog(view: DialogOptions['view'], purpose?: PurposeId): Promise<boolean> {
    if (inline) return false;
    const seq = ++openSeq;
    const returnFocus = (document.activeElement === host ? (root.activeElement as HTMLElement | null) : (document.activeElement as HTMLElement | null)) ?? launcher;
    const panel = await loadPanel();
    await panel.prepare(core);
    if (seq !== openSeq) return false;
    closeDialog?.();
    return new Promise<boolean>((resolve) => {
      const close = panel.mountDialog(root, core, {
        view, app: options.app, region: options.region, returnFocus,
        ...(purpose ? { purpose } : {}),
        onClose: ({ granted }) => {
          if (closeDialog === close) closeDialog = null;
          resolve(granted);
        },
      });
      closeDialog = close;
    });
  }

  const runtime: Runtime = {
    update: (next) => Object.assign(options, next),
    open: (view) =>
      void openDialog(VIEWS.includes(view as View) ? (view as View) : 'overview').catch((e: unknown) => console.warn('[twikit-privacy] open failed', e)),
    close: () => closeDialog?.(),
    get: (purpose) => known?.get(purpose),
    ready: () => readyPromise,
    subscribe(purpose, listener) {
      const entry = { purpose, listener };
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    async requestConsent(purpose) {
      await Promise.race([readyPromise, new Promise((r) => setTimeout(r, 5000))]);
      if (!PURPOSES.includes(purpose)) return false;
      if (core.consents.active(purpose)) return true;
      if (justInTimePurposes().includes(purpose)) return openDialog('just-in-time', purpose);
      await openDialog('consents');
      return core.consents.active(purpose);
    },
    unmount() {
      controller.abort();
      stopEffect();
      closeDialog?.();
      unmountInline?.();
      host.remove();
      core.dispose();
      resolveReady();
    },
  };

  void core.start().then(() => {
    const state = core.consents.state.value;
    if (state) remember();
    // First visit: the first layer, before any optional processing (R14). Only once the server answered,
    // so a decision can be recorded.
    const undecided = state?.purposes.every((p) => p.kind !== 'consent' || !p.decided);
    const opening = closeDialog !== null || openSeq > 0;
    if (options.autoOpen !== false && !inline && state && !core.consents.fromCache.value && undecided && !opening) runtime.open('overview');
    if (!state) resolveReady(); // no state at all (offline, nothing cached): callers get `undefined`, never a hang
  });
  return runtime;
}

function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.warn('[twikit-privacy] a listener threw', error);
  }
}

const labelFor = (locale: keyof typeof SHELL_STRINGS) => SHELL_STRINGS[locale].launcher;
