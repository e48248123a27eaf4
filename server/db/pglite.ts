import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database.ts';

/** An embedded PostgreSQL (WASM) in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  return {
    kind: 'pglite',
    query: async (text, params) => (await pg.query(text, params ? [...params] : [])).rows as never,
    exec: async (text) => void (await pg.exec(text)),
    transaction: (fn) =>
      pg.transaction((tx) => {
        const sql: Sql = {
          query: async (text, params) => (await tx.query(text, params ? [...params] : [])).rows as never,
          exec: async (text) => void (await tx.exec(text)),
        };
        return fn(sql);
      }),
    close: () => pg.close(),
  };
}
