import { randomUUID } from 'node:crypto';
import type { Locale, Surface } from '../../shared/contract/common.ts';
import type { ConsentDecisionInput, ConsentEvent, ConsentMethod, ConsentRecord, ConsentState } from '../../shared/contract/consent.ts';
import type { Purpose, PurposeId } from '../../shared/contract/notice.ts';
import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import { activeAfter, decisionFor, eventOf, gpcReflected, gpcTargets } from '../../shared/registry/purpose-rules.ts';
import type { Database, Sql } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';
import type { Principal } from '../identity/principal.ts';
import { sha256Hex } from '../identity/tokens.ts';
import { decodeCursor, pageOf } from './cursor.ts';

interface RecordRow {
  id: string;
  subject_id: string;
  subject_kind: 'user' | 'device';
  purpose: PurposeId;
  event: ConsentEvent;
  active: boolean;
  legal_basis: ConsentRecord['legalBasis'];
  special_category: boolean;
  method: ConsentMethod;
  gpc: boolean;
  surface: Surface;
  control: string | null;
  locale: Locale;
  notice_version: string;
  notice_hash: string;
  recorded_at: Date;
  prev_hash: string | null;
  hash: string;
}

const COLUMNS = `id, subject_id, subject_kind, purpose, event, active, legal_basis, special_category, method, gpc, surface,
  control, locale, notice_version, notice_hash, recorded_at, prev_hash, hash`;

