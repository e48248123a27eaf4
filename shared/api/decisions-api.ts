import { ConsentDecisionAck, type ConsentDecisionInput } from '../contract/consent.ts';
import type { Locale } from '../contract/common.ts';
import { NoticeVersion } from '../contract/notice-version.ts';
import type { Transport } from './transport.ts';

/** Recording decisions, and the notice version they are recorded against. Loaded with the panel. */
export const decisionsApi = (t: Transport) => ({
  decide: async (input: ConsentDecisionInput, idempotencyKey: string) =>
    (await t.call('POST', '/v1/consents', { schema: ConsentDecisionAck, body: input, headers: { 'idempotency-key': idempotencyKey } })).data,
  noticeVersion: async (locale: Locale) => (await t.call('GET', `/v1/notice/version?locale=${locale}`, { schema: NoticeVersion, auth: false })).data,
});

export type DecisionsApi = ReturnType<typeof decisionsApi>;
