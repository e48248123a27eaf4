// twikit-privacy.js: the one script a host page loads. Tiny on purpose: it installs `window.TwikitPrivacy`,
// replays calls queued before it arrived, and loads the runtime module from next to itself.
// Invariants: nothing here throws into the host page; loading it twice is a no-op.
import type { ChangeDetail, InitOptions, TwikitPrivacyApi, View } from './public-api.ts';
import type { Early, Runtime } from './runtime-types.ts';
import type { PurposeId } from '../shared/contract/notice.ts';
import { pickLocaleAmong } from '../shared/i18n/pick-locale.ts';
import type { Locale } from '../shared/registry/locales.ts';
import { fetchNoticeEarly } from './early-notice.ts';
import { seenHint } from './seen-hint.ts';

declare const __WIDGET_VERSION__: string;
/** The panel's and the languages' file names (content-hashed), put in by the build (widget/vite-builds.ts). */
declare const __WIDGET_CHUNKS__: Partial<Record<'panel' | Locale, string>>;
/** The locale registry's codes (shared/registry/locales.ts), first the fallback, put in by the build. */
declare const __WIDGET_LOCALES__: readonly Locale[];
/** Each checked `data-*` attribute's allowed values (widget/embed-choices.ts), put in by the build. */
declare const __WIDGET_CHOICES__: Record<'region' | 'app' | 'lang' | 'mode' | 'launcher', readonly string[]>;

const warn = (what: string, error?: unknown) => console.warn(`[twikit-privacy] ${what}`, error ?? '');

function safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      warn(`${name} failed`, error);
      return fallback;
    }
  };
}

