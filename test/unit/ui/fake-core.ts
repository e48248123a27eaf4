// A Core for UI tests: the REAL notice, consent and requests models over an in-memory fake of the rights API.
// Every answer the fake gives is parsed with the contract's own schemas first, so a test can only pass on
// data the real server could send.
import { signal } from '@preact/signals-core';
import { render } from '@testing-library/preact';
import { h, type ComponentChildren } from 'preact';
import * as z from 'zod/mini';
import { ApiError } from '../../../shared/api/api-error.ts';
import type { ApiClient } from '../../../shared/api/client.ts';
import type { AppId, Locale, Region } from '../../../shared/contract/common.ts';
import {
  ConsentDecisionResult,
  ConsentState,
  type ConsentDecisionInput,
  type ConsentEvent,
  type ConsentRecord,
} from '../../../shared/contract/consent.ts';
import { NoticeResponse, type NoticeDocument, type PurposeId } from '../../../shared/contract/notice.ts';
import { RightsRequest, type ExportFormat, type RightsRequestInput } from '../../../shared/contract/requests.ts';
import type { Core } from '../../../shared/core.ts';
import { dueDateFor } from '../../../shared/dates/due-date.ts';
import { createConsentModel } from '../../../shared/models/consent-model.ts';
import type { Identity } from '../../../shared/models/identity.ts';
import { createNoticeModel } from '../../../shared/models/notice-model.ts';
import { createRequestsModel } from '../../../shared/models/requests-model.ts';
import { createOutbox } from '../../../shared/models/outbox.ts';
import { createTabSync } from '../../../shared/models/tab-sync.ts';
import { defaultNoticeEn, withContentHash } from '../../../shared/notice/index.ts';
import { defaultNoticeDocuments } from '../../../shared/notice/default-notices.ts';
import { memoryCache, type Cache } from '../../../shared/storage/cache.ts';
import { CoreProvider } from '../../../shared/ui/CoreProvider.tsx';

type Call = 'notice' | 'consents' | 'decide' | 'requests' | 'fileRequest' | 'cancel' | 'export';

export interface FakeServer {
  notice: NoticeDocument;
  state: ConsentState;
  records: ConsentRecord[];
  requests: RightsRequest[];
  decisions: ConsentDecisionInput[];
  filed: RightsRequestInput[];
  exports: Array<{ id: string; format: ExportFormat }>;
  /** Calls that fail (with this error) until the entry is removed. */
  fail: Partial<Record<Call, ApiError>>;
  /** While set, decisions wait for `release()`: lets a test see the pending state. */
  hold: boolean;
  /** Earlier notice versions by `version|locale` (GET /v1/notice/versions/{version}), and the reads made of them. */
  earlier: Map<string, NoticeDocument>;
  earlierReads: string[];
  release(): void;
}

export interface FakeOptions {
  notice?: NoticeDocument;
  requests?: RightsRequest[];
  /** `navigator.globalPrivacyControl` as the page sees it. */
  gpc?: boolean;
  app?: AppId;
  region?: Region;
  locale?: Locale;
  cache?: Cache;
  fail?: FakeServer['fail'];
  /** Who the person is to the API: signed in through the host app (default), or a visitor known by a device token. */
  identity?: 'host' | 'device';
}

const SUBJECT = '6f1c1e0e-6a43-4c7a-9d57-1f0d3c1b2a01';
const now = () => new Date().toISOString();

/** The default English notice with its content hash, as the server publishes it. */
export const publishedNotice = (): Promise<NoticeDocument> => withContentHash(defaultNoticeEn);

/** A request as the server would return it; `overrides` change any field. */
export function makeRequest(overrides: Partial<RightsRequest> & { input?: RightsRequestInput } = {}): RightsRequest {
  const receivedAt = overrides.receivedAt ?? '2026-01-30T09:00:00.000Z';
  const due = dueDateFor(receivedAt);
  return z.parse(RightsRequest, {
    id: crypto.randomUUID(),
    type: overrides.input?.type ?? 'access',
    status: 'received',
    receivedAt,
    dueAt: due,
    originalDueAt: due,
    extensionReason: null,
    statusReason: null,
    updatedAt: receivedAt,
    completedAt: null,
    input: { type: 'access', locale: 'en', surface: { kind: 'widget', app: 'twikit_live' } },
    export: null,
    outcome: null,
    events: [{ from: null, to: 'received', actor: 'user', actorId: null, reason: null, at: receivedAt }],
    ...overrides,
  });
}

