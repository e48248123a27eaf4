// The widget runtime (twikit-privacy-core.js): the shared core, the custom element, the JS API behind
// `window.TwikitPrivacy`, and DOM events. The panel (Preact UI) is a further chunk loaded on first open. This file
// wires the parts: first-visit.ts (the first layer), events.ts (ready/change), dialog-control.ts (open/close).
// Teardown is one `abort()` of the controller below: the core, the events, the dialog and the element follow it.
import { createBaseCore } from '../shared/base-core.ts';
import { pickLocaleAmong } from '../shared/i18n/pick-locale.ts';
import type { Locale } from '../shared/registry/locales.ts';
import { dialogControl, mountInline } from './dialog-control.ts';
import { fetchWithEarly } from './early-notice.ts';
import { watchConsents } from './events.ts';
import { firstVisit } from './first-visit.ts';
import { checkingOrigin } from './origin-check.ts';
import { createLauncher, launcherCss, sheetFor } from './launcher.ts';
import { statusCss, statusRegion } from './status-region.ts';
import type { InitOptions, View } from './public-api.ts';
import type { Early, Runtime } from './runtime-types.ts';
import { SHELL_STRINGS } from './shell-strings.ts';

export const ELEMENT_NAME = 'twikit-privacy';

/** The locale registry's codes (shared/registry/locales.ts), put in by the build (widget/vite-builds.ts). */
declare const __WIDGET_LOCALES__: readonly Locale[];

const VIEWS: readonly View[] = ['overview', 'notice', 'consents', 'requests'];

class TwikitPrivacyElement extends HTMLElement {}

/** Starts the widget on this page. Resolves once the element is in the page; state loads in the background. */
export async function startRuntime(initial: InitOptions, fromLoader: Early = new Map()): Promise<Runtime> {
  // The loader's own object, not a copy: what a page passes to `init` while the runtime starts (a getToken, say)
  // is seen at once, e.g. by the first-visit check.
  const options: InitOptions = initial;
  const controller = new AbortController();
  const { signal } = controller;
  // The element needs no behaviour of its own: a page whose registry refuses or breaks `define` still gets the controls.
  try {
    if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, TwikitPrivacyElement);
  } catch (error) {
    console.warn('[twikit-privacy] custom element not defined', error);
  }

  const apiBase = options.api ?? new URL(/* @vite-ignore */ '..', import.meta.url).href.replace(/\/$/, '');
  const locale = pickLocaleAmong(__WIDGET_LOCALES__, options.lang, document.documentElement.lang, navigator.languages);
  // Answers fetched ahead of need (the notice for a first visit: by the loader, or by first-visit.ts), handed to
  // the first call that asks.
  const early: Early = new Map(fromLoader);
  const pageFetch = checkingOrigin(globalThis.fetch.bind(globalThis), apiBase);
  const first = firstVisit({ options, apiBase, locale, early, pageFetch, signal });

  const core = await createBaseCore({
    fetch: fetchWithEarly(early, pageFetch),
    apiBase,
    surface: { kind: 'widget', app: options.app ?? 'twikit_live' },
    app: options.app,
    region: options.region,
    locale,
    // The host may hand over `getToken` after we started; always ask the current one.
    hostToken: async (o) => (options.getToken ? options.getToken(o) : null),
    signal,
  });

  const target = options.mode === 'inline' ? findTarget(options.target) : null;
  // Inline mode without a place to render in would end up at the bottom of the page, unseen: the launcher instead.
  if (options.mode === 'inline' && !target)
    console.warn(
      `[twikit-privacy] inline mode needs data-target, the CSS selector of an element on the page${options.target ? ` ("${String(options.target)}" matches nothing)` : ''}: showing the launcher instead`,
    );
  const inline = target !== null;
  const host = document.createElement(ELEMENT_NAME);
  host.setAttribute('data-mode', inline ? 'inline' : 'launcher');
  host.setAttribute('data-corner', options.launcher ?? 'bottom-left');
  if (options.launcherOffset !== undefined)
    host.style.setProperty('--tp-launcher-offset', `${options.launcherOffset}px`);
  // A page's wrapper of attachShadow (session replay) may forget to return the root; an open root is reachable anyway.
  const root = host.attachShadow({ mode: 'open' }) ?? (host.shadowRoot as ShadowRoot);
  root.adoptedStyleSheets = [sheetFor(launcherCss), sheetFor(statusCss)];
  (target ?? document.body).append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });

  const launcher =
    inline || options.launcher === 'none' ? null : createLauncher(labelFor(locale), () => runtime.open(), signal);
  if (launcher) root.append(launcher);
  const announce = inline ? () => undefined : statusRegion(root, signal);
  const dialog = inline
    ? mountInline({ core, options, root })
    : dialogControl({ core, options, host, root, launcher, announce });
  const events = watchConsents(core.consents.state, signal);
  const autoOpen = { opening: dialog.opening, open: () => runtime.open('overview') };
  first.withCore(core, autoOpen);

  const runtime: Runtime = {
    update: (next) => Object.assign(options, next),
    open: (view) =>
      void dialog
        .open(VIEWS.includes(view as View) ? (view as View) : 'overview')
        .catch((e: unknown) => console.warn('[twikit-privacy] open failed', e)),
    close: () => dialog.close(),
    get: events.get,
    ready: events.ready,
    subscribe: events.subscribe,
    async requestConsent(purpose) {
      await Promise.race([events.ready(), delay(5000, signal)]);
      // The purposes of the notice in force, as the consent state lists them: one it does not define is never given.
      const known = core.consents.state.value?.purposes.find((p) => p.purpose === purpose);
      if (!known) return false;
      if (known.active) return true;
      if (known.justInTime) return dialog.open('just-in-time', purpose);
      await dialog.open('consents');
      return core.consents.active(purpose);
    },
    endVisit: () => core.consents.endVisit(),
    unmount: () => controller.abort(),
  };

  void core.start().then(() => {
    first.started(core, autoOpen);
    if (!core.consents.state.value) events.giveUp(); // no state at all (offline, nothing cached): callers get `undefined`, never a hang
  });
  return runtime;
}

/** The element inline mode renders into: given, or found by its selector; null when there is none (or the selector is not one). */
function findTarget(target: InitOptions['target']): Element | null {
  if (typeof target !== 'string') return target ?? null;
  try {
    return document.querySelector(target);
  } catch {
    return null;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (its timer then goes with it). */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

const labelFor = (locale: keyof typeof SHELL_STRINGS) => SHELL_STRINGS[locale].launcher;
