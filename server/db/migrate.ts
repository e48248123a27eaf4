import type { Database } from './database.ts';
import { migrations, type Migration } from './migrations/index.ts';

// Any constant works; it only has to be the same for every instance migrating this database.
const MIGRATION_LOCK = 727_001;

/** Applies pending migrations, each in its own transaction; concurrent starters wait on an advisory lock. */
export async function migrate(db: Database, list: readonly Migration[] = migrations): Promise<number[]> {
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
