import { ConsentDecisionResult, ConsentHistory, ConsentState, type ConsentDecisionInput } from '../contract/consent.ts';
import type { Locale } from '../contract/common.ts';
import { NoticeVersion } from '../contract/notice-version.ts';
import type { Transport } from './transport.ts';

/** Consent calls, and the notice version decisions are recorded against. Loaded with the first script. */
export const consentsApi = (t: Transport) => ({
  baseUrl: t.baseUrl,
  consents: async (signal?: AbortSignal) => (await t.call('GET', '/v1/consents', { schema: ConsentState, signal })).data,
  decide: async (input: ConsentDecisionInput, idempotencyKey: string) =>
    (await t.call('POST', '/v1/consents', { schema: ConsentDecisionResult, body: input, headers: { 'idempotency-key': idempotencyKey } })).data,
  history: async () => (await t.call('GET', '/v1/consents/history', { schema: ConsentHistory })).data.records,
  noticeVersion: async (locale: Locale) => (await t.call('GET', `/v1/notice/version?locale=${locale}`, { schema: NoticeVersion, auth: false })).data,
});

export type ConsentsApi = ReturnType<typeof consentsApi>;
