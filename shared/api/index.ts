export { ApiError, kindFor, type ApiErrorKind } from './api-error.ts';
export { authApi, type AuthApi } from './auth-api.ts';
export {
  createApiClient,
  type ApiClient,
  type ApiClientOptions,
  type NoticeResult,
  type TokenSource,
} from './client.ts';
export { consentsApi, type ConsentsApi } from './consents-api.ts';
export { decisionsApi, type DecisionsApi } from './decisions-api.ts';
export { noticeApi, type NoticeApi } from './notice-api.ts';
export { requestsApi, type RequestsApi } from './requests-api.ts';
export { createTransport, type Transport } from './transport.ts';
