import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { HostTokenVerifier } from './identity/host-token.ts';
import type { Mailer } from './mail/mailer.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { NoticeStore } from './services/notices.ts';
import type { Fulfilment } from './services/fulfilment.ts';
import type { ReceiptSigner } from './services/receipt-keys.ts';

/** Everything a route needs, created once per server in `createApp`. */
export interface Deps {
  db: Database;
  config: Config;
  mailer: Mailer;
  notices: NoticeStore;
  verifyHostToken: HostTokenVerifier;
  limiter: RateLimiter;
  /** The server clock (UTC); injectable so tests can file a request "on 31 January". */
  now: () => Date;
  /** Key for hashing sign-in codes. */
  codePepper: string;
  /** Signs consent receipts and publishes the keys (R34). */
  receipts: ReceiptSigner;
  /** The data systems rights and consent changes reach (SYSTEMS_FILE), and the wake-up of their job worker. */
  fulfilment: Fulfilment;
}