function eventFor(decision: ConsentDecisionInput['decision'], wasActive: boolean): ConsentEvent {
  if (decision === 'object') return 'objected';
  if (decision === 'withdraw-objection') return 'objection-withdrawn';
  if (decision === 'grant') return wasActive ? 'renewed' : 'given';
  return wasActive ? 'withdrawn' : 'refused';
}

/** Builds the fake server and a Core whose models talk to it; call `core.start()` to load. */
export async function createFakeCore(options: FakeOptions = {}): Promise<{ core: Core; server: FakeServer }> {
  const locale = options.locale ?? 'en';
  // As the server: the default notice in every language it is published in, served in the locale asked for; a
  // notice a test passes is the only one, served whatever the locale (the server's English fallback).
  const published = options.notice ? [options.notice] : await defaultNoticeDocuments();
  const inLocale = (requested: Locale) => published.find((d) => d.locale === requested) ?? published[0]!;
  const notice = inLocale(locale);
  let releaseHeld: (() => void) | null = null;
  let held: Promise<void> | null = null;
  const server: FakeServer = {
    notice,
    state: {
      subjectId: SUBJECT,
      subjectKind: 'device',
      purposes: notice.purposes.map((p) => ({
        purpose: p.id,
        kind: p.kind,
        active: false,
        decided: false,
        byGpc: false,
        updatedAt: null,
        noticeVersion: null,
        // What the real server writes from the notice: the rules the first load needs before the notice.
        ...(p.gpc ? { gpc: p.gpc } : {}),
        ...(p.justInTime ? { justInTime: true as const } : {}),
      })),
      gpc: { signal: false, honored: false },
    },
    records: [],
    requests: options.requests ?? [],
    decisions: [],
    filed: [],
    exports: [],
    fail: { ...options.fail },
    hold: false,
    earlier: new Map(),
    earlierReads: [],
    release() {
      // Stop holding: a decision already waiting goes on, and one still on its way to the server does not wait.
      server.hold = false;
      releaseHeld?.();
      held = null;
    },
  };
  const failIf = (call: Call) => {
    const error = server.fail[call];
    if (error) throw error;
  };

  const api = {
    baseUrl: 'https://privacy.test',
    async notice(requested: Locale) {
      failIf('notice');
      return {
        notModified: false as const,
        etag: `"${inLocale(requested).contentHash}"`,
        value: z.parse(NoticeResponse, {
          notice: inLocale(requested),
          requestedLocale: requested,
          availableLocales: published.map((d) => d.locale),
        }),
      };
    },
    async noticeAt(version: string, requested: Locale) {
      server.earlierReads.push(`${version}|${requested}`);
      // As the server: the version in the locale asked for, else in English.
      const doc = server.earlier.get(`${version}|${requested}`) ?? server.earlier.get(`${version}|en`);
      if (!doc) throw new ApiError('not-found', 'never published', 404);
      return z.parse(NoticeResponse, { notice: doc, requestedLocale: requested, availableLocales: [doc.locale] });
    },
    async consents() {
      failIf('consents');
      return z.parse(ConsentState, server.state);
    },
    async decide(input: ConsentDecisionInput) {
      if (server.hold) await (held ??= new Promise<void>((resolve) => (releaseHeld = resolve)));
      failIf('decide');
      server.decisions.push(input);
      const current = server.state.purposes.find((p) => p.purpose === input.purpose);
      const active = input.decision === 'grant' || input.decision === 'object';
      const recordedAt = now();
      const purpose = notice.purposes.find((p) => p.id === input.purpose);
      const record: ConsentRecord = {
        schemaVersion: 1,
        id: crypto.randomUUID(),
        subjectId: SUBJECT,
        subjectKind: 'device',
        purpose: input.purpose,
        event: eventFor(input.decision, current?.active ?? false),
        active,
        legalBasis: purpose?.legalBasis ?? 'consent',
        specialCategory: purpose?.specialCategory ?? false,
        method: input.method,
        gpc: false,
        surface: input.surface,
        control: input.control ?? null,
        decidedAt: input.decidedAt ?? null,
        receivedAt: recordedAt,
        expiresAt: null,
        locale: input.locale,
        noticeVersion: input.noticeVersion,
        noticeHash: notice.contentHash,
        recordedAt,
        prevHash: server.records.at(-1)?.hash ?? null,
        hash: `sha256-${server.records.length + 1}`,
      };
      server.records.push(record);
      server.state = {
        ...server.state,
        purposes: server.state.purposes.map((p) =>
          p.purpose === input.purpose
            ? {
                ...p,
                active,
                decided: true,
                byGpc: input.method === 'gpc',
                updatedAt: recordedAt,
                noticeVersion: input.noticeVersion,
              }
            : p,
        ),
      };
      return z.parse(ConsentDecisionResult, { record, state: server.state });
    },
    async requests() {
      failIf('requests');
      return server.requests.map((r) => z.parse(RightsRequest, r));
    },
    async fileRequest(input: RightsRequestInput) {
      failIf('fileRequest');
      server.filed.push(input);
      const request = makeRequest({ type: input.type, input, receivedAt: now() });
      server.requests = [request, ...server.requests];
      return request;
    },
    async cancelRequest(id: string) {
      failIf('cancel');
      const found = server.requests.find((r) => r.id === id);
      if (!found) throw new ApiError('not-found', 'No such request', 404);
      const cancelled = { ...found, status: 'cancelled' as const, updatedAt: now() };
      server.requests = server.requests.map((r) => (r.id === id ? cancelled : r));
      return z.parse(RightsRequest, cancelled);
    },
    async exportFile(href: string, format: ExportFormat) {
      failIf('export');
      server.exports.push({ id: server.requests.find((r) => r.export?.href === href)?.id ?? href, format });
      return new Blob([format === 'json' ? '{"format":"twikit-privacy-export"}' : 'a,b\n1,2\n'], {
        type: format === 'json' ? 'application/json' : 'text/csv',
      });
    },
  };
  const unused = () => Promise.reject(new ApiError('server', 'not used in UI tests'));
  const client = {
    ...api,
    me: unused,
    history: unused,
    deviceToken: unused,
    emailStart: unused,
    emailVerify: unused,
    signOut: unused,
  } as unknown as ApiClient;

  const cache = options.cache ?? memoryCache();
  const identity: Identity = {
    token: async () => 'device-token',
    subjectKey: async () => 'device',
    kind: () => options.identity ?? 'host',
  };
  const localeSignal = signal<Locale>(locale);
  const noticeModel = createNoticeModel(client, cache);
  const surface = { kind: 'widget', app: options.app ?? 'twikit_live' } as const;
  const outbox = createOutbox(cache, async () => 'outbox|device');
  const sync = createTabSync(client.baseUrl);
  const consents = createConsentModel(client, cache, {
    outbox,
    surface,
    locale: () => localeSignal.value,
    subjectKey: identity.subjectKey,
    gpc: options.gpc ?? false,
    noticeVersion: async () => notice.version,
    decisions: async () => client,
  });
  const requests = createRequestsModel(client, cache, identity.subjectKey, { outbox });
  const core: Core = {
    options: { apiBase: client.baseUrl, surface, app: options.app, region: options.region, locale },
    api: client,
    cache,
    identity,
    locale: localeSignal,
    notice: noticeModel,
    consents,
    requests,
    outbox,
    sync,
    remembers: signal(cache.persistent),
    transport: { baseUrl: client.baseUrl, call: unused as never },
    consentsApi: client,
    noticeVersion: async () => notice.version,
    shownNoticeVersion: signal<string | null>(notice.version),
    decisions: async () => client,
    signal: new AbortController().signal,
    async start() {
      await Promise.all([noticeModel.load(localeSignal.value), consents.load()]);
    },
    dispose: () => {
      outbox.dispose();
      sync.close();
    },
  };
  return { core, server };
}

/** Renders `ui` inside the core's providers (core and translations). */
export const renderWithCore = (core: Core, ui: ComponentChildren) => render(h(CoreProvider, { core }, ui));

/** The state of a purpose on the fake server. */
export const serverActive = (server: FakeServer, purpose: PurposeId): boolean =>
  server.state.purposes.find((p) => p.purpose === purpose)?.active ?? false;
