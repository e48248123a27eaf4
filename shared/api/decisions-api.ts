import { ConsentDecisionAckCheck, NoticeVersionCheck } from '../contract/answer-checks.ts';
import type { ConsentDecisionInput } from '../contract/consent.ts';
import type { Locale } from '../contract/common.ts';
import * as routes from './routes.ts';
import type { Transport } from './transport.ts';

/** Recording decisions, and the notice version they are recorded against. Loaded late (base-core.ts imports it when needed). */
export const decisionsApi = (t: Transport) => ({
  decide: async (input: ConsentDecisionInput, idempotencyKey: string) =>
    (
      await t.call(routes.decideConsent, {
        schema: ConsentDecisionAckCheck,
        body: input,
        headers: { 'idempotency-key': idempotencyKey },
      })
    ).data,
  noticeVersion: async (locale: Locale) =>
    (await t.call(routes.getNoticeVersion, { schema: NoticeVersionCheck, auth: false, query: { locale } })).data,
});

export type DecisionsApi = ReturnType<typeof decisionsApi>;
