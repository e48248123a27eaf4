import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { ApiProblem } from '../http/problem.ts';
import { ping } from '../store/health.ts';
import { API_VERSION } from '../version.ts';

// The date our GPC support last changed (GPC spec: `lastUpdate` of the well-known resource).
const GPC_LAST_UPDATE = '2026-11-24';

export function registerMeta(app: Hono, gate: Gate, deps: Deps): void {
  // Loaded and built on the first request for it, not at start: it was the largest piece of work a start did.
  let openapi: Promise<string> | undefined;
  const openapiText = () =>
    (openapi ??= import('../openapi/generate.ts').then(({ generateOpenApi }) =>
      JSON.stringify(generateOpenApi(deps.config.publicUrl ? { serverUrl: deps.config.publicUrl } : {})),
    ));

  bind(app, gate, endpoints.health, async () => {
    try {
      await ping(deps.db);
    } catch {
      throw new ApiProblem('unavailable', 503, 'The database does not answer.');
    }
    return {
      status: 200,
      body: { status: 'ok', database: deps.db.kind, version: API_VERSION },
      headers: { 'cache-control': 'no-store' },
    };
  });

  bind(app, gate, endpoints.gpc, async () => ({
    status: 200,
    body: { gpc: true, lastUpdate: GPC_LAST_UPDATE },
    headers: { 'cache-control': 'public, max-age=86400' },
  }));

  bind(
    app,
    gate,
    endpoints.openapi,
    async () =>
      new Response(await openapiText(), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
      }),
  );

  bind(app, gate, endpoints.devOutbox, async () => ({
    status: 200,
    body: { messages: deps.mailer.outbox ?? [] },
    headers: { 'cache-control': 'no-store' },
  }));
}
