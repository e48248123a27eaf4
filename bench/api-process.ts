// The rights API as its own process for the bench, so the load generator and the browser driver never share
// its event loop. The same app as `server/start.ts`, behind Hono's compress middleware (gzip for clients that
// ask, as a production proxy would), with limits raised so the load generator measures work, not 429s.
// Prints one JSON line `{"url": …}` once listening; SIGTERM closes the server and the database.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createOutboxMailer } from '../server/mail/mailer.ts';
import { createDeps } from '../server/start.ts';
import { BENCH_HOST_SECRET } from './api-child.ts';

async function main(): Promise<void> {
  const env = process.env;
  // An explicit configuration: the parent ran `vite build`, which leaves NODE_ENV=production behind.
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    HOST_TOKEN_SECRET: BENCH_HOST_SECRET,
    ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
    ALLOWED_ORIGINS: env.ALLOWED_ORIGINS ?? '',
    RATE_LIMIT_PER_MINUTE: '100000000',
    SIGN_IN_LIMIT_PER_15_MIN: '100000000',
    DEV_OUTBOX: '0',
    WIDGET_DIR: '',
    ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : { DATA_DIR: env.DATA_DIR ?? ':memory:' }),
  } as NodeJS.ProcessEnv);
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const deps = await createDeps(config, { mailer: createOutboxMailer(() => undefined) });
  const app = createApp(deps);
  const front = new Hono();
  let inFlight = 0;
  front.use(async (_c, next) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
  front.use(compress());
  front.all('*', (c) => app.fetch(c.req.raw, c.env));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: front.fetch, hostname: config.host, port: 0 }, () => resolve(s));
  });
  const url = `http://${config.host}:${(server.address() as AddressInfo).port}`;
  process.stdout.write(`${JSON.stringify({ url })}\n`);
  // Requests already in flight (the load generator's last ones, whose sockets it has closed) finish before
  // the database closes; a stuck one is given up on after 5 s.
  process.once('SIGTERM', () => {
    server.close();
    if ('closeAllConnections' in server) server.closeAllConnections();
    const deadline = Date.now() + 5_000;
    const stop = () => {
      if (inFlight > 0 && Date.now() < deadline) return void setTimeout(stop, 20);
      void deps.db.close().finally(() => process.exit(0));
    };
    stop();
  });
}

main().catch((error: unknown) => {
  console.error('bench api:', error);
  process.exit(1);
});
