import { mkdirSync } from 'node:fs';
import { loadConfig } from './config.ts';
import { closeOnSignal, failStart } from './process.ts';
import { startServer } from './start.ts';

// `npm start`: the reference server on the embedded database, on 127.0.0.1.
try {
  const config = loadConfig();
  if (!config.databaseUrl && config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const server = await startServer(config);
  const db = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Twikit rights API listening on ${server.url}  (database: ${db})`);
  console.log(`  OpenAPI:   ${server.url}/openapi.json`);
  console.log(`  Health:    ${server.url}/health`);
  if (config.devOutbox) console.log(`  Dev mail:  ${server.url}/dev/outbox  (sign-in codes are also printed here)`);
  closeOnSignal(() => server.close());
} catch (error) {
  failStart(error);
}
