import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { OpenApiDocument, Operation } from '../../server/openapi/generate.ts';
import { ADMIN_TOKEN, client, DB_KIND, hostToken, startTestServer, type Client, type TestServer } from './harness.ts';

/** `METHOD /path` with OpenAPI-style `{name}` parameters, the way both sides are compared. */
const routeName = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

describe(`the OpenAPI document and the routes (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
    const res = await api.get<OpenApiDocument>('/openapi.json');
    if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}: ${res.text}`);
    doc = res.body;
  });
  afterAll(async () => server?.stop());

  const documented = (): { method: string; path: string; operation: Operation }[] =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ method, path, operation })),
    );

  it('every route the server serves is in the OpenAPI document', () => {
    const app = createApp(server.deps);
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path !== '/*')
      .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)/g, '{$1}') }));
    expect(served.length, 'the app serves no routes at all').toBeGreaterThan(0);
    const missing = served
      .filter(
        (r) => doc.paths[r.path]?.[r.method.toLowerCase() as keyof OpenApiDocument['paths'][string]] === undefined,
      )
      .map((r) => routeName(r.method, r.path));
    expect(missing, `served but not in /openapi.json: ${missing.join(', ')}`).toEqual([]);
  });

  it('every operation in the OpenAPI document is served', async () => {
    const operations = documented();
    expect(operations.length, 'the document has no operations').toBeGreaterThan(0);
    const adminToken = ADMIN_TOKEN;
    const bearer = await hostToken('openapi-routes');
    const unserved: string[] = [];
    for (const { method, path, operation } of operations) {
      const schemes = operation.security.flatMap((s) => Object.keys(s));
      const token = schemes.includes('admin') ? adminToken : schemes.includes('bearer') ? bearer : undefined;
      const url = path.replace(/\{\w+\}/g, () => randomUUID());
      // An empty object is enough to reach the handler's binder; the database is this file's own.
      const res = await api.call(method.toUpperCase(), url, {
        ...(token ? { token } : {}),
        ...(operation.requestBody ? { body: {} } : {}),
      });
      const noEndpoint =
        res.status === 404 && typeof res.body?.detail === 'string' && res.body.detail.startsWith('No endpoint at');
      const wrongMethod = res.status === 405;
      if (noEndpoint || wrongMethod)
        unserved.push(`${routeName(method, path)} → ${res.status} ${res.body?.detail ?? res.text}`);
    }
    expect(unserved, `in /openapi.json but not served: ${unserved.join('; ')}`).toEqual([]);
  });
});
