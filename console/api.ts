import * as z from 'zod/mini';

/** One failure of a console call: the HTTP status and the problem+json the server sent (or a network failure). */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ConsoleError';
  }
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ConsoleApi {
  call<S extends z.core.$ZodType>(
    method: string,
    path: string,
    schema: S | null,
    options?: CallOptions,
  ): Promise<{
    body: z.infer<S>;
    headers: Headers;
  }>;
  /** The raw text of a GET (the audit CSV). */
  text(path: string, signal?: AbortSignal): Promise<string>;
}

/**
 * The console's client of the operator API, same origin. `token()` is read per call; a 401 on an authenticated
 * call means the session ended (`onEnded`), which the console answers by asking for the code again.
 */
export function createConsoleApi(token: () => string | null, onEnded: () => void): ConsoleApi {
  async function send(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ConsoleError(0, 'network', 'network');
    }
    if (response.ok) return response;
    const problem = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const type =
      String(problem.type ?? '')
        .split('/')
        .pop() ?? '';
    if (response.status === 401 && bearer && !path.startsWith('/v1/console/auth/')) onEnded();
    throw new ConsoleError(response.status, type, String(problem.detail ?? response.statusText), problem);
  }
  return {
    async call(method, path, schema, options) {
      const response = await send(method, path, options);
      const raw = response.status === 204 ? undefined : await response.json();
      const parsed = schema ? z.safeParse(schema, raw) : { success: true as const, data: raw };
      if (!parsed.success) throw new ConsoleError(response.status, 'invalid-response', 'invalid-response');
      return { body: parsed.data, headers: response.headers };
    },
    async text(path, signal) {
      return (await send('GET', path, signal ? { signal } : {})).text();
    },
  };
}
