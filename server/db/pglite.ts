import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database.ts';

/** An embedded PostgreSQL (WASM) in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  try {
    await pg.waitReady;
  } catch (error) {
    // PGlite reports a data folder it cannot open as a bare WebAssembly abort; say what it means.
    throw new Error(
      `The embedded database in "${dataDir}" could not be opened (${(error as Error).message}). It may be damaged, ` +
        'for example by a process killed while writing: move the folder aside (nothing else reads it) or set DATA_DIR to another folder.',
      { cause: error },
    );
  }
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
