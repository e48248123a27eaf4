// `npm start`: builds the widget, starts the rights API on its embedded database, and serves the demo
// TwikFit-like page that embeds the widget with one script tag. Prints the URLs to open.
import { mkdirSync } from 'node:fs';
import { build } from 'vite';
import { ConfigError, loadConfig } from '../server/config.ts';
import { closeOnSignal, failStart } from '../server/process.ts';
import { startServer } from '../server/start.ts';
import { startDemoHost } from './host/server.ts';

try {
  // Read before building: `vite build` sets NODE_ENV=production in this process.
  const config = loadConfig();
  console.log('Building the widget…');
  await build({ mode: 'widget', logLevel: 'warn' });
  if (!config.databaseUrl && config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  if (!config.hostToken.secret) throw new ConfigError('the demo signs host tokens with HOST_TOKEN_SECRET; set it (or unset HOST_JWKS_URL)');
  const api = await startServer(config);
  const demo = await startDemoHost({ port: Number(process.env.DEMO_PORT ?? 8788), apiUrl: api.url, hostTokenSecret: config.hostToken.secret });
  // The demo page embeds the widget from another origin: allow it (the allow-list is read on every request).
  const demoOrigin = new URL(demo.url).origin;
  if (!api.deps.config.allowedOrigins.includes(demoOrigin)) api.deps.config.allowedOrigins.push(demoOrigin);
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`
  Demo (TwikFit-like page with the widget):  ${demo.url}/
  Rights API:                                ${api.url}   (database: ${database})
  Widget script:                             ${api.url}/widget/twikit-privacy.js
  OpenAPI:                                   ${api.url}/openapi.json
  Development mail (sign-in codes):          ${api.url}/dev/outbox
  Operator endpoints:                        ${api.url}/v1/admin/requests  (Authorization: Bearer ${config.production ? '<ADMIN_TOKEN>' : config.adminToken})
`);
  closeOnSignal(async () => {
    await demo.close();
    await api.close();
  });
} catch (error) {
  failStart(error);
}
