import { signal, type Signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { RequestsApi } from '../api/requests-api.ts';
import type { ApiError } from '../api/api-error.ts';
import { RightsRequest, type ExportFormat, type RequestType, type RightsRequestInput } from '../contract/requests.ts';
import type { Cache } from '../storage/cache.ts';
import { newIdempotencyKey } from './ids.ts';
import { asApiError, createLoadState, type LoadState } from './load-state.ts';
import { validateRequest, type FieldProblems } from './request-validation.ts';

export type Draft = Record<string, string | boolean | undefined>;

export interface SubmitResult {
  ok: boolean;
  request?: RightsRequest;
  problems?: FieldProblems;
  error?: ApiError;
}

export interface RequestsModel extends LoadState {
  list: Signal<RightsRequest[]>;
  /** What the person typed per request type: kept across failures and reloads until the request is filed. */
  drafts: Signal<Partial<Record<RequestType, Draft>>>;
  submitting: Signal<boolean>;
  load(signal?: AbortSignal): Promise<void>;
  setField(type: RequestType, field: string, value: string | boolean | undefined): void;
  /** Validates and files the draft of `type`. A retry after a failure reuses the idempotency key: never twice. */
  submit(type: RequestType, extra: Pick<RightsRequestInput, 'locale' | 'surface'>): Promise<SubmitResult>;
  cancel(id: string): Promise<void>;
  exportFile(id: string, format: ExportFormat): Promise<Blob>;
}

const RequestList = z.array(RightsRequest);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// Drafts are this device's own data, not the contract: a plain check of their shape (the page's scripts can write
// to the origin's IndexedDB, so what comes back is checked before it fills a form).
const isDrafts = (v: unknown): v is Partial<Record<RequestType, Draft>> =>
  isObject(v) && Object.values(v).every((d) => isObject(d) && Object.values(d).every((x) => x === undefined || typeof x === 'string' || typeof x === 'boolean'));

/** The person's rights requests and the forms to file new ones. */
export function createRequestsModel(api: RequestsApi, cache: Cache, subjectKey: () => Promise<string>): RequestsModel {
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

  async function storeList(next: RightsRequest[]) {
    list.value = next;
    await cache.set(await listKey(), next);
  }

  return {
    ...load,
    list,
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
      try {
        await storeList(await api.requests(abort));
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
      try {
        const request = await api.fileRequest(checked.value, key);
        keys.delete(type);
        const rest = { ...drafts.value };
        delete rest[type];
        drafts.value = rest;
        await cache.set(await draftKey(), rest);
        await storeList([request, ...list.value.filter((r) => r.id !== request.id)]);
        return { ok: true, request };
      } catch (error) {
        const apiError = asApiError(error);
        // The server refused the input itself: a corrected draft is a new request with a new key.
        if (apiError.kind === 'invalid-input') keys.delete(type);
        return { ok: false, error: apiError };
      } finally {
        submitting.value = false;
      }
    },
    async cancel(id) {
      const updated = await api.cancelRequest(id);
      await storeList(list.value.map((r) => (r.id === id ? updated : r)));
    },
    exportFile: (id, format) => api.exportFile(id, format),
  };
}
