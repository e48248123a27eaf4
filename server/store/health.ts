import type { Sql } from '../db/database.ts';

/** Resolves when the database answers a trivial statement; rejects when it does not. */
export async function ping(sql: Sql): Promise<void> {
  await sql.query('select 1');
}
