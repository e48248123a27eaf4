import { initial } from './001-initial.ts';
import { sharedLimits } from './002-shared-limits.ts';
import { scaleAndRetention } from './003-scale-and-retention.ts';
import { consentGuards } from './004-consent-guards.ts';
import { receiptKeys } from './005-receipt-keys.ts';
import { keyedLedger } from './006-keyed-ledger.ts';
import { reconsent } from './007-reconsent.ts';
import { fulfilment } from './008-fulfilment.ts';
import { operators } from './009-operators.ts';
import { jobsBySystem } from './010-jobs-by-system.ts';
import { restrictionLift } from './011-restriction-lift.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applied in order, once each; never edit a released one, add the next. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'shared-limits', sql: sharedLimits },
  { version: 3, name: 'scale-and-retention', sql: scaleAndRetention },
  { version: 4, name: 'consent-guards', sql: consentGuards },
  { version: 5, name: 'receipt-keys', sql: receiptKeys },
  { version: 6, name: 'keyed-ledger', sql: keyedLedger },
  { version: 7, name: 'reconsent', sql: reconsent },
  { version: 8, name: 'fulfilment', sql: fulfilment },
  { version: 9, name: 'operators', sql: operators },
  { version: 10, name: 'jobs-by-system', sql: jobsBySystem },
  { version: 11, name: 'restriction-lift-and-callbacks', sql: restrictionLift },
];
