// A database of the bench's own for the rights API: a PGlite folder in a temp dir, or a new PostgreSQL
// database on the local server (trust auth). `dispose` removes it; callers run it in `finally`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

export interface BenchDatabase {
  kind: DatabaseKind;
  /** What the server's configuration needs: DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Databases not yet disposed: an interrupted run (Ctrl+C) still removes them (`disposeAllDatabases`).
const live = new Set<BenchDatabase>();

/** Removes every database this process created and has not removed yet. */
export const disposeAllDatabases = (): Promise<unknown> => Promise.allSettled([...live].map((d) => d.dispose()));

/** Creates an empty database of `kind`. */
export async function createBenchDatabase(kind: DatabaseKind, pgAdminUrl: string): Promise<BenchDatabase> {
  const database = await create(kind, pgAdminUrl);
  const tracked: BenchDatabase = {
    ...database,
    dispose: async () => {
      if (!live.delete(tracked)) return;
      await database.dispose();
    },
  };
  live.add(tracked);
  return tracked;
}

async function create(kind: DatabaseKind, pgAdminUrl: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'tpc-bench-pglite-'));
    return { kind, env: { DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  // The name is ours alone (random), so dropping it can never touch another suite's database.
  const name = `tpc_bench_${randomBytes(6).toString('hex')}`;
  await admin(pgAdminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    dispose: () =>
      admin(pgAdminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
