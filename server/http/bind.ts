import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { Endpoint } from '../../shared/contract/endpoints.ts';
import type { OperatorPrincipal } from '../identity/operators.ts';
import type { Principal } from '../identity/principal.ts';
import { ApiProblem } from './problem.ts';
import { parseOr422, rejectBadText } from './validation.ts';

type Infer<S> = S extends z.core.$ZodType ? z.infer<S> : undefined;

export interface HandlerInput<E extends Endpoint> {
  params: Infer<E['params']>;
  query: Infer<E['query']>;
  body: Infer<E['body']>;
  principal: E['auth'] extends 'subject' | 'identity' ? Principal : null;
  /** The named operator or key (`admin` endpoints). */
  operator: E['auth'] extends 'admin' ? OperatorPrincipal : null;
  /** The Idempotency-Key header, when the endpoint takes one and it was sent. */
  idempotencyKey: string | undefined;
  /** `Sec-GPC: 1` came with the request. */
  gpc: boolean;
  c: Context;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler<E extends Endpoint> = (input: HandlerInput<E>) => Promise<Reply | Response>;

/** What the binder needs from the app: authentication and the gate checks that run before a handler. */
export interface Gate {
  authenticate(c: Context, endpoint: Endpoint): Promise<Principal | OperatorPrincipal | null>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Hono path from an OpenAPI path: `/v1/requests/{id}` → `/v1/requests/:id`. */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiProblem(
      'unsupported-media-type',
      415,
      `Send the body as application/json (got ${type ? `"${type}"` : 'no Content-Type'}).`,
    );
  }
  const text = await c.req.text();
  if (text.trim() === '') throw new ApiProblem('malformed-json', 400, 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiProblem('malformed-json', 400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Registers `handler` for `endpoint`: the contract's schemas check params, query and body before the
 * handler runs, and the gate authenticates. Handlers only see valid input.
 */
export function bind<E extends Endpoint>(app: Hono, gate: Gate, endpoint: E, handler: Handler<E>): void {
  app.on(endpoint.method.toUpperCase(), honoPath(endpoint.path), async (c) => {
    const who = await gate.authenticate(c, endpoint);
    const principal = endpoint.auth === 'admin' ? null : who;
    const operator = endpoint.auth === 'admin' ? who : null;
    let params: unknown;
    if (endpoint.params) {
      try {
        rejectBadText('params', c.req.param());
        params = parseOr422(endpoint.params, c.req.param(), 'params');
      } catch {
        // A malformed id names no resource: the same answer as an id that does not exist.
        throw new ApiProblem('not-found', 404, 'No resource with this id.');
      }
    }
    let query: unknown;
    if (endpoint.query) {
      rejectBadText('query', c.req.query());
      query = parseOr422(endpoint.query, c.req.query(), 'query');
    }
    let body: unknown;
    if (endpoint.body) {
      const json = await readJson(c);
      rejectBadText('body', json);
      body = parseOr422(endpoint.body, json, 'body');
    }
    let idempotencyKey: string | undefined;
    if (endpoint.idempotencyKey) {
      idempotencyKey = c.req.header('idempotency-key');
      if (idempotencyKey === undefined && endpoint.idempotencyKey === 'required') {
        throw new ApiProblem(
          'idempotency-key-missing',
          400,
          'Send an Idempotency-Key header (a fresh random value per new request, the same value on retries).',
        );
      }
      if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new ApiProblem(
          'validation-failed',
          422,
          'The Idempotency-Key header must be 1–255 visible ASCII characters.',
          {
            errors: [{ pointer: '/header/idempotency-key', reason: 'Must be 1–255 visible ASCII characters.' }],
          },
        );
      }
    }
    const reply = await handler({
      params,
      query,
      body,
      principal,
      operator,
      idempotencyKey,
      gpc: c.req.header('sec-gpc') === '1',
      c,
    } as HandlerInput<E>);
    if (reply instanceof Response) return reply;
    const headers = new Headers(reply.headers);
    if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
    headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
  });
}
