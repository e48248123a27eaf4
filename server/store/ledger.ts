import { randomBytes } from 'node:crypto';
import type { Sql } from '../db/database.ts';

/**
 * The ledger's own SQL (migration 006): per-subject chain keys and signed checkpoints. The records themselves
 * are read through `store/consents.ts`.
 */

/** A subject's chain key, created on its first keyed record. Call under the chain's lock (`openConsentChain`). */
export async function subjectKey(tx: Sql, subjectId: string, now: Date): Promise<string> {
  await tx.query(
    'insert into ledger_keys (subject_id, key, created_at) values ($1, $2, $3) on conflict (subject_id) do nothing',
    [subjectId, randomBytes(32).toString('hex'), now.toISOString()],
  );
  const [row] = await tx.query<{ key: string }>('select key from ledger_keys where subject_id = $1', [subjectId]);
  return row!.key;
}

/** The keys of these subjects (missing: erased, or never keyed). */
export async function subjectKeys(sql: Sql, subjectIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await sql.query<{ subject_id: string; key: string }>(
    'select subject_id, key from ledger_keys where subject_id = any($1::uuid[])',
    [[...subjectIds]],
  );
  return new Map(rows.map((r) => [r.subject_id, r.key]));
}

/** The newest record of every chain, and the highest position written. */
export async function chainHeads(
  sql: Sql,
): Promise<{ heads: Array<{ subject: string; seq: number; hash: string }>; throughSeq: number }> {
  const rows = await sql.query<{ subject_id: string; seq: string; hash: string }>(
    'select distinct on (subject_id) subject_id, seq, hash from consent_records order by subject_id, seq desc',
  );
  const heads = rows.map((r) => ({ subject: r.subject_id, seq: Number(r.seq), hash: r.hash }));
  return { heads, throughSeq: heads.reduce((max, h) => Math.max(max, h.seq), 0) };
}

export interface CheckpointRow {
  id: number;
  createdAt: string;
  throughSeq: number;
  subjects: number;
  root: string;
  signature: string;
}

interface Row {
  id: string;
  created_at: Date;
  through_seq: string;
  subjects: number;
  root: string;
  signature: string;
}

const toCheckpoint = (row: Row): CheckpointRow => ({
  id: Number(row.id),
  createdAt: new Date(row.created_at).toISOString(),
  throughSeq: Number(row.through_seq),
  subjects: row.subjects,
  root: row.root,
  signature: row.signature,
});

const CHECKPOINT_COLUMNS = 'id, created_at, through_seq, subjects, root, signature';

export async function insertCheckpoint(
  tx: Sql,
  checkpoint: Omit<CheckpointRow, 'id'> & { heads: unknown },
): Promise<CheckpointRow> {
  const [row] = await tx.query<Row>(
    `insert into ledger_checkpoints (created_at, through_seq, subjects, root, heads, signature)
       values ($1, $2, $3, $4, $5, $6) returning ${CHECKPOINT_COLUMNS}`,
    [
      checkpoint.createdAt,
      checkpoint.throughSeq,
      checkpoint.subjects,
      checkpoint.root,
      JSON.stringify(checkpoint.heads),
      checkpoint.signature,
    ],
  );
  return toCheckpoint(row!);
}

/** The newest checkpoints first, from the created_at index. */
export async function recentCheckpoints(sql: Sql, take: number): Promise<CheckpointRow[]> {
  const rows = await sql.query<Row>(
    `select ${CHECKPOINT_COLUMNS} from ledger_checkpoints order by created_at desc, id desc limit $1`,
    [take],
  );
  return rows.map(toCheckpoint);
}

/** The newest checkpoint with the heads it covers. */
export async function latestCheckpoint(
  sql: Sql,
): Promise<(CheckpointRow & { heads: Array<{ subject: string; seq: number; hash: string }> }) | undefined> {
  const [row] = await sql.query<Row & { heads: Array<{ subject: string; seq: number; hash: string }> }>(
    `select ${CHECKPOINT_COLUMNS}, heads from ledger_checkpoints order by created_at desc, id desc limit 1`,
  );
  return row ? { ...toCheckpoint(row), heads: row.heads } : undefined;
}

// Any constant works; every instance on this database must use the same one.
const CHECKPOINT_LOCK = 727_006;

/** Takes the checkpoint job's lock for the transaction without waiting: false when another instance holds it. */
export async function tryCheckpointLock(tx: Sql): Promise<boolean> {
  const [lock] = await tx.query<{ got: boolean }>('select pg_try_advisory_xact_lock($1) as got', [CHECKPOINT_LOCK]);
  return lock?.got ?? false;
}
