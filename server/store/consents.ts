import type { Locale, Surface } from '../../shared/contract/common.ts';
import type { ConsentEvent, ConsentRecord, RecordedMethod } from '../../shared/contract/consent.ts';
import type { PurposeId } from '../../shared/contract/notice.ts';
import type { Sql } from '../db/database.ts';

interface RecordRow {
  id: string;
  subject_id: string;
  subject_kind: 'user' | 'device';
  purpose: PurposeId;
  event: ConsentEvent;
  active: boolean;
  legal_basis: ConsentRecord['legalBasis'];
  special_category: boolean;
  method: RecordedMethod;
  gpc: boolean;
  surface: Surface;
  control: string | null;
  locale: Locale;
  notice_version: string;
  notice_hash: string;
  recorded_at: Date;
  decided_at: Date | null;
  received_at: Date | null;
  expires_at: Date | null;
  prev_hash: string | null;
  hash: string;
}

const COLUMNS = `id, subject_id, subject_kind, purpose, event, active, legal_basis, special_category, method, gpc, surface,
  control, locale, notice_version, notice_hash, recorded_at, prev_hash, hash, decided_at, received_at, expires_at`;

const iso = (at: Date | null): string | null => (at === null ? null : new Date(at).toISOString());

const toRecord = (row: RecordRow): ConsentRecord => ({
  schemaVersion: 1,
  id: row.id,
  subjectId: row.subject_id,
  subjectKind: row.subject_kind,
  purpose: row.purpose,
  event: row.event,
  active: row.active,
  legalBasis: row.legal_basis,
  specialCategory: row.special_category,
  method: row.method,
  gpc: row.gpc,
  surface: row.surface,
  control: row.control,
  decidedAt: iso(row.decided_at),
  receivedAt: iso(row.received_at),
  expiresAt: iso(row.expires_at),
  locale: row.locale,
  noticeVersion: row.notice_version,
  noticeHash: row.notice_hash,
  recordedAt: new Date(row.recorded_at).toISOString(),
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** Every record of a subject, oldest first. */
export async function consentRecords(sql: Sql, subjectId: string): Promise<ConsentRecord[]> {
  const rows = await sql.query<RecordRow>(`select ${COLUMNS} from consent_records where subject_id = $1 order by seq`, [
    subjectId,
  ]);
  return rows.map(toRecord);
}

/** Up to `take` of a subject's records after position `afterSeq`, oldest first, from the (subject_id, seq) index. */
export async function consentRecordsAfter(
  sql: Sql,
  subjectId: string,
  afterSeq: number,
  take: number,
): Promise<Array<{ seq: number; record: ConsentRecord }>> {
  const rows = await sql.query<RecordRow & { seq: string }>(
    `select seq, ${COLUMNS} from consent_records where subject_id = $1 and seq > $2 order by seq limit $3`,
    [subjectId, afterSeq, take],
  );
  return rows.map((row) => ({ seq: Number(row.seq), record: toRecord(row) }));
}

/**
 * The latest record of each purpose: one index step per purpose (LIMIT 1 on (subject_id, purpose, seq desc)),
 * so the cost does not grow with the subject's record count.
 */
export async function latestConsents(
  sql: Sql,
  subjectId: string,
  purposes: readonly PurposeId[],
): Promise<Map<PurposeId, ConsentRecord>> {
  const rows = await sql.query<RecordRow>(
    `select r.* from unnest($2::text[]) as p(purpose)
       cross join lateral (select ${COLUMNS} from consent_records c
         where c.subject_id = $1 and c.purpose = p.purpose order by c.seq desc limit 1) r`,
    [subjectId, [...purposes]],
  );
  return new Map(rows.map((row) => [row.purpose, toRecord(row)]));
}

/** A subject's chain as a writer sees it once it holds the chain's lock (`openConsentChain`). */
export interface ConsentChain {
  /** The latest record of each purpose asked for. */
  latest: Map<PurposeId, ConsentRecord>;
  /** The hash of the subject's newest record, which the next record names as its previous. */
  head: string | null;
  /** The subject's chain key (migration 006), or undefined before its first keyed record. */
  key: string | undefined;
}

/**
 * Takes the subject's chain for the rest of the transaction (PostgreSQL's transaction-scoped advisory lock;
 * another database needs a row lock or its own named lock), then reads in one statement what an append needs:
 * the latest record of each of `purposes`, the chain's head and its key. Two statements, not one: under READ
 * COMMITTED a statement reads the snapshot taken when it started, so a read in the lock's own statement could
 * miss a record the previous holder committed while this one waited.
 */
export async function openConsentChain(
  tx: Sql,
  subjectId: string,
  purposes: readonly PurposeId[],
): Promise<ConsentChain> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [subjectId]);
  const rows = await tx.query<RecordRow & { chain_head: string | null; chain_key: string | null }>(
    `select h.chain_head, k.key as chain_key, r.*
       from (select (select hash from consent_records where subject_id = $1 order by seq desc limit 1) as chain_head) h
       left join ledger_keys k on k.subject_id = $1
       left join lateral (select c.* from unnest($2::text[]) as p(purpose)
         cross join lateral (select ${COLUMNS} from consent_records c
           where c.subject_id = $1 and c.purpose = p.purpose order by c.seq desc limit 1) c) r on true`,
    [subjectId, [...purposes]],
  );
  const first = rows[0];
  return {
    latest: new Map(rows.filter((row) => row.id !== null).map((row) => [row.purpose, toRecord(row)])),
    head: first?.chain_head ?? null,
    key: first?.chain_key ?? undefined,
  };
}

/** Appends a record (its position, `seq`, is given by the database). */
export async function insertConsentRecord(tx: Sql, record: ConsentRecord): Promise<void> {
  await tx.query(
    `insert into consent_records (${COLUMNS}) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)`,
    [
      record.id,
      record.subjectId,
      record.subjectKind,
      record.purpose,
      record.event,
      record.active,
      record.legalBasis,
      record.specialCategory,
      record.method,
      record.gpc,
      JSON.stringify(record.surface),
      record.control,
      record.locale,
      record.noticeVersion,
      record.noticeHash,
      record.recordedAt,
      record.prevHash,
      record.hash,
      record.decidedAt,
      record.receivedAt,
      record.expiresAt,
    ],
  );
}

/**
 * Records of every subject in chain order (subject, then position), `take` at a time after `after`, with the
 * scheme each was chained under (migration 006): what the ledger verifier walks, from the (subject_id, seq) index.
 */
export async function chainedRecordsAfter(
  sql: Sql,
  after: { subjectId: string; seq: number },
  take: number,
): Promise<Array<{ seq: number; chain: string; record: ConsentRecord }>> {
  const rows = await sql.query<RecordRow & { seq: string; chain: string }>(
    `select seq, chain, ${COLUMNS} from consent_records where (subject_id, seq) > ($1::uuid, $2::bigint)
       order by subject_id, seq limit $3`,
    [after.subjectId, after.seq, take],
  );
  return rows.map((row) => ({ seq: Number(row.seq), chain: row.chain, record: toRecord(row) }));
}

/** One record of a subject by its id (receipts); undefined for another subject's record, as for an unknown id. */
export async function consentRecordOf(sql: Sql, subjectId: string, id: string): Promise<ConsentRecord | undefined> {
  const [row] = await sql.query<RecordRow>(`select ${COLUMNS} from consent_records where id = $1 and subject_id = $2`, [
    id,
    subjectId,
  ]);
  return row ? toRecord(row) : undefined;
}
