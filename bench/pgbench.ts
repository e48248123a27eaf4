// The database's own limit for a consent write: the statements our server sent for one write (captured by
// bench/write-path.ts) replayed by `pgbench` as a custom script, at the same number of clients, on the same
// database. Each transaction takes one of the load's devices at random (its token hash and subject id), and new
// ids, idempotency keys and hashes, as the server would; everything else is the captured values.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sha256Hex } from '../server/identity/tokens.ts';
import type { WritePath } from './write-path.ts';

export interface PgbenchResult {
  transactionsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  transactions: number;
  failures: number;
  /** The script pgbench ran (statements per transaction, `\set` lines aside). */
  script: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** pgbench in PATH, else the newest of Debian's versioned folders; undefined when there is none. */
export function findPgbench(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin', 'pgbench')).find((p) => existsSync(p));
}

const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? `{${value.map((v) => `"${String(v).replaceAll('"', '\\"')}"`).join(',')}}`
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  // pgbench reads `:word` as a variable even inside a string: colons are written as escapes it does not see.
  if (!text.includes(':')) return `'${text.replaceAll("'", "''")}'`;
  return `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll(':', '\\x3a')}'`;
};

/** The captured write as a pgbench script: one line per statement, the device's values made per transaction. */
export function pgbenchScript(path: WritePath, devices: number): string {
  const lines = [`\\set n random(1, ${devices})`];
  path.sample.forEach((statement, index) => {
    if (statement.text === 'begin' || statement.text === 'commit') {
      lines.push(`${statement.text};`);
      return;
    }
    const text = statement.text.replace(/\$(\d+)/g, (_, n: string) => {
      const position = Number(n) - 1;
      const value = statement.params[position];
      if (value === path.tokenHash) return '(select token_hash from bench_pgbench_devices where n = :n)';
      if (value === path.subjectId) return ':subject_id';
      // A per-identity counter's key (a keyed hash of the subject): one per device, as the server's.
      if (statement.text.startsWith('insert into rate_limits') && position === 0) return 'md5(:subject_id)';
      // New record ids and idempotency keys (an insert converts to the column's type; a comparison needs text).
      if (typeof value === 'string' && UUID.test(value))
        return statement.text.startsWith('insert') ? 'gen_random_uuid()' : 'gen_random_uuid()::text';
      if (statement.text.startsWith('insert into consent_records') && value === statement.params[17])
        return 'md5(random()::text)';
      return literal(value);
    });
    // The session read names the subject the rest of the transaction writes for.
    lines.push(index === 0 ? `${text} \\gset` : `${text};`);
  });
  return `${lines.join('\n')}\n`;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Runs the captured write under pgbench on `databaseUrl` with `connections` clients for `seconds`, each
 * transaction for one of `tokens` (the devices the load wrote for). Prepared statements, as pgbench's best case.
 */
export async function runPgbench(
  pgbench: string,
  databaseUrl: string,
  path: WritePath,
  tokens: readonly string[],
  options: { seconds: number; connections: number },
): Promise<PgbenchResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const dir = mkdtempSync(join(tmpdir(), 'tpc-pgbench-'));
  try {
    await client.query('create table bench_pgbench_devices (n int primary key, token_hash text not null)');
    await client.query(
      'insert into bench_pgbench_devices select i, h from unnest($1::text[]) with ordinality as t(h, i)',
      [tokens.map((t) => sha256Hex(t))],
    );
    const script = pgbenchScript(path, tokens.length);
    writeFileSync(join(dir, 'write.sql'), script);
    const args = [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(options.connections),
      '-j',
      '2',
      '-T',
      String(options.seconds),
      '-f',
      join(dir, 'write.sql'),
      '-l',
      '--log-prefix',
      join(dir, 'log'),
      databaseUrl,
    ];
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(pgbench, args, { cwd: dir, maxBuffer: 1 << 24 }, (error, out, err) =>
        error ? reject(new Error(`pgbench failed: ${err.trim().split('\n').slice(-2).join(' ')}`)) : resolve(out),
      ),
    );
    // Per-transaction log lines: client, transaction, latency (µs), script, epoch seconds, µs.
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith('log'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? Number.NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    return {
      transactionsPerSecond: tps,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      transactions: latencies.length,
      failures: failed,
      script,
    };
  } finally {
    await client.query('drop table if exists bench_pgbench_devices').catch(() => undefined);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
