import * as z from 'zod/mini';
import { DecidedRecord } from '../contract/consent.ts';
import { Next } from '../contract/paging.ts';
import { SignedReceipt } from '../contract/receipt.ts';
import * as routes from './routes.ts';
import type { Transport } from './transport.ts';

// Only what the list of decisions shows: the record's core (objects let the other fields through unchecked).
const DecisionPage = /* @__PURE__ */ z.object({ records: /* @__PURE__ */ z.array(DecidedRecord), next: Next });

/** The person's decisions and their signed receipts (R34). Loaded with the panel. */
export const receiptsApi = (t: Transport) => ({
  /** The newest page of the person's decisions, newest first (the server pages oldest first: its last page is read). */
  async decisions(signal?: AbortSignal, maxPages = 20): Promise<DecidedRecord[]> {
    const all: DecidedRecord[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < maxPages; page++) {
      const { data }: { data: z.infer<typeof DecisionPage> } = await t.call(routes.consentHistory, {
        schema: DecisionPage,
        query: { cursor, limit: '100' },
        signal,
      });
      all.push(...data.records);
      if (data.next === null || data.next === cursor) break;
      cursor = data.next;
    }
    return all.reverse();
  },
  /** The signed receipt of one of the person's records. */
  receipt: async (id: string, signal?: AbortSignal) =>
    (await t.call(routes.consentReceipt, { schema: SignedReceipt, params: { id }, signal })).data,
});

export type ReceiptsApi = ReturnType<typeof receiptsApi>;
