import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { RequestsApi } from '../api/requests-api.ts';
import type { ApiError } from '../api/api-error.ts';
import { RightsRequest, type ExportFormat, type RequestType, type RightsRequestInput } from '../contract/requests.ts';
import type { Cache } from '../storage/cache.ts';
import { newIdempotencyKey } from './ids.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';
import { validateRequest, type FieldProblems } from './request-validation.ts';
import type { Outbox, OutboxEntry, SendOutcome } from './outbox.ts';
import { shouldWait } from './outbox-errors.ts';

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

const RequestList = z.array(RightsRequest);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// Drafts are this device's own data, not the contract: a plain check of their shape (the page's scripts can write
// to the origin's IndexedDB, so what comes back is checked before it fills a form).
const isDrafts = (v: unknown): v is Partial<Record<RequestType, Draft>> =>
  isObject(v) && Object.values(v).every((d) => isObject(d) && Object.values(d).every((x) => x === undefined || typeof x === 'string' || typeof x === 'boolean'));

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
  return [...byId.values()].sort((a, b) => (a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1));
}

/** The person's rights requests and the forms to file new ones. */
export function createRequestsModel(api: RequestsApi, cache: Cache, subjectKey: () => Promise<string>, context: RequestsContext): RequestsModel {
  const load = createLoadState();
  const list = signal<RightsRequest[]>([]);
  const drafts = signal<Partial<Record<RequestType, Draft>>>({});
  const submitting = signal(false);
  const keys = new Map<RequestType, string>();
  const listKey = async () => `${api.baseUrl}|requests|${await subjectKey()}`;
  const draftKey = async () => `${api.baseUrl}|drafts|${await subjectKey()}`;
  let draftsRestored = false;

  async function restoreDrafts() {
    if (draftsRestored) return;
    draftsRestored = true;
    const saved = await cache.get(await draftKey());
    if (isDrafts(saved)) drafts.value = { ...saved, ...drafts.value };
  }

  /**
   * Counts the lists that arrived from elsewhere than a read (a filing's or a cancellation's answer, another tab's).
   * A read that was on its way meanwhile answers with the list from before them: it is merged, not stored as is, or
   * the request the person just filed would vanish from the list while the server holds it.
   */
  let newer = 0;

  async function storeList(next: RightsRequest[]) {
    list.value = next;
    await cache.set(await listKey(), next);
    context.broadcast?.();
  }

  const { outbox } = context;
  const outcomes = new Map<string, { request?: RightsRequest; error?: ApiError }>();
  /** Keys on their first attempt from the form: not "not sent yet" while the person waits for the answer. */
  const firstAttempt = signal<ReadonlySet<string>>(new Set());
  const queued = computed(() =>
    outbox.entries.value.filter((e) => e.kind === 'request' && !firstAttempt.value.has(e.key)).map((e) => e.body as RightsRequestInput),
  );

  // Sends one queued request under its key: however often it is sent, from whichever tab, it is filed once.
  async function send(entry: OutboxEntry): Promise<SendOutcome> {
    try {
      const request = await api.fileRequest(entry.body as RightsRequestInput, entry.key);
      outcomes.set(entry.key, { request });
      newer++;
      await storeList([request, ...list.value.filter((r) => r.id !== request.id)]);
      return 'sent';
    } catch (error) {
      const apiError = asApiError(error);
      if (shouldWait(apiError)) return 'retry';
      outcomes.set(entry.key, { error: apiError });
      // Refused later (sent from the outbox after a reload): give it back as a draft, unless one is being typed.
      const input = entry.body as RightsRequestInput;
      if (!drafts.value[input.type] && !firstAttempt.value.has(entry.key)) {
        const { type: _type, locale: _locale, surface: _surface, ...fields } = input as Record<string, unknown>;
        drafts.value = { ...drafts.value, [input.type]: fields as Draft };
        await cache.set(await draftKey(), drafts.value);
        load.error.value = apiError;
      }
      return 'refused';
    }
  }
  outbox.register('request', send);

  return {
    ...load,
    list,
    queued,
    drafts,
    submitting,
    async load(abort) {
      load.status.value = 'loading';
      await restoreDrafts();
      const cached = z.safeParse(RequestList, await cache.get(await listKey()));
      if (cached.success && list.value.length === 0) {
        list.value = cached.data;
        load.fromCache.value = true;
      }
      const seen = newer;
      try {
        const read = await api.requests(abort);
        await storeList(newer === seen ? read : mergeOvertaken(read, list.value));
        load.fromCache.value = false;
        load.error.value = null;
        load.status.value = 'ready';
      } catch (error) {
        if (abort?.aborted) return;
        load.error.value = asApiError(error);
        load.status.value = cached.success ? 'ready' : 'error';
      }
    },
    setField(type, field, value) {
      drafts.value = { ...drafts.value, [type]: { ...drafts.value[type], [field]: value } };
      void draftKey().then((key) => cache.set(key, drafts.value));
    },
    async submit(type, extra) {
      const draft = { ...drafts.value[type] };
      // Empty text fields are absent, not empty strings: the contract's optional fields stay optional.
      for (const [field, value] of Object.entries(draft)) if (typeof value === 'string' && value.trim() === '') delete draft[field];
      const checked = validateRequest({ ...draft, type, ...extra });
      if (!checked.ok) return { ok: false, problems: checked.problems };
      let key = keys.get(type);
      if (!key) keys.set(type, (key = newIdempotencyKey()));
      submitting.value = true;
      firstAttempt.value = new Set([...firstAttempt.value, key]);
      const clearDraft = async () => {
        keys.delete(type);
        const rest = { ...drafts.value };
        delete rest[type];
        drafts.value = rest;
        await cache.set(await draftKey(), rest);
      };
      try {
        // Kept on the device before the first attempt: a reload or a dropped connection mid-send loses nothing.
        await outbox.add({ key, kind: 'request', body: checked.value });
        const outcome = outcomes.get(key);
        outcomes.delete(key);
        if (outcome?.request) {
          await clearDraft();
          return { ok: true, request: outcome.request };
        }
        if (outcome?.error) {
          // The server refused the input itself: a corrected draft is a new request with a new key.
          if (outcome.error.kind === 'invalid-input' || outcome.error.kind === 'identity-required') keys.delete(type);
          return { ok: false, error: outcome.error };
        }
        // Waiting in the outbox, safe on this device: the form is free for the next request.
        await clearDraft();
        return { ok: true, queued: checked.value };
      } catch (error) {
        return { ok: false, error: asApiError(error) };
      } finally {
        const rest = new Set(firstAttempt.value);
        rest.delete(key);
        firstAttempt.value = rest;
        submitting.value = false;
      }
    },
    async cancel(id) {
      const updated = await api.cancelRequest(id);
      newer++;
      await storeList(list.value.map((r) => (r.id === id ? updated : r)));
    },
    exportFile: (id, format) => api.exportFile(id, format),
    async reloadCached() {
      const cached = z.safeParse(RequestList, await cache.get(await listKey()));
      if (cached.success) {
        newer++;
        list.value = cached.data;
      }
    },
  };
}
