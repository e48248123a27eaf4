import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error.ts';
import { requestsApi } from '../../../shared/api/requests-api.ts';
import * as routes from '../../../shared/api/routes.ts';
import { createTransport } from '../../../shared/api/transport.ts';
import { endpoints } from '../../../shared/contract/endpoints.ts';

describe('the client routes', () => {
  it("are the contract's endpoints: each has the method and path endpoints.ts declares under its name", () => {
    const { pathOf: _pathOf, ...clientRoutes } = routes;
    expect(Object.keys(clientRoutes).length).toBeGreaterThanOrEqual(13);
    for (const [name, route] of Object.entries(clientRoutes)) {
      const endpoint = endpoints[name as keyof typeof endpoints];
      expect({ name, method: route.method, path: route.path }).toEqual({
        name,
        method: endpoint.method,
        path: endpoint.path,
      });
    }
  });

  it('fill in path parameters (encoded) and leave out query values that are not set', () => {
    expect(routes.pathOf(routes.cancelRequest, { id: 'a/b c' })).toBe('/v1/requests/a%2Fb%20c/cancel');
    expect(routes.pathOf(routes.listRequests, {}, { cursor: null })).toBe('/v1/requests');
    expect(routes.pathOf(routes.listRequests, {}, { cursor: 'x=1&y' })).toBe('/v1/requests?cursor=x%3D1%26y');
  });
});

describe('the export download', () => {
  const sent: string[] = [];
  const api = requestsApi(
    createTransport({
      baseUrl: 'https://privacy.test/',
      token: async () => 't',
      fetch: async (input) => {
        sent.push(String(input));
        return new Response('a,b\n', { status: 200 });
      },
    }),
  );

  it('follows the export.href the server sent, on the API itself', async () => {
    await api.exportFile('/v1/requests/r-1/export', 'csv');
    expect(sent.pop()).toBe('https://privacy.test/v1/requests/r-1/export?format=csv');
  });

  it('refuses an href that leaves the API (another origin, or scheme-relative): the token is not sent there', async () => {
    for (const href of ['https://elsewhere.test/export', '//elsewhere.test/export', 'javascript:alert(1)']) {
      const error = await api.exportFile(href, 'csv').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).kind).toBe('invalid-response');
    }
    expect(sent).toEqual([]);
  });
});
