// What one consent write costs the database: the statements and round trips of `POST /v1/consents` (as the
// widget sends it, with an Idempotency-Key), captured by wrapping the server's database. The capture is also the
// transaction shape `bench/pgbench.ts` replays under pgbench, so the two figures are for the same statements.
// `npx tsx bench/write-path.ts [postgres|pglite] [--sql]`: the counts per write, and with --sql the statements.
import { randomUUID } from 'node:crypto';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Database, Sql } from '../server/db/database.ts';
import { openDatabase } from '../server/db/open.ts';
import { sha256Hex } from '../server/identity/tokens.ts';
import { createOutboxMailer } from '../server/mail/mailer.ts';
import { createDeps } from '../server/start.ts';
import { createBenchDatabase, type DatabaseKind } from './database.ts';

export interface Statement {
  /** The SQL text, whitespace folded; `begin` and `commit` for a transaction's ends. */
  text: string;
  params: readonly unknown[];
}

export interface WritePath {
  database: DatabaseKind;
  /** Statements sent per write (round trips), `begin` and `commit` included. */
  statements: number;
  /** Transactions per write. */
  transactions: number;
  /** The statements of the last write, in order. */
  sample: Statement[];
  /** The device that wrote it: its subject id and the hash of its token, as the statements carry them. */
  subjectId: string;
  tokenHash: string;
  /** That device's bearer token. */
  token: string;
}

/** A database that logs every statement it is sent (a transaction's `begin` and `commit` count as two). */
function capturing(db: Database, log: Statement[]): Database {
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  const wrap = (sql: Sql): Sql => ({
    query: (text, params) => {
      log.push({ text: fold(text), params: params ?? [] });
      return sql.query(text, params);
    },
    exec: (text) => {
      log.push({ text: fold(text), params: [] });
      return sql.exec(text);
    },
  });
  return {
    ...wrap(db),
    kind: db.kind,
    transaction: (fn) => {
      log.push({ text: 'begin', params: [] });
      return db.transaction((tx) => fn(wrap(tx))).finally(() => log.push({ text: 'commit', params: [] }));
    },
    close: () => db.close(),
  };
}

/**
 * Captures `writes` consent writes by one new device, in this process, on the database `env` names (DATA_DIR or
 * DATABASE_URL; PGlite must not be open elsewhere), after one uncaptured write that warms the caches.
 */
export async function captureWritePath(
  kind: DatabaseKind,
  env: Record<string, string>,
  writes = 4,
): Promise<WritePath> {
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    HOST_TOKEN_SECRET: 'bench-host-token-secret-0123456789abcdef',
    ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DEV_OUTBOX: '0',
    ...env,
  } as NodeJS.ProcessEnv);
  const log: Statement[] = [];
  const db = capturing(
    await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 }),
    log,
  );
  try {
    const deps = await createDeps(config, { db, mailer: createOutboxMailer(() => undefined) });
    const app = createApp(deps);
    const call = async (path: string, body: unknown, token?: string) => {
      const response = await app.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { token: string; record?: { subjectId: string } };
    };
    const version = deps.notices.current('en').notice.version;
    const { token } = await call('/v1/auth/device', {});
    const write = (n: number) =>
      call(
        '/v1/consents',
        {
          purpose: 'third_party_sharing',
          decision: n % 2 ? 'deny' : 'grant',
          method: 'ui',
          control: 'toggle',
          surface: { kind: 'widget', app: 'twikfit' },
          noticeVersion: version,
          locale: 'en',
        },
        token,
      );
    const first = await write(0);
    // Housekeeping the limiter starts now and then (pruning) is not part of a write.
    await new Promise((resolve) => setTimeout(resolve, 200));
    log.length = 0;
    for (let n = 1; n <= writes; n++) await write(n);
    const perWrite = log.length / writes;
    return {
      database: kind,
      statements: perWrite,
      transactions: log.filter((s) => s.text === 'begin').length / writes,
      sample: log.slice(-perWrite),
      subjectId: first.record!.subjectId,
      tokenHash: sha256Hex(token),
      token,
    };
  } finally {
    await db.close();
  }
}

/** `captureWritePath` on a database of its own, removed afterwards. */
export async function countWritePath(kind: DatabaseKind, pgAdminUrl: string): Promise<WritePath> {
  const database = await createBenchDatabase(kind, pgAdminUrl);
  try {
    return await captureWritePath(kind, database.env);
  } finally {
    await database.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = (process.argv[2] ?? 'postgres') as DatabaseKind;
  const path = await countWritePath(kind, process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  console.log(`${kind}: ${path.statements} statements, ${path.transactions} transaction(s) per consent write`);
  if (process.argv.includes('--sql')) for (const s of path.sample) console.log(`  ${s.text.slice(0, 160)}`);
}
