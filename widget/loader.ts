// twikit-privacy.js: the one script a host page loads. Tiny on purpose: it installs `window.TwikitPrivacy`,
// replays calls queued before it arrived, and loads the runtime module from next to itself.
// Invariants: nothing here throws into the host page; loading it twice is a no-op.
import type { ChangeDetail, InitOptions, TwikitPrivacyApi, View } from './public-api.ts';
import type { Runtime } from './runtime.ts';
import type { PurposeId } from '../shared/contract/notice.ts';

declare const __WIDGET_VERSION__: string;

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
  const options: InitOptions = {
    ...(data.api ? { api: data.api } : {}),
    ...(data.app ? { app: data.app as InitOptions['app'] } : {}),
    ...(data.region ? { region: data.region as InitOptions['region'] } : {}),
    ...(data.lang ? { lang: data.lang as InitOptions['lang'] } : {}),
    ...(data.mode ? { mode: data.mode as InitOptions['mode'] } : {}),
    ...(data.target ? { target: data.target } : {}),
    ...(data.autoOpen === 'false' ? { autoOpen: false } : {}),
  };
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
    ready: safe('ready', Promise.resolve(), () => new Promise<void>((resolve) => whenRuntime((r) => void r.ready().then(resolve, resolve)))),
    subscribe: safe('subscribe', () => undefined, (purpose: PurposeId | '*', listener: (detail: ChangeDetail) => void) => {
      let off: (() => void) | null = null;
      let cancelled = false;
      whenRuntime((r) => {
        if (!cancelled) off = r.subscribe(purpose, listener);
      });
      return () => {
        cancelled = true;
        off?.();
      };
    }),
    requestConsent: safe('requestConsent', Promise.resolve(false), (purpose: PurposeId) =>
      new Promise<boolean>((resolve) => whenRuntime((r) => void r.requestConsent(purpose).then(resolve, () => resolve(false))))),
    push: safe('push', undefined, (command: readonly unknown[]) => {
      const [name, ...args] = command;
      const method = typeof name === 'string' && name !== 'push' ? (api as unknown as Record<string, unknown>)[name] : undefined;
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
  const start = () => {
    if (unmounted) return;
    import(/* @vite-ignore */ moduleUrl)
      .then((mod: { startRuntime: (o: InitOptions) => Promise<Runtime> }) => mod.startRuntime(options))
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
  // Start once the page's own scripts have run, so an `init` they queue (e.g. getToken) is in place.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else setTimeout(start, 0);
}

const unavailableRuntime: Runtime = {
  update: () => undefined,
  open: () => undefined,
  close: () => undefined,
  get: () => undefined,
  ready: () => Promise.resolve(),
  subscribe: () => () => undefined,
  requestConsent: () => Promise.resolve(false),
  unmount: () => undefined,
};

try {
  install(document.currentScript as HTMLScriptElement | null);
} catch (error) {
  warn('could not install', error);
}
