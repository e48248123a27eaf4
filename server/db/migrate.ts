import type { Database } from './database.ts';
import { migrations, type Migration } from './migrations/index.ts';

// Any constant works; it only has to be the same for every instance migrating this database.
const MIGRATION_LOCK = 727_001;

/** Applies pending migrations, each in its own transaction; concurrent starters wait on an advisory lock. */
export async function migrate(db: Database, list: readonly Migration[] = migrations): Promise<number[]> {
  // A database already at this version (every start but the first after an upgrade) is told by one read,
  // without the lock and a transaction per migration: that is most of a start on the embedded database.
  if (await isCurrent(db, list)) return [];
  // Under the lock too: two instances starting at once on a new database would otherwise both create the
  // table, and PostgreSQL's `if not exists` does not stop the second from failing on the catalogue's unique index.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  });
  const applied: number[] = [];
  for (const migration of list) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** PostgreSQL's "undefined_table": a database no instance has migrated yet. */
const UNDEFINED_TABLE = '42P01';

/** Whether every migration of `list` is recorded as applied. */
async function isCurrent(db: Database, list: readonly Migration[]): Promise<boolean> {
  try {
    const rows = await db.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    return list.every((m) => applied.has(m.version));
  } catch (error) {
    if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return false;
    throw error;
  }
}
