import { ConsentStateCheck } from '../contract/first-load.ts';
import * as routes from './routes.ts';
import type { Transport } from './transport.ts';

/** Reading the consent state: all the widget's first script needs from the API. */
export const consentsApi = (t: Transport) => ({
  baseUrl: t.baseUrl,
  consents: async (signal?: AbortSignal) =>
    (await t.call(routes.getConsents, { schema: ConsentStateCheck, signal })).data,
  /** Ends a visitor's visit: their body-scan consent lapses now (R31); answers the new state. */
  endVisit: async () => (await t.call(routes.endVisit, { schema: ConsentStateCheck })).data,
});

export type ConsentsApi = ReturnType<typeof consentsApi>;
