import { RightsRequest, RightsRequestList, type ExportFormat, type ExportPage, type RightsRequestInput } from '../contract/requests.ts';
import type { Transport } from './transport.ts';

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
      const path: string = cursor === null ? '/v1/requests' : `/v1/requests?cursor=${encodeURIComponent(cursor)}`;
      const { data }: { data: { requests: RightsRequest[]; next: string | null } } = await t.call('GET', path, { schema: RightsRequestList, signal });
      for (const request of data.requests) if (!all.has(request.id)) all.set(request.id, request);
      if (data.next === null || data.next === cursor) break;
      cursor = data.next;
    }
    return [...all.values()];
  },
  fileRequest: async (input: RightsRequestInput, idempotencyKey: string) =>
    (await t.call('POST', '/v1/requests', { schema: RightsRequest, body: input, headers: { 'idempotency-key': idempotencyKey } })).data,
  cancelRequest: async (id: string) => (await t.call('POST', `/v1/requests/${encodeURIComponent(id)}/cancel`, { schema: RightsRequest, body: {} })).data,
  /**
   * The export file of a completed access or portability request. CSV comes whole; JSON comes a page of
   * consent records at a time, joined here into the one document the person saves.
   */
  async exportFile(id: string, format: ExportFormat): Promise<Blob> {
    const base = `/v1/requests/${encodeURIComponent(id)}/export?format=${format}`;
    const first = await t.call('GET', base, { schema: null });
    if (format === 'csv') return first.response.blob();
    const { next, ...document } = (await first.response.json()) as ExportPage;
    let cursor = next;
    while (cursor !== null) {
      const { response } = await t.call('GET', `${base}&cursor=${encodeURIComponent(cursor)}`, { schema: null });
      const page = (await response.json()) as ExportPage;
      document.consents.push(...page.consents);
      // An unchanged cursor would never end; the server's always moves on.
      cursor = page.next === cursor ? null : page.next;
    }
    return new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  },
});

export type RequestsApi = ReturnType<typeof requestsApi>;
