import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { NoticeDocument } from '../shared/contract/notice.ts';
import { defaultNoticeDocuments } from '../shared/notice/default-notices.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import type { Database } from './db/database.ts';
import type { Deps } from './deps.ts';
import { pruneSharedState } from './http/prune-shared-state.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { createFrameFiles } from './http/frame-files.ts';
import { createConsoleFiles } from './http/console-files.ts';
import { createWidgetFiles } from './http/widget-files.ts';
import { createHostTokenVerifier } from './identity/host-token.ts';
import { seedOperators } from './identity/operators.ts';
import { createOutboxMailer, createSmtpMailer, type Mailer } from './mail/mailer.ts';
import { scheduleRetention } from './retention/schedule.ts';
import { scheduleCheckpoints } from './ledger/schedule.ts';
import { scheduleDigest } from './services/digest.ts';
import { createNoticeStore } from './services/notices.ts';
import { createReceiptSigner } from './services/receipt-keys.ts';
import { startWorker } from './fulfilment/worker.ts';

export interface RunningServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

/** The default notices: the seed's English text and its translations, checked against the contract before they are published. */
export async function defaultNotices(): Promise<NoticeDocument[]> {
  return (await defaultNoticeDocuments()).map((doc) => NoticeDocument.parse(doc));
}

/** Builds everything a server needs from its configuration. */
export async function createDeps(
  config: Config,
  overrides: {
    db?: Database;
    now?: () => Date;
    mailer?: Mailer;
    /** The notice to publish and serve (one version, its locales); default: `defaultNotices()`. */
    notices?: readonly NoticeDocument[];
  } = {},
): Promise<Deps> {
  const db =
    overrides.db ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    }));
  const now = overrides.now ?? (() => new Date());
  const notices = overrides.notices ?? (await defaultNotices());
  const outbox = config.devOutbox ? createOutboxMailer() : undefined;
  const mailer =
    overrides.mailer ?? (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom, outbox) : outbox);
  if (!mailer)
    throw new Error('No way to send sign-in codes: set SMTP_URL (production never uses the development outbox).');
  const codePepper = createHash('sha256')
    .update(`sign-in-code\n${config.adminToken}\n${config.hostToken.secret ?? ''}`)
    .digest('hex');
  await seedOperators(db, config, now());
  return {
    db,
    config,
    mailer,
    notices: await createNoticeStore(db, notices, now()),
    // Host tokens carry the host's wall-clock times (`iat`, `exp`): they are checked against the wall clock.
    verifyHostToken: createHostTokenVerifier(config.hostToken),
    limiter: createRateLimiter(db, {
      secret: codePepper,
      now,
      prune: (at) => pruneSharedState(db, at, config.hostToken.maxAgeSeconds * 1000),
    }),
    now,
    codePepper,
    receipts: await createReceiptSigner(db, config.receipts, now()),
    fulfilment: {
      systems: config.systems.systems,
      delivery: config.systems.delivery,
      // Outside the database, and the same for every instance with the same secrets (a token is re-derived per attempt).
      tokenKey: createHash('sha256').update(`job-callback\n${codePepper}`).digest('hex'),
      wake: () => undefined,
    },
  };
}

/**
 * Slow or stalled clients are cut off (408, connection closed) instead of holding a connection open:
 * the whole request, body included, must arrive within `ms`, its headers within half of that (at most 15 s).
 * Node checks these deadlines only every `connectionsCheckingInterval` (30 s by default), so that is
 * tightened too, or a stalled client would keep its socket up to 30 s past the deadline.
 */
export function requestTimeouts(ms: number): {
  requestTimeout: number;
  headersTimeout: number;
  connectionsCheckingInterval: number;
} {
  return {
    requestTimeout: ms,
    headersTimeout: Math.min(15_000, Math.ceil(ms / 2)),
    connectionsCheckingInterval: Math.min(1_000, Math.ceil(ms / 4)),
  };
}

/** Starts the HTTP server on `config.host:config.port` (0 = any free port). */
export async function startServer(
  config: Config,
  overrides: Parameters<typeof createDeps>[1] = {},
): Promise<RunningServer> {
  const deps = await createDeps(config, overrides);
  // The app is built once the port is known (PORT=0), so its OpenAPI `servers` names the real address.
  let app: ReturnType<typeof createApp> | undefined;
  const widgetFiles = createWidgetFiles(config.widgetDir);
  const consoleFiles = createConsoleFiles(config.console.dir);
  // Read at each request: the allowed origins may be added to after start (tests add their host page's).
  const frameFiles = createFrameFiles(config.widgetDir, () => deps.config.allowedOrigins);
  const fetch = async (request: Request, env: unknown) =>
    (await widgetFiles(request)) ??
    (await frameFiles(request)) ??
    (await consoleFiles(request)) ??
    app!.fetch(request, env as never);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch, hostname: config.host, port: config.port, serverOptions: requestTimeouts(config.requestTimeoutMs) },
      () => resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  deps.config = { ...config, publicUrl: config.publicUrl ?? url };
  app = createApp(deps);
  const retention = scheduleRetention(deps);
  const checkpoints = scheduleCheckpoints(deps);
  const digest = scheduleDigest(deps);
  // Without systems there is nothing to deliver (jobs of an earlier configuration wait until systems return).
  const worker = deps.fulfilment.systems.length > 0 ? startWorker(deps) : undefined;
  if (worker) deps.fulfilment.wake = worker.wake;
  return {
    url,
    deps,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await retention?.stop();
      await checkpoints?.stop();
      await digest.stop();
      await worker?.stop();
      if (!overrides.db) await deps.db.close();
    },
  };
}
