import { ProblemCoreCheck } from '../contract/first-load.ts';
import type { ProblemCore } from '../contract/problem.ts';
import type { Schema, SchemaOutput } from '../contract/schema-check.ts';
import { ApiError, kindFor } from './api-error.ts';
import { pathOf, type Route } from './routes.ts';

/** Supplies the bearer token; `forceRefresh` after a 401 asks for a fresh one. Null = no token available. */
export type TokenSource = (forceRefresh: boolean) => Promise<string | null>;

export interface ApiClientOptions {
  baseUrl: string;
  token: TokenSource;
  fetch?: typeof fetch;
  /** Abort a call that has not answered after this long. */
  timeoutMs?: number;
  /** Aborts every call on its way (the core's: teardown is one `abort()`). */
  signal?: AbortSignal;
}

export interface CallOptions<S extends Schema | null> {
  /** What the answer must be: a contract schema (zod's, or a JSON Schema check); null for no body. */
  schema: S;
  body?: unknown;
  headers?: Record<string, string>;
  auth?: boolean;
  signal?: AbortSignal | undefined;
  /** Statuses that are answers, not errors (e.g. 304). */
  accept?: readonly number[];
  /** Values of the route's `{name}` parameters. */
  params?: Record<string, string>;
  /** Query values; undefined and null ones are left out. */
  query?: Record<string, string | null | undefined>;
}

export interface Transport {
  baseUrl: string;
  /** Calls one of the contract's routes (routes.ts). */
  call<S extends Schema | null>(
    route: Route,
    options: CallOptions<S>,
  ): Promise<{ response: Response; data: S extends Schema ? SchemaOutput<S> : null }>;
}

/** HTTP to the rights API: bearer token with one refresh on 401, a timeout, and every body checked against the contract. */
export function createTransport(options: ApiClientOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function send(
    method: string,
    path: string,
    call: CallOptions<Schema | null>,
    token: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(timeoutMs);
    const stops = [call.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
    const signal = stops.length ? AbortSignal.any([...stops, timeout]) : timeout;
    try {
      return await doFetch(base + path, {
        method,
        headers,
        signal,
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      });
    } catch (error) {
      if (timeout.aborted)
        throw new ApiError('timeout', `The privacy service did not answer within ${timeoutMs / 1000} s.`);
      if (stops.some((s) => s.aborted)) throw error; // called off (or torn down): not a failure to report
      throw new ApiError('offline', 'The privacy service cannot be reached.');
    }
  }

  return {
    baseUrl: base,
    async call(route, call) {
      const method = route.method.toUpperCase();
      const path = pathOf(route, call.params, call.query);
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
      const parsed = await call.schema['~standard'].validate(json);
      if (parsed.issues) {
        const where = parsed.issues[0]?.path?.map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
        throw new ApiError(
          'invalid-response',
          `The privacy service sent an unexpected answer (${where || 'body'}).`,
          response.status,
        );
      }
      return { response, data: parsed.value as never };
    },
  };
}

async function problemError(response: Response): Promise<ApiError> {
  let problem: ProblemCore | null = null;
  try {
    // The fields a client acts on; the rest of the problem is the server's business.
    const parsed = await ProblemCoreCheck['~standard'].validate(await response.json());
    if (!parsed.issues) problem = parsed.value;
  } catch {
    // not JSON: the status alone tells the kind
  }
  const kind = kindFor(response.status, problem?.type);
  return new ApiError(
    kind,
    problem?.detail ?? `The privacy service answered ${response.status}.`,
    response.status,
    problem,
  );
}
