import { mkdirSync } from 'node:fs';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { closeOnSignal, failStart } from './process.ts';

// `npm start`: the reference server on the embedded database, on 127.0.0.1.
try {
  const config = loadConfig();
  if (!config.databaseUrl && config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  // The database opens (PGlite: its WebAssembly and data folder) while the rest of the server loads, rather than
  // after it: the two are most of the time from start to the first answer.
  const opening = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const [{ startServer }, db] = await Promise.all([import('./start.ts'), opening]);
  const server = await startServer(config, { db });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Twikit rights API listening on ${server.url}  (database: ${where})`);
  console.log(`  OpenAPI:   ${server.url}/openapi.json`);
  console.log(`  Health:    ${server.url}/health`);
  if (config.devOutbox) console.log(`  Dev mail:  ${server.url}/dev/outbox  (sign-in codes are also printed here)`);
  closeOnSignal(async () => {
    await server.close();
    await db.close();
  });
} catch (error) {
  failStart(error);
}