export const toRecord = (row: RecordRow): ConsentRecord => ({
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
  locale: row.locale,
  noticeVersion: row.notice_version,
  noticeHash: row.notice_hash,
  recordedAt: new Date(row.recorded_at).toISOString(),
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** Every record of a subject, oldest first (exports; paged callers use `historyPage`). */
export async function history(sql: Sql, subjectId: string): Promise<ConsentRecord[]> {
  const rows = await sql.query<RecordRow>(`select ${COLUMNS} from consent_records where subject_id = $1 order by seq`, [subjectId]);
  return rows.map(toRecord);
}

const HistoryCursor = z.tuple([z.number().check(z.int(), z.gte(0))]);

/** One page of a subject's records, oldest first, read from the (subject_id, seq) index from the cursor on. */
export async function historyPage(sql: Sql, subjectId: string, page: { cursor?: string | undefined; limit?: number | undefined }): Promise<{ records: ConsentRecord[]; next: string | null }> {
  const limit = page.limit ?? PAGE_LIMITS.consentHistory.default;
  const after = page.cursor === undefined ? 0 : decodeCursor(page.cursor, HistoryCursor, 'consent history')[0];
  const rows = await sql.query<RecordRow & { seq: string }>(
    `select seq, ${COLUMNS} from consent_records where subject_id = $1 and seq > $2 order by seq limit $3`,
    [subjectId, after, limit + 1],
  );
  const { items, next } = pageOf(rows, limit, toRecord, (row) => [Number(row.seq)]);
  return { records: items, next };
}

/**
 * The latest record of each purpose: one index step per purpose (LIMIT 1 on (subject_id, purpose, seq desc)),
 * so the cost does not grow with the subject's record count.
 */
async function latestBySubject(sql: Sql, subjectId: string, purposes: readonly PurposeId[]): Promise<Map<PurposeId, RecordRow>> {
  const rows = await sql.query<RecordRow>(
    `select r.* from unnest($2::text[]) as p(purpose)
       cross join lateral (select ${COLUMNS} from consent_records c
         where c.subject_id = $1 and c.purpose = p.purpose order by c.seq desc limit 1) r`,
    [subjectId, [...purposes]],
  );
  return new Map(rows.map((row) => [row.purpose, row]));
}

/** The current state of every purpose; undecided purposes are off (R16: nothing is on until given). */
export async function consentState(sql: Sql, principal: Principal, purposes: readonly Purpose[], gpcSignal: boolean): Promise<ConsentState> {
  const latest = await latestBySubject(sql, principal.subjectId, purposes.map((p) => p.id));
  const states = purposes.map((purpose) => {
    const row = latest.get(purpose.id);
    return {
      purpose: purpose.id,
      kind: purpose.kind,
      active: row?.active ?? false,
      decided: row !== undefined,
      byGpc: row?.method === 'gpc',
      updatedAt: row ? new Date(row.recorded_at).toISOString() : null,
      noticeVersion: row?.notice_version ?? null,
    };
  });
  // "Honoured" only when the state really reflects the signal; a confirmed exception (R29) means it does not.
  const honored = gpcSignal && gpcReflected(states);
  return { subjectId: principal.subjectId, subjectKind: principal.kind, purposes: states, gpc: { signal: gpcSignal, honored } };
}

interface Append {
  purpose: Purpose;
  active: boolean;
  method: ConsentMethod;
  gpc: boolean;
  surface: Surface;
  control: string | null;
  locale: Locale;
  noticeVersion: string;
  noticeHash: string;
}

const eventFor = (purpose: Purpose, active: boolean, wasActive: boolean): ConsentEvent => eventOf(decisionFor(purpose.kind, active), wasActive);

/**
 * Appends one record. Records of a subject form a hash chain (each hash covers the previous one), so a
 * deleted or edited record is detectable (R35). A per-subject advisory lock keeps the chain linear.
 */
async function append(tx: Sql, principal: Principal, entry: Append, now: Date): Promise<ConsentRecord> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [principal.subjectId]);
  const last = (await tx.query<{ hash: string }>('select hash from consent_records where subject_id = $1 order by seq desc limit 1', [principal.subjectId]))[0];
  const previous = (await latestBySubject(tx, principal.subjectId, [entry.purpose.id])).get(entry.purpose.id);
  const body: Omit<ConsentRecord, 'hash'> = {
    schemaVersion: 1,
    id: randomUUID(),
    subjectId: principal.subjectId,
    subjectKind: principal.kind,
    purpose: entry.purpose.id,
    event: eventFor(entry.purpose, entry.active, previous?.active ?? false),
    active: entry.active,
    legalBasis: entry.purpose.legalBasis,
    specialCategory: entry.purpose.specialCategory,
    method: entry.method,
    gpc: entry.gpc,
    surface: entry.surface,
    control: entry.control,
    locale: entry.locale,
    noticeVersion: entry.noticeVersion,
    noticeHash: entry.noticeHash,
    recordedAt: now.toISOString(),
    prevHash: last?.hash ?? null,
  };
  const hash = sha256Hex(canonicalJson(body));
  await tx.query(
    `insert into consent_records (${COLUMNS}) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
    [body.id, body.subjectId, body.subjectKind, body.purpose, body.event, body.active, body.legalBasis, body.specialCategory, body.method,
      body.gpc, JSON.stringify(body.surface), body.control, body.locale, body.noticeVersion, body.noticeHash, body.recordedAt, body.prevHash, hash],
  );
  return { ...body, hash };
}

/**
 * Only the server says a decision came from Global Privacy Control: `gpc` stands when this request carried
 * `Sec-GPC: 1`; without it the client's label is recorded as what it is, a client's (`api`) decision.
 * Refusing it instead would lose decisions the widget makes on a JS-only signal (navigator.globalPrivacyControl).
 */
export const recordedMethod = (claimed: ConsentMethod, gpcHeader: boolean): ConsentMethod => (claimed === 'gpc' && !gpcHeader ? 'api' : claimed);

/** Records a person's decision. */
export async function decide(
  tx: Sql,
  principal: Principal,
  input: ConsentDecisionInput,
  purposes: readonly Purpose[],
  noticeHash: string | undefined,
  gpc: boolean,
  now: Date,
): Promise<ConsentRecord> {
  const purpose = purposes.find((p) => p.id === input.purpose);
  if (!purpose) throw new ApiProblem('validation-failed', 422, `Unknown purpose "${input.purpose}".`);
  if (!noticeHash) {
    throw new ApiProblem('notice-version-unknown', 422, `Notice version "${input.noticeVersion}" was never published; load the current notice and decide again.`, {
      errors: [{ pointer: '/body/noticeVersion', reason: 'Not a published notice version.' }],
    });
  }
  const active = activeAfter(input.decision);
  return append(tx, principal, {
    purpose,
    active,
    method: recordedMethod(input.method, gpc),
    gpc,
    surface: input.surface,
    control: input.control ?? null,
    locale: input.locale,
    noticeVersion: input.noticeVersion,
    noticeHash,
  }, now);
}

/**
 * Honours `Sec-GPC: 1` (R28, R29) as the purpose registry says (third-party sharing off, telemetry objected), unless the
 * person set that purpose themselves while the signal was present (they confirmed an exception).
 * Returns the records it appended.
 */
export async function applyGpc(
  db: Database,
  principal: Principal,
  purposes: readonly Purpose[],
  notice: { version: string; contentHash: string; locale: Locale },
  now: Date,
): Promise<ConsentRecord[]> {
  const wanted = gpcTargets();
  const ids = wanted.map(([id]) => id);
  const latest = await latestBySubject(db, principal.subjectId, ids);
  const due = wanted.filter(([id, state]) => {
    const row = latest.get(id);
    return (row?.active ?? false) !== state && !(row && row.gpc);
  });
  if (due.length === 0) return [];
  return db.transaction(async (tx) => {
    const appended: ConsentRecord[] = [];
    const fresh = await latestBySubject(tx, principal.subjectId, ids);
    for (const [id, state] of due) {
      const purpose = purposes.find((p) => p.id === id);
      const row = fresh.get(id);
      if (!purpose || (row?.active ?? false) === state || (row && row.gpc)) continue;
      appended.push(await append(tx, principal, {
        purpose, active: state, method: 'gpc', gpc: true, surface: { kind: 'api' }, control: null,
        locale: notice.locale, noticeVersion: notice.version, noticeHash: notice.contentHash,
      }, now));
    }
    return appended;
  });
}
