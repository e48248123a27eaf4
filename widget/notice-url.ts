/**
 * The notice's URL as the API client asks for it (shared/api/notice-api.ts through the transport, which drops a
 * trailing slash from the base): the loader and the runtime prefetch exactly this, so the client's call finds it.
 */
export const noticeUrl = (apiBase: string, locale: string): string => `${apiBase.replace(/\/+$/, '')}/v1/notice?locale=${locale}`;
