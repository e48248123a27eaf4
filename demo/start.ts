// `npm start`: builds the widget, starts the rights API on its embedded database, serves the demo TwikFit-like
// page that embeds the widget with one script tag, and builds the extension against that API. Prints the URLs
// and the folders to load the extension from.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import { ConfigError, loadConfig } from '../server/config.ts';
import { closeOnSignal, failStart } from '../server/process.ts';
import { startServer } from '../server/start.ts';
import { startDemoHost } from './host/server.ts';
import { DEMO_SYSTEMS_FILE, twikfitSecret } from './twikfit-system/index.ts';

try {
  // `npm start` is the local demo: it opts in to development (default secrets, /dev/outbox) unless NODE_ENV says
  // otherwise. Read before building: `vite build` sets NODE_ENV=production in this process, and the opt-in is
  // not written to process.env, so the builds still make production bundles.
  // The demo's data systems (TwikFit, served by the demo host below, and an e-mailed support desk) unless the
  // environment names another file.
  const systemsFile = process.env.SYSTEMS_FILE || DEMO_SYSTEMS_FILE;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || 'development',
    SYSTEMS_FILE: systemsFile,
    // The completed-request e-mail sends the person to the demo page, where the widget shows "Your requests".
    PRIVACY_CENTER_URL: process.env.PRIVACY_CENTER_URL || `http://127.0.0.1:${process.env.DEMO_PORT ?? 8788}/`,
  });
  console.log('Building the widget…');
  await build({ mode: 'widget', logLevel: 'warn' });
  if (!config.databaseUrl && config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  if (!config.hostToken.secret)
    throw new ConfigError('the demo signs host tokens with HOST_TOKEN_SECRET; set it (or unset HOST_JWKS_URL)');
  const api = await startServer(config);
  const demo = await startDemoHost({
    port: Number(process.env.DEMO_PORT ?? 8788),
    apiUrl: api.url,
    hostTokenSecret: config.hostToken.secret,
    // TwikFit's data beside the API's embedded database, so it outlives a restart like the rest of the demo.
    twikfit: {
      secret: twikfitSecret(systemsFile),
      storePath: config.dataDir ? join(dirname(config.dataDir), 'twikfit-demo.json') : undefined,
    },
  });
  // The demo page embeds the widget from another origin: allow it (the allow-list is read on every request).
  const demoOrigin = new URL(demo.url).origin;
  if (!api.deps.config.allowedOrigins.includes(demoOrigin)) api.deps.config.allowedOrigins.push(demoOrigin);
  // The extension names its API host in its manifest: build it against this server (both regions).
  console.log('Building the extension…');
  process.env.TWIKIT_API_BASE = api.url.replace('://0.0.0.0', '://127.0.0.1');
  await build({ mode: 'extension', logLevel: 'warn' });
  await build({ mode: 'firefox', logLevel: 'warn' });
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`
  Demo (TwikFit-like page with the widget):  ${demo.url}/
  Rights API:                                ${api.url}   (database: ${database})
  Widget script:                             ${api.url}/widget/twikit-privacy.js
  OpenAPI:                                   ${api.url}/openapi.json
  Development mail (sign-in codes):          ${api.url}/dev/outbox
  Data systems (SYSTEMS_FILE):               ${systemsFile}
  Extension (load unpacked):                 ${resolve('dist/extension')}   (Chrome: chrome://extensions → Developer mode → Load unpacked)
                                             ${resolve('dist/firefox')}     (Firefox: about:debugging → This Firefox → Load Temporary Add-on → manifest.json)
  Operator endpoints:                        ${api.url}/v1/admin/requests  (Authorization: Bearer ${config.production ? '<ADMIN_TOKEN>' : config.adminToken})
`);
  closeOnSignal(async () => {
    await demo.close();
    await api.close();
  });
} catch (error) {
  failStart(error);
}
