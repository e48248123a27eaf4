import pg from 'pg';
import type { Database, Sql } from './database.ts';

// timestamptz and date come back as strings we format ourselves; pg's Date parsing uses the local zone for `date`.
const types = {
  getTypeParser: (oid: number, format?: unknown) => {
    if (oid === 1082 /* date */) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** A PostgreSQL server reached through `connectionString` (a pool; transactions take one client). */
export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max, types: types as pg.CustomTypesConfig });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('[db] idle client error:', error.message));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async (text, params) => (await pool.query(text, params ? [...params] : [])).rows,
    exec: async (text) => void (await pool.query(text)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const sql: Sql = {
          query: async (text, params) => (await client.query(text, params ? [...params] : [])).rows,
          exec: async (text) => void (await client.query(text)),
        };
        const result = await fn(sql);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
