import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { createTestDatabase, DB_KIND, type TestDatabase } from './harness.ts';

describe(`the database layer on ${DB_KIND}`, () => {
  let location: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    location = await createTestDatabase();
    db = await openDatabase({ databaseUrl: location.env.DATABASE_URL, dataDir: location.env.DATA_DIR });
  });
  afterAll(async () => {
    await db?.close();
    await location?.dispose();
  });

  it('applies every migration once, and nothing on a second run', async () => {
    const applied = await db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(applied.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('commits a transaction whole or not at all', async () => {
    const id = '11111111-1111-4111-8111-111111111111';
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into devices (id, created_at) values ($1, now())', [id]);
        throw new Error('crash after the first write');
      }),
    ).rejects.toThrow('crash after the first write');
    expect(await db.query('select 1 from devices where id = $1', [id])).toHaveLength(0);
    await db.transaction((tx) => tx.query('insert into devices (id, created_at) values ($1, now())', [id]));
    expect(await db.query('select 1 from devices where id = $1', [id])).toHaveLength(1);
  });

  it('a failed statement inside a transaction rolls back the statements before it', async () => {
    const id = '22222222-2222-4222-8222-222222222222';
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into devices (id, created_at) values ($1, now())', [id]);
        await tx.query('insert into devices (id, created_at) values ($1, now())', [id]); // duplicate key
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await db.query('select 1 from devices where id = $1', [id])).toHaveLength(0);
  });

  it('R31: consent records and request events are append-only', async () => {
    await expect(db.query('update consent_records set active = true')).resolves.toEqual([]); // no rows: the trigger fires per row
    await db.query(`insert into consent_records (id, subject_id, subject_kind, purpose, event, active, legal_basis, special_category,
      method, gpc, surface, locale, notice_version, notice_hash, recorded_at, hash)
      values (gen_random_uuid(), gen_random_uuid(), 'device', 'telemetry', 'objected', true, 'legitimate_interests', false,
      'ui', false, '{"kind":"api"}', 'en', 'v', 'h', now(), 'h')`);
    await expect(db.query('update consent_records set active = false')).rejects.toThrow(/append-only/);
    await expect(db.query('delete from consent_records')).rejects.toThrow(/append-only/);
    expect(await db.query('select 1 from consent_records where active')).toHaveLength(1);
  });
});
