import { mkdirSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.ts';
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
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
