import { RightsRequestCheck, RightsRequestListCheck } from '../contract/answer-checks.ts';
import type { ExportFormat, ExportPage, RightsRequest, RightsRequestInput } from '../contract/requests.ts';
import { ApiError } from './api-error.ts';
import * as routes from './routes.ts';
import type { Transport } from './transport.ts';

/**
 * The export's route from the `href` the server sent with the request. Only a path on the API itself is followed:
 * an answer naming another origin (or a scheme-relative `//host`) is not one the person's token goes to.
 */
function exportRoute(href: string) {
  if (!href.startsWith('/') || href.startsWith('//'))
    throw new ApiError('invalid-response', 'The privacy service sent an export link outside itself.');
  return { method: 'get', path: href } as const;
}

/** Rights-request calls. */
export const requestsApi = (t: Transport) => ({
  baseUrl: t.baseUrl,
  /**
   * The person's requests, newest first: follows `next` page by page, at most `maxPages` pages (the server
   * caps each). A cursor that comes back unchanged ends the walk, and a request is kept once, so an answer
   * that keeps pointing at itself cannot loop or repeat the list.
   */
  async requests(signal?: AbortSignal, maxPages = 20): Promise<RightsRequest[]> {
    const all = new Map<string, RightsRequest>();
    let cursor: string | null = null;
    for (let page = 0; page < maxPages; page++) {
      const { data }: { data: { requests: RightsRequest[]; next: string | null } } = await t.call(routes.listRequests, {
        schema: RightsRequestListCheck,
        query: { cursor },
        signal,
      });
      for (const request of data.requests) if (!all.has(request.id)) all.set(request.id, request);
      if (data.next === null || data.next === cursor) break;
      cursor = data.next;
    }
    return [...all.values()];
  },
  fileRequest: async (input: RightsRequestInput, idempotencyKey: string) =>
    (
      await t.call(routes.createRequest, {
        schema: RightsRequestCheck,
        body: input,
        headers: { 'idempotency-key': idempotencyKey },
      })
    ).data,
  cancelRequest: async (id: string) =>
    (await t.call(routes.cancelRequest, { schema: RightsRequestCheck, params: { id }, body: {} })).data,
  /**
   * The export file of a completed access or portability request, from the `export.href` the server sent with it.
   * CSV comes whole; JSON comes a page of consent records at a time, joined here into the one document the person saves.
   */
  async exportFile(href: string, format: ExportFormat): Promise<Blob> {
    const route = exportRoute(href);
    const first = await t.call(route, { schema: null, query: { format } });
    if (format === 'csv') return first.response.blob();
    const { next, ...document } = (await first.response.json()) as ExportPage;
    let cursor = next;
    while (cursor !== null) {
      const { response } = await t.call(route, { schema: null, query: { format, cursor } });
      const page = (await response.json()) as ExportPage;
      document.consents.push(...page.consents);
      // An unchanged cursor would never end; the server's always moves on.
      cursor = page.next === cursor ? null : page.next;
    }
    return new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  },
});

export type RequestsApi = ReturnType<typeof requestsApi>;
