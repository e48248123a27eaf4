import { DecisionPageCheck } from '../contract/answer-checks.ts';
import type { DecidedRecord } from '../contract/consent.ts';
import * as routes from './routes.ts';
import type { Transport } from './transport.ts';

/** The person's decisions and their signed receipts (R34). Loaded with the panel. */
export const receiptsApi = (t: Transport) => ({
  /** The person's first 100 decisions (the server's history is oldest first), newest first. */
  decisions: async (signal?: AbortSignal): Promise<DecidedRecord[]> =>
    (
      await t.call(routes.consentHistory, { schema: DecisionPageCheck, query: { limit: '100' }, signal })
    ).data.records.reverse(),
  /**
   * A record's receipt as the server wrote it, byte for byte: `json` the signed receipt, `html` the readable page to
   * print. Not parsed here: its signature is what proves it (tools/verify-receipt.ts), and the widget stays small.
   */
  receiptFile: async (id: string, kind: 'json' | 'html'): Promise<Blob> =>
    (
      await t.call(routes.consentReceipt, {
        schema: null,
        params: { id },
        query: { format: kind === 'json' ? 'jws' : 'html' },
      })
    ).response.blob(),
});

export type ReceiptsApi = ReturnType<typeof receiptsApi>;
