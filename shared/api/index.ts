export { ApiError, kindFor, type ApiErrorKind } from './api-error.ts';
export { createApiClient, type ApiClient, type ApiClientOptions, type NoticeResult, type TokenSource } from './client.ts';
