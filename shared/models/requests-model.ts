import { signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { RequestsApi } from '../api/requests-api.ts';
import { ApiError } from '../api/api-error.ts';
import { RightsRequestCheck } from '../contract/answer-checks.ts';
import type { ExportFormat, RequestType, RightsRequest, RightsRequestInput } from '../contract/requests.ts';
import type { Cache } from '../storage/cache.ts';
import { newIdempotencyKey } from './ids.ts';
import { createCachedResource } from './cached-resource.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';
import type { Outbox } from './outbox.ts';
import { createOutboxCommand } from './outbox-command.ts';
import { validateRequest, type FieldProblems } from './request-validation.ts';

export type Draft = Record<string, string | boolean | undefined>;

export interface SubmitResult {
  ok: boolean;
  request?: RightsRequest;
  /** Kept on this device, to be sent when the server can be reached (offline, server down, session to renew). */
  queued?: RightsRequestInput;
  problems?: FieldProblems;
  error?: ApiError;
}

export interface RequestsModel extends LoadState {
  list: Signal<RightsRequest[]>;
  /** Requests kept on this device, not yet received by the server, oldest first. */
  queued: ReadonlySignal<readonly RightsRequestInput[]>;
  /** What the person typed per request type: kept across failures and reloads until the request is filed. */
  drafts: Signal<Partial<Record<RequestType, Draft>>>;
  submitting: Signal<boolean>;
  load(signal?: AbortSignal): Promise<void>;
  setField(type: RequestType, field: string, value: string | boolean | undefined): void;
  /** Validates and files the draft of `type`. A retry after a failure reuses the idempotency key: never twice. */
  submit(type: RequestType, extra: Pick<RightsRequestInput, 'locale' | 'surface'>): Promise<SubmitResult>;
  cancel(id: string): Promise<void>;
  exportFile(id: string, format: ExportFormat): Promise<Blob>;
  /** Re-reads the list another tab stored. */
  reloadCached(): Promise<void>;
}

export interface RequestsContext {
  outbox: Outbox;
  /** Tells the other tabs the list changed. */
  broadcast?: () => void;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// Drafts are this device's own data, not the contract: a plain check of their shape (the page's scripts can write
// to the origin's IndexedDB, so what comes back is checked before it fills a form).
const isDrafts = (v: unknown): v is Partial<Record<RequestType, Draft>> =>
  isObject(v) &&
  Object.values(v).every(
    (d) =>
      isObject(d) && Object.values(d).every((x) => x === undefined || typeof x === 'string' || typeof x === 'boolean'),
  );

/**
 * A read overtaken by newer answers: each request as the newer of the two versions (by `updatedAt`), the ones the
 * read did not know yet added, newest first as the server lists them.
 */
export function mergeOvertaken(read: readonly RightsRequest[], current: readonly RightsRequest[]): RightsRequest[] {
  const byId = new Map(read.map((r) => [r.id, r]));
  for (const r of current) {
    const known = byId.get(r.id);
    if (!known || known.updatedAt < r.updatedAt) byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) =>
    a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1,
  );
}

/** The person's rights requests and the forms to file new ones. */
export function createRequestsModel(
  api: RequestsApi,
  cache: Cache,
  subjectKey: () => Promise<string>,
  context: RequestsContext,
): RequestsModel {
  const load = createLoadState();
  const list = signal<RightsRequest[]>([]);
  const drafts = signal<Partial<Record<RequestType, Draft>>>({});
  const submitting = signal(false);
  const keys = new Map<RequestType, string>();
  const draftKey = async () => `${api.baseUrl}|drafts|${await subjectKey()}`;
  let draftsRestored = false;

  async function restoreDrafts() {
    if (draftsRestored) return;
    draftsRestored = true;
    const saved = await cache.get(await draftKey());
    if (isDrafts(saved)) drafts.value = { ...saved, ...drafts.value };
  }

  const resource = createCachedResource<RightsRequest[]>(load, {
    cache,
    key: async () => `${api.baseUrl}|requests|${await subjectKey()}`,
    check: async (value) => {
      // A cached list that no longer fits the contract, in any item, is not shown.
      if (!Array.isArray(value)) return undefined;
      const items: RightsRequest[] = [];
      for (const item of value) {
        const parsed = await RightsRequestCheck['~standard'].validate(item);
        if (parsed.issues) return undefined;
        items.push(parsed.value);
      }
      return items;
    },
    showCached: (cached) => {
      if (list.value.length > 0) return false;
      list.value = cached;
      return true;
    },
    read: (abort) => api.requests(abort),
    // Overtaken by a filing, a cancellation or another tab's list: merged, or the request the person just filed
    // would vanish from the list while the server holds it.
    store: (read, overtaken) => storeList(overtaken ? mergeOvertaken(read, list.value) : read),
    hasValue: () => false,
  });

  async function storeList(next: RightsRequest[]) {
    list.value = next;
    await resource.writeCache(next);
    context.broadcast?.();
  }

  // Sent under its key: however often it is sent, from whichever tab, it is filed once.
  const command = createOutboxCommand<RightsRequestInput, RightsRequest>(context.outbox, 'request', {
    send: async (input, key) => {
      const request = await api.fileRequest(input, key);
      resource.overtake();
      await storeList([request, ...list.value.filter((r) => r.id !== request.id)]);
      return request;
    },
    async onRefused(error, entry, first) {
      // Refused later (sent from the outbox after a reload): give it back as a draft, unless one is being typed.
      const input = entry.body as RightsRequestInput;
      if (first || drafts.value[input.type]) return;
      const { type: _type, locale: _locale, surface: _surface, ...fields } = input as Record<string, unknown>;
      drafts.value = { ...drafts.value, [input.type]: fields as Draft };
      await cache.set(await draftKey(), drafts.value);
      load.error.value = error;
    },
  });

  return {
    ...load,
    list,
    queued: command.queued,
    drafts,
    submitting,
    async load(abort) {
      load.status.value = 'loading'; // at once, not after the drafts are read: a caller may wait for it to end
      await restoreDrafts();
      await resource.load(abort);
    },
    setField(type, field, value) {
      drafts.value = { ...drafts.value, [type]: { ...drafts.value[type], [field]: value } };
      void draftKey().then((key) => cache.set(key, drafts.value));
    },
    async submit(type, extra) {
      const draft = { ...drafts.value[type] };
      // Empty text fields are absent, not empty strings: the contract's optional fields stay optional.
      for (const [field, value] of Object.entries(draft))
        if (typeof value === 'string' && value.trim() === '') delete draft[field];
      const checked = validateRequest({ ...draft, type, ...extra });
      if (!checked.ok) return { ok: false, problems: checked.problems };
      let key = keys.get(type);
      if (!key) keys.set(type, (key = newIdempotencyKey()));
      submitting.value = true;
      const clearDraft = async () => {
        keys.delete(type);
        const rest = { ...drafts.value };
        delete rest[type];
        drafts.value = rest;
        await cache.set(await draftKey(), rest);
      };
      try {
        const outcome = await command.run(key, checked.value);
        if ('sent' in outcome) {
          await clearDraft();
          return { ok: true, request: outcome.sent };
        }
        if ('refused' in outcome) {
          // The server refused the input itself: a corrected draft is a new request with a new key.
          if (outcome.refused.kind === 'invalid-input' || outcome.refused.kind === 'identity-required')
            keys.delete(type);
          return { ok: false, error: outcome.refused };
        }
        // Waiting in the outbox, safe on this device: the form is free for the next request.
        await clearDraft();
        return { ok: true, queued: checked.value };
      } catch (error) {
        return { ok: false, error: asApiError(error) };
      } finally {
        submitting.value = false;
      }
    },
    async cancel(id) {
      const updated = await api.cancelRequest(id);
      resource.overtake();
      await storeList(list.value.map((r) => (r.id === id ? updated : r)));
    },
    exportFile(id, format) {
      // The server says where the file is (`export.href`); a request without one has no export (yet).
      const href = list.value.find((r) => r.id === id)?.export?.href;
      if (!href) return Promise.reject(new ApiError('not-found', 'This request has no export.'));
      return api.exportFile(href, format);
    },
    async reloadCached() {
      const cached = await resource.readCache();
      if (cached) {
        resource.overtake();
        list.value = cached;
      }
    },
  };
}
