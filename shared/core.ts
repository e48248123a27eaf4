import { effect, signal, type Signal } from '@preact/signals-core';
import { createApiClient, type ApiClient } from './api/client.ts';
import type { AppId, Locale, Region, Surface } from './contract/common.ts';
import { createConsentModel, type ConsentModel } from './models/consent-model.ts';
import { gpcSignal } from './models/gpc.ts';
import { createIdentity, type HostTokenCallback, type Identity } from './models/identity.ts';
import { createNoticeModel, type NoticeModel } from './models/notice-model.ts';
import { createRequestsModel, type RequestsModel } from './models/requests-model.ts';
import { openCache, type Cache } from './storage/cache.ts';

export interface CoreOptions {
  apiBase: string;
  surface: Surface;
  /** The app the person is in (the widget's `data-app`); its processing rows come first. */
  app?: AppId | undefined;
  region?: Region | undefined;
  locale: Locale;
  hostToken?: HostTokenCallback | undefined;
  sessionToken?: (() => Promise<string | null>) | undefined;
  cache?: Cache;
  fetch?: typeof fetch;
  gpc?: boolean;
}

/** Everything a surface shows, created and disposed in one place. */
export interface Core {
  options: CoreOptions;
  api: ApiClient;
  cache: Cache;
  identity: Identity;
  locale: Signal<Locale>;
  notice: NoticeModel;
  consents: ConsentModel;
  requests: RequestsModel;
  /** Loads the notice and the consent state (cache first, then the server). */
  start(): Promise<void>;
  dispose(): void;
}

/** Builds the shared core: API client, device cache, identity and the signal models. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const cache = options.cache ?? (await openCache());
  const identity = createIdentity({
    apiBase: options.apiBase, cache, region: options.region, hostToken: options.hostToken, sessionToken: options.sessionToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const api = createApiClient({ baseUrl: options.apiBase, token: (force) => identity.token(force), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const locale = signal(options.locale);
  const notice = createNoticeModel(api, cache);
  const subjectKey = () => identity.subjectKey();
  const consents = createConsentModel(api, cache, {
    surface: options.surface,
    locale: () => locale.value,
    subjectKey,
    gpc: options.gpc ?? gpcSignal(),
    async noticeVersion() {
      if (!notice.response.value) await notice.load(locale.value);
      const version = notice.response.value?.notice.version;
      if (!version) throw notice.error.value ?? new Error('The notice could not be loaded.');
      return version;
    },
  });
  const requests = createRequestsModel(api, cache, subjectKey);
  const controller = new AbortController();
  let started = false;
  // A language switch reloads the notice in that language (the first run is start()'s).
  const stopLocaleEffect = effect(() => {
    const next = locale.value;
    if (started) void notice.load(next, controller.signal);
  });

  return {
    options, api, cache, identity, locale, notice, consents, requests,
    async start() {
      started = true;
      await Promise.all([notice.load(locale.value, controller.signal), consents.load(controller.signal)]);
    },
    dispose() {
      stopLocaleEffect();
      controller.abort();
      cache.close();
    },
  };
}