function install(script: HTMLScriptElement | null): void {
  const existing = window.TwikitPrivacy;
  if (existing && !Array.isArray(existing) && (existing as TwikitPrivacyApi).version) return;
  const queue: unknown[] = Array.isArray(existing) ? existing : [];
  const data = script?.dataset ?? {};
  // A wrong value is the product team's mistake, not the person's: said once in the console, with what would
  // be right, and the default used instead (a typo never reaches the API as a 422).
  const checked = <K extends keyof typeof __WIDGET_CHOICES__>(
    name: K,
  ): InitOptions[K & keyof InitOptions] | undefined => {
    const value = data[name];
    if (!value) return undefined;
    // A language may carry a region (nl-BE): its language is what is checked, and what is used.
    const wanted = name === 'lang' ? value.toLowerCase().split('-')[0]! : value;
    if (__WIDGET_CHOICES__[name].includes(wanted)) return wanted as InitOptions[K & keyof InitOptions];
    warn(`data-${name}="${value}" is not one of ${__WIDGET_CHOICES__[name].join(', ')}: using the default`);
    return undefined;
  };
  const offset = Number(data.launcherOffset);
  if (data.launcherOffset && !(offset >= 0 && offset <= 200))
    warn(`data-launcher-offset="${data.launcherOffset}" is not a number of pixels from 0 to 200: using the default`);
  const options: InitOptions = {
    ...(data.api ? { api: data.api } : {}),
    ...(data.target ? { target: data.target } : {}),
    ...(data.autoOpen === 'false' ? { autoOpen: false } : {}),
    ...(offset >= 0 && offset <= 200 && data.launcherOffset ? { launcherOffset: offset } : {}),
  };
  for (const name of ['app', 'region', 'lang', 'mode', 'launcher'] as const) {
    const value = checked(name);
    if (value) Object.assign(options, { [name]: value });
  }
  let runtime: Runtime | null = null;
  let unmounted = false;
  const waiting: Array<(r: Runtime) => void> = [];
  const whenRuntime = (fn: (r: Runtime) => void) => (runtime ? fn(runtime) : waiting.push(fn));

  const api: TwikitPrivacyApi = {
    version: __WIDGET_VERSION__,
    init: safe('init', undefined, (more: InitOptions) => {
      Object.assign(options, more);
      runtime?.update(options);
    }),
    open: safe('open', undefined, (view?: View) => whenRuntime((r) => r.open(view))),
    close: safe('close', undefined, () => whenRuntime((r) => r.close())),
    get: safe('get', undefined, (purpose: PurposeId) => runtime?.get(purpose)),
    ready: safe(
      'ready',
      Promise.resolve(),
      () => new Promise<void>((resolve) => whenRuntime((r) => void r.ready().then(resolve, resolve))),
    ),
    subscribe: safe(
      'subscribe',
      () => undefined,
      (purpose: PurposeId | '*', listener: (detail: ChangeDetail) => void) => {
        let off: (() => void) | null = null;
        let cancelled = false;
        whenRuntime((r) => {
          if (!cancelled) off = r.subscribe(purpose, listener);
        });
        return () => {
          cancelled = true;
          off?.();
        };
      },
    ),
    requestConsent: safe(
      'requestConsent',
      Promise.resolve(false),
      (purpose: PurposeId) =>
        new Promise<boolean>((resolve) =>
          whenRuntime((r) => void r.requestConsent(purpose).then(resolve, () => resolve(false))),
        ),
    ),
    endVisit: safe(
      'endVisit',
      Promise.resolve(false),
      () =>
        new Promise<boolean>((resolve) => whenRuntime((r) => void r.endVisit().then(resolve, () => resolve(false)))),
    ),
    push: safe('push', undefined, (command: readonly unknown[]) => {
      const [name, ...args] = command;
      const method =
        typeof name === 'string' && name !== 'push' ? (api as unknown as Record<string, unknown>)[name] : undefined;
      if (typeof method === 'function') (method as (...a: unknown[]) => unknown)(...args);
      else warn(`unknown command ${String(name)}`);
    }),
    unmount: safe('unmount', undefined, () => {
      unmounted = true;
      runtime?.unmount();
      runtime = null;
    }),
  };
  window.TwikitPrivacy = api;
  for (const command of queue) if (Array.isArray(command)) api.push(command);

  const moduleUrl = new URL('twikit-privacy-core.js', script?.src || document.baseURI).href;
  // The runtime first, whatever else is fetched: everything waits for it. (When the page is still parsing, it is
  // imported on DOMContentLoaded, below; meanwhile it downloads.)
  preload(moduleUrl, script?.nonce, 'high');
  // The rights API is, unless told, the origin the widget is served under (as the runtime would find it).
  // (From a versioned URL, /widget/v<version>/, that is one folder further up.)
  options.api ??= new URL(/\/widget\/v[^/]+\/[^/]*$/.test(moduleUrl) ? '../..' : '..', moduleUrl).href.replace(
    /\/$/,
    '',
  );
  // A device that has seen no one at this API will show the first layer: fetch the panel and the person's
  // language now, beside the runtime, rather than after it (the runtime decides; this only starts the download).
  // The notice too: the runtime hands this answer to the first call that asks for that URL (widget/runtime.ts).
  const firstVisit = options.mode !== 'inline' && options.autoOpen !== false && !seenHint(options.api);
  const chunks = typeof __WIDGET_CHUNKS__ === 'object' ? __WIDGET_CHUNKS__ : {};
  const early: Early = new Map();
  if (firstVisit) {
    const locale = pickLocaleAmong(
      __WIDGET_LOCALES__,
      options.lang,
      document.documentElement.lang,
      navigator.languages,
    );
    // Low priority: the runtime (fetched at once, below) is what everything else waits for.
    for (const file of [chunks.panel, chunks[locale]])
      if (file) preload(new URL(file, moduleUrl).href, script?.nonce, 'low');
    fetchNoticeEarly(early, fetch, options.api, locale);
  }
  const start = () => {
    if (unmounted) return;
    import(/* @vite-ignore */ moduleUrl)
      .then((mod: { startRuntime: (o: InitOptions, e: Early) => Promise<Runtime> }) => mod.startRuntime(options, early))
      .then((r) => {
        if (unmounted) return r.unmount();
        runtime = r;
        for (const fn of waiting.splice(0)) fn(r);
      })
      .catch((error: unknown) => {
        warn('could not start; privacy controls are unavailable', error);
        // Callers waiting on the runtime get "no decision" rather than hanging forever.
        for (const fn of waiting.splice(0)) fn(unavailableRuntime);
      });
  };
  // Start once the page's own scripts have run, so an `init` they queue (e.g. getToken) is in place. Later
  // (async) loads start at once: the module arrives in a later task anyway, and options given after it still
  // reach the runtime (it keeps the same options object).
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** Fetches (and compiles) a module ahead of `import()`, where the browser supports modulepreload. */
function preload(href: string, nonce: string | undefined, priority: 'high' | 'low' | 'auto' = 'auto'): void {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  link.fetchPriority = priority;
  if (nonce) link.nonce = nonce; // a page with a nonce-based CSP allows what its own script adds with it
  (document.head ?? document.documentElement).append(link);
}

const unavailableRuntime: Runtime = {
  update: () => undefined,
  open: () => undefined,
  close: () => undefined,
  get: () => undefined,
  ready: () => Promise.resolve(),
  subscribe: () => () => undefined,
  requestConsent: () => Promise.resolve(false),
  endVisit: () => Promise.resolve(false),
  unmount: () => undefined,
};

try {
  install(document.currentScript as HTMLScriptElement | null);
} catch (error) {
  warn('could not install', error);
}
