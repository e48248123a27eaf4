import type { endpoints } from '../contract/endpoints.ts';

// The method and path of each endpoint the client calls, taken from the contract's `endpoints`. Only the type is
// imported: `endpoints` carries every zod schema, which the widget's first script must not ship (it checks answers
// with JSON Schema, see contract/first-load.ts). `satisfies` below makes each entry the literal type the contract
// declares, so a path or method changed in endpoints.ts fails the typecheck here instead of drifting. One export per
// route, so a bundle keeps only the routes it calls (`import * as routes`).

type Endpoints = typeof endpoints;
export type Route = { readonly method: 'get' | 'post' | 'delete'; readonly path: string };
type RouteOf<K extends keyof Endpoints> = {
  readonly method: Endpoints[K]['method'];
  readonly path: Endpoints[K]['path'];
};

export const getConsents = { method: 'get', path: '/v1/consents' } as const satisfies RouteOf<'getConsents'>;
export const decideConsent = { method: 'post', path: '/v1/consents' } as const satisfies RouteOf<'decideConsent'>;
export const endVisit = {
  method: 'post',
  path: '/v1/consents/end-visit',
} as const satisfies RouteOf<'endVisit'>;
export const consentHistory = {
  method: 'get',
  path: '/v1/consents/history',
} as const satisfies RouteOf<'consentHistory'>;
export const consentReceipt = {
  method: 'get',
  path: '/v1/consents/{id}/receipt',
} as const satisfies RouteOf<'consentReceipt'>;
export const getNotice = { method: 'get', path: '/v1/notice' } as const satisfies RouteOf<'getNotice'>;
export const getNoticeVersion = {
  method: 'get',
  path: '/v1/notice/version',
} as const satisfies RouteOf<'getNoticeVersion'>;
export const getNoticeByVersion = {
  method: 'get',
  path: '/v1/notice/versions/{version}',
} as const satisfies RouteOf<'getNoticeByVersion'>;
export const deviceSession = { method: 'post', path: '/v1/auth/device' } as const satisfies RouteOf<'deviceSession'>;
export const emailStart = { method: 'post', path: '/v1/auth/email/start' } as const satisfies RouteOf<'emailStart'>;
export const emailVerify = { method: 'post', path: '/v1/auth/email/verify' } as const satisfies RouteOf<'emailVerify'>;
export const signOut = { method: 'delete', path: '/v1/auth/session' } as const satisfies RouteOf<'signOut'>;
export const me = { method: 'get', path: '/v1/me' } as const satisfies RouteOf<'me'>;
export const createRequest = { method: 'post', path: '/v1/requests' } as const satisfies RouteOf<'createRequest'>;
export const listRequests = { method: 'get', path: '/v1/requests' } as const satisfies RouteOf<'listRequests'>;
export const cancelRequest = {
  method: 'post',
  path: '/v1/requests/{id}/cancel',
} as const satisfies RouteOf<'cancelRequest'>;
export const requestExport = {
  method: 'get',
  path: '/v1/requests/{id}/export',
} as const satisfies RouteOf<'requestExport'>;

/** A route's path with its `{name}` parameters filled in (encoded) and the defined query values appended. */
export function pathOf(
  route: Route,
  params: Record<string, string> = {},
  query: Record<string, string | null | undefined> = {},
): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(name, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
