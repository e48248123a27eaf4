import { RightsRequest, RightsRequestList, type ExportFormat, type RightsRequestInput } from '../contract/requests.ts';
import type { Transport } from './transport.ts';

/** Rights-request calls. */
export const requestsApi = (t: Transport) => ({
  baseUrl: t.baseUrl,
  requests: async (signal?: AbortSignal) => (await t.call('GET', '/v1/requests', { schema: RightsRequestList, signal })).data.requests,
  fileRequest: async (input: RightsRequestInput, idempotencyKey: string) =>
    (await t.call('POST', '/v1/requests', { schema: RightsRequest, body: input, headers: { 'idempotency-key': idempotencyKey } })).data,
  cancelRequest: async (id: string) => (await t.call('POST', `/v1/requests/${encodeURIComponent(id)}/cancel`, { schema: RightsRequest, body: {} })).data,
  /** The export file of a completed access or portability request. */
  async exportFile(id: string, format: ExportFormat): Promise<Blob> {
    const { response } = await t.call('GET', `/v1/requests/${encodeURIComponent(id)}/export?format=${format}`, { schema: null });
    return response.blob();
  },
});

export type RequestsApi = ReturnType<typeof requestsApi>;
