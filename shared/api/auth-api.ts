import { EmailStartResult, Me, SessionResult } from '../contract/auth.ts';
import { ConsentHistory, type ConsentRecord } from '../contract/consent.ts';
import type { Locale, Region } from '../contract/common.ts';
import * as routes from './routes.ts';
import type { Transport } from './transport.ts';

/** Identity calls (device tokens, sign-in by e-mail code, who am I, sign-out) and the person's consent history. */
export const authApi = (t: Transport) => {
  /** One page of the person's consent records, oldest first; pass the previous page's `next` for the following one. */
  const historyPage = async (cursor?: string) =>
    (await t.call(routes.consentHistory, { schema: ConsentHistory, query: { cursor } })).data;
  return {
    baseUrl: t.baseUrl,
    me: async () => (await t.call(routes.me, { schema: Me })).data,
    deviceToken: async (region?: string) =>
      (await t.call(routes.deviceSession, { schema: SessionResult, body: region ? { region } : {}, auth: false })).data,
    emailStart: async (email: string, locale: Locale) =>
      (await t.call(routes.emailStart, { schema: EmailStartResult, body: { email, locale }, auth: false })).data,
    /** `region`: where a new account's data is stored (R5); ignored for an existing account. */
    emailVerify: async (email: string, code: string, region?: Region) =>
      (
        await t.call(routes.emailVerify, {
          schema: SessionResult,
          body: { email, code, ...(region ? { region } : {}) },
          auth: false,
        })
      ).data,
    signOut: async () => void (await t.call(routes.signOut, { schema: null })),
    historyPage,
    /** The person's consent records, oldest first, following `next` for at most `maxPages` pages. */
    async history(maxPages = 20): Promise<ConsentRecord[]> {
      const all: ConsentRecord[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        const data: ConsentHistory = await historyPage(cursor);
        all.push(...data.records);
        // An unchanged cursor would only fetch the same page again.
        if (data.next === null || data.next === cursor) break;
        cursor = data.next;
      }
      return all;
    },
  };
};

export type AuthApi = ReturnType<typeof authApi>;
