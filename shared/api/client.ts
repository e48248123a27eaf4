import { authApi } from './auth-api.ts';
import { consentsApi } from './consents-api.ts';
import { decisionsApi } from './decisions-api.ts';
import { noticeApi } from './notice-api.ts';
import { receiptsApi } from './receipts-api.ts';
import { requestsApi } from './requests-api.ts';
import { createTransport, type ApiClientOptions } from './transport.ts';

export type { ApiClientOptions, TokenSource } from './transport.ts';
export type { NoticeResult } from './notice-api.ts';

/** A client of the whole rights API. Every response is checked against the contract; anything else is an `ApiError`. */
export function createApiClient(options: ApiClientOptions) {
  const transport = createTransport(options);
  return {
    ...consentsApi(transport),
    ...decisionsApi(transport),
    ...noticeApi(transport),
    ...requestsApi(transport),
    ...receiptsApi(transport),
    ...authApi(transport),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
