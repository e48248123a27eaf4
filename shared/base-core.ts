import { signal, type Signal } from '@preact/signals-core';
import { consentsApi, type ConsentsApi } from './api/consents-api.ts';
import type { DecisionsApi } from './api/decisions-api.ts';
import { createTransport, type Transport } from './api/transport.ts';
import type { AppId, Locale, Region, Surface } from './contract/common.ts';
import { createConsentModel, type ConsentModel } from './models/consent-model.ts';
import { gpcSignal } from './models/gpc.ts';
import { createIdentity, type HostTokenCallback, type Identity, type SessionSource } from './models/identity.ts';
import { createOutbox, type Outbox } from './models/outbox.ts';
import { createTabSync, type TabSync } from './models/tab-sync.ts';
import { openCache, type Cache } from './storage/cache.ts';

export interface CoreOptions {
  apiBase: string;
  surface: Surface;
  /** The app the person is in (the widget's `data-app`); its processing rows come first. */
  app?: AppId | undefined;
  region?: Region | undefined;
  locale: Locale;
  hostToken?: HostTokenCallback | undefined;
  /** The extension's e-mail session; with it there is no device token. */
  session?: SessionSource | undefined;
  cache?: Cache;
  fetch?: typeof fetch;
  gpc?: boolean;
  /** The surface's teardown: aborting it is the core's `dispose()`. */
  signal?: AbortSignal;
}

/**
 * What must be there on every page load, before anyone opens the controls: identity, the device cache and
 * the consent state (a host asks "may I start a body scan?"). The notice and requests come with the panel.
 */
export interface BaseCore {
  options: CoreOptions;
  transport: Transport;
  consentsApi: ConsentsApi;
  cache: Cache;
  identity: Identity;
  locale: Signal<Locale>;
  consents: ConsentModel;
  /** Decisions and requests waiting on this device for the server (shared by the consent and requests models). */
  outbox: Outbox;
  /** The other tabs of this origin. */
  sync: TabSync;
  /** False when this device cannot remember (no IndexedDB, or a write failed): the UI says so. */
  remembers: Signal<boolean>;
  /** The notice version decisions are recorded against: the one shown, else the server's current one. */
  noticeVersion(): Promise<string>;
  /** Set by the panel's notice model: the version of the notice on screen. */
  shownNoticeVersion: Signal<string | null>;
  /** The API for recording decisions, imported the first time it is needed (the first script ships without it). */
  decisions(): Promise<DecisionsApi>;
  /**
   * Aborted on teardown: every listener, timer, channel and fetch of the core (and of a surface built on it) takes
   * this signal, so tearing down is this one `abort()`.
   */
  signal: AbortSignal;
  start(): Promise<void>;
  /** Aborts `signal`. */
  dispose(): void;
}

/** Builds the first-load part of the core. */
export async function createBaseCore(options: CoreOptions): Promise<BaseCore> {
  const controller = new AbortController();
  const lifetime = controller.signal;
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true, signal: lifetime });
  const cache = options.cache ?? (await openCache());
  lifetime.addEventListener('abort', () => cache.close(), { once: true });
  const withFetch = options.fetch ? { fetch: options.fetch } : {};
  const identity = createIdentity({
    apiBase: options.apiBase,
    cache,
    region: options.region,
    hostToken: options.hostToken,
    session: options.session,
    signal: lifetime,
    ...withFetch,
  });
  const transport = createTransport({
    baseUrl: options.apiBase,
    token: (force) => identity.token(force),
    signal: lifetime,
    ...withFetch,
  });
  const api = consentsApi(transport);
  const locale = signal(options.locale);
  const shownNoticeVersion = signal<string | null>(null);
  // A decision made before the panel ever loaded (GPC set only in JS) imports the small decisions API itself: the
  // first script stays without it, and nothing here waits on the surface to bring it.
  let decisionsApi: Promise<DecisionsApi> | null = null;
  const decisions = () => (decisionsApi ??= import('./api/decisions-api.ts').then((m) => m.decisionsApi(transport)));
  const noticeVersion = async () =>
    shownNoticeVersion.value ?? (await (await decisions()).noticeVersion(locale.value)).version;
  const subject = () => identity.subjectKey();
  const sync = createTabSync(options.apiBase, lifetime);
  const outbox = createOutbox(cache, async () => `${options.apiBase}|outbox|${await subject()}`, {
    onChange: () => void subject().then((s) => sync.post({ kind: 'outbox', subject: s })),
    signal: lifetime,
  });
  const remembers = signal(cache.persistent);
  cache.onPersistenceLost(() => void (remembers.value = false));
  const consents = createConsentModel(api, cache, {
    outbox,
    broadcast: (state) => void subject().then((s) => sync.post({ kind: 'consents', subject: s, state })),
    decisions,
    surface: options.surface,
    locale: () => locale.value,
    subjectKey: () => identity.subjectKey(),
    gpc: options.gpc ?? gpcSignal(),
    noticeVersion,
  });
  // Another tab decided, or sent what was waiting: show it here too (only for the same person).
  sync.listen((message) => {
    void subject().then(async (s) => {
      if (message.subject !== s) return;
      if (message.kind === 'consents') await consents.receive(message.state);
      if (message.kind === 'outbox') {
        await outbox.changed();
        consents.refresh();
      }
    });
  }, lifetime);
  return {
    options,
    transport,
    consentsApi: api,
    cache,
    identity,
    locale,
    consents,
    outbox,
    sync,
    remembers,
    noticeVersion,
    shownNoticeVersion,
    decisions,
    signal: lifetime,
    async start() {
      // What waits on this device first, so the state shows it; then send it once the server has answered.
      await outbox.load();
      await consents.load(lifetime);
      if (!lifetime.aborted) void outbox.flush();
    },
    dispose: () => controller.abort(),
  };
}
