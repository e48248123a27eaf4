import * as z from 'zod/mini';
import { ConsentDecisionResult, ConsentHistory, ConsentState, type ConsentDecisionInput } from '../contract/consent.ts';
import type { Locale } from '../contract/common.ts';
import { NoticeResponse } from '../contract/notice.ts';
import { Problem } from '../contract/problem.ts';
import { ExportFormat, RightsRequest, RightsRequestList, type RightsRequestInput } from '../contract/requests.ts';
import { EmailStartResult, Me, SessionResult } from '../contract/auth.ts';
import { ApiError, kindFor } from './api-error.ts';

/** Supplies the bearer token; `forceRefresh` after a 401 asks for a fresh one. Null = no token available. */
export type TokenSource = (forceRefresh: boolean) => Promise<string | null>;

export interface ApiClientOptions {
  baseUrl: string;
  token: TokenSource;
  fetch?: typeof fetch;
  /** Abort a call that has not answered after this long. */
  timeoutMs?: number;
}

interface CallOptions<S extends z.core.$ZodType | null> {
  schema: S;
  body?: unknown;
  headers?: Record<string, string>;
  auth?: boolean;
  signal?: AbortSignal;
  /** Statuses that are answers, not errors (e.g. 304). */
  accept?: readonly number[];
}

export type NoticeResult = { notModified: true } | { notModified: false; etag: string | null; value: NoticeResponse };

/** A client of the rights API. Every response is checked against the contract; anything else is an `ApiError`. */
export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function send(method: string, path: string, call: CallOptions<z.core.$ZodType | null>, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      return await doFetch(base + path, { method, headers, signal, ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}) });
    } catch (error) {
      if (timeout.aborted) throw new ApiError('timeout', `The privacy service did not answer within ${timeoutMs / 1000} s.`);
      if (call.signal?.aborted) throw error;
      throw new ApiError('offline', 'The privacy service cannot be reached.');
    }
  }

  async function call<S extends z.core.$ZodType | null>(method: string, path: string, call: CallOptions<S>): Promise<{ response: Response; data: S extends z.core.$ZodType ? z.infer<S> : null }> {
    let token = call.auth === false ? null : await options.token(false);
    let response = await send(method, path, call, token);
    if (response.status === 401 && call.auth !== false) {
      token = await options.token(true);
      if (token) response = await send(method, path, call, token);
    }
    if (call.accept?.includes(response.status)) return { response, data: null as never };
    if (!response.ok) throw await problemError(response);
    if (!call.schema) return { response, data: null as never };
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiError('invalid-response', 'The privacy service sent an answer that is not JSON.', response.status);
    }
    const parsed = z.safeParse(call.schema, json);
    if (!parsed.success) {
      throw new ApiError('invalid-response', `The privacy service sent an unexpected answer (${parsed.error.issues[0]?.path.join('.') || 'body'}).`, response.status);
    }
    return { response, data: parsed.data as never };
  }

  return {
    baseUrl: base,
    /** The notice in `locale`; with `etag`, a 304 answers `{ notModified: true }`. */
    async notice(locale: Locale, etag?: string | null, signal?: AbortSignal): Promise<NoticeResult> {
      const { response, data } = await call('GET', `/v1/notice?locale=${locale}`, {
        schema: NoticeResponse, auth: false, accept: [304], ...(signal ? { signal } : {}),
        ...(etag ? { headers: { 'if-none-match': etag } } : {}),
      });
      if (response.status === 304) return { notModified: true };
      return { notModified: false, etag: response.headers.get('etag'), value: data as NoticeResponse };
    },
    me: async () => (await call('GET', '/v1/me', { schema: Me })).data,
    consents: async (signal?: AbortSignal) => (await call('GET', '/v1/consents', { schema: ConsentState, ...(signal ? { signal } : {}) })).data,
    decide: async (input: ConsentDecisionInput, idempotencyKey: string) =>
      (await call('POST', '/v1/consents', { schema: ConsentDecisionResult, body: input, headers: { 'idempotency-key': idempotencyKey } })).data,
    history: async () => (await call('GET', '/v1/consents/history', { schema: ConsentHistory })).data.records,
    requests: async (signal?: AbortSignal) => (await call('GET', '/v1/requests', { schema: RightsRequestList, ...(signal ? { signal } : {}) })).data.requests,
    fileRequest: async (input: RightsRequestInput, idempotencyKey: string) =>
      (await call('POST', '/v1/requests', { schema: RightsRequest, body: input, headers: { 'idempotency-key': idempotencyKey } })).data,
    cancelRequest: async (id: string) => (await call('POST', `/v1/requests/${encodeURIComponent(id)}/cancel`, { schema: RightsRequest, body: {} })).data,
    /** The export file of a completed access or portability request. */
    async exportFile(id: string, format: z.infer<typeof ExportFormat>): Promise<Blob> {
      const { response } = await call('GET', `/v1/requests/${encodeURIComponent(id)}/export?format=${format}`, { schema: null });
      return response.blob();
    },
    deviceToken: async (region?: string) => (await call('POST', '/v1/auth/device', { schema: SessionResult, body: region ? { region } : {}, auth: false })).data,
    emailStart: async (email: string, locale: Locale) => (await call('POST', '/v1/auth/email/start', { schema: EmailStartResult, body: { email, locale }, auth: false })).data,
    emailVerify: async (email: string, code: string) => (await call('POST', '/v1/auth/email/verify', { schema: SessionResult, body: { email, code }, auth: false })).data,
    signOut: async () => void (await call('DELETE', '/v1/auth/session', { schema: null })),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

async function problemError(response: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  try {
    const parsed = z.safeParse(Problem, await response.json());
    if (parsed.success) problem = parsed.data;
  } catch {
    // not JSON: the status alone tells the kind
  }
  const kind = kindFor(response.status, problem?.type);
  return new ApiError(kind, problem?.detail ?? `The privacy service answered ${response.status}.`, response.status, problem);
}
