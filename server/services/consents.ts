import { randomUUID } from 'node:crypto';
import type { Locale, Surface } from '../../shared/contract/common.ts';
import type {
  ConsentDecisionInput,
  ConsentEvent,
  ConsentMethod,
  ConsentRecord,
  ConsentState,
} from '../../shared/contract/consent.ts';
import type { Purpose } from '../../shared/contract/notice.ts';
import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import { activeAfter, decisionFor, eventOf, gpcReflected, gpcTargets } from '../../shared/registry/purpose-rules.ts';
import type { Database, Sql } from '../db/database.ts';
import type { Principal } from '../identity/principal.ts';
import {
  consentRecords,
  consentRecordsAfter,
  insertConsentRecord,
  latestConsents,
  lockConsentChain,
} from '../store/consents.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { chainHash } from './ledger.ts';
import { invalid } from './errors.ts';

/** Every record of a subject, oldest first (exports; paged callers use `historyPage`). */
export async function history(sql: Sql, subjectId: string): Promise<ConsentRecord[]> {
  return consentRecords(sql, subjectId);
}

const HistoryCursor = z.tuple([z.number().check(z.int(), z.gte(0))]);

/** One page of a subject's records, oldest first, read from the (subject_id, seq) index from the cursor on. */
export async function historyPage(
  sql: Sql,
  subjectId: string,
  page: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ records: ConsentRecord[]; next: string | null }> {
  const limit = page.limit ?? PAGE_LIMITS.consentHistory.default;
  const after = page.cursor === undefined ? 0 : decodeCursor(page.cursor, HistoryCursor, 'consent history')[0];
  const rows = await consentRecordsAfter(sql, subjectId, after, limit + 1);
  const { items, next } = pageOf(
    rows,
    limit,
    (row) => row.record,
    (row) => [row.seq],
  );
  return { records: items, next };
}

/** The latest record of each of `purposes` (the store reads one index step per purpose). */
const latestBySubject = latestConsents;

/** The current state of every purpose; undecided purposes are off (R16: nothing is on until given). */
export async function consentState(
  sql: Sql,
  principal: Principal,
  purposes: readonly Purpose[],
  gpcSignal: boolean,
): Promise<ConsentState> {
  const latest = await latestBySubject(
    sql,
    principal.subjectId,
    purposes.map((p) => p.id),
  );
  const states = purposes.map((purpose) => {
    const row = latest.get(purpose.id);
    return {
      purpose: purpose.id,
      kind: purpose.kind,
      active: row?.active ?? false,
      decided: row !== undefined,
      byGpc: row?.method === 'gpc',
      updatedAt: row?.recordedAt ?? null,
      noticeVersion: row?.noticeVersion ?? null,
    };
  });
  // "Honoured" only when the state really reflects the signal; a confirmed exception (R29) means it does not.
  const honored = gpcSignal && gpcReflected(states);
  return {
    subjectId: principal.subjectId,
    subjectKind: principal.kind,
    purposes: states,
    gpc: { signal: gpcSignal, honored },
  };
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

const eventFor = (purpose: Purpose, active: boolean, wasActive: boolean): ConsentEvent =>
  eventOf(decisionFor(purpose.kind, active), wasActive);

/**
 * Appends one record. Records of a subject form a hash chain (each hash covers the previous one), so a
 * deleted or edited record is detectable (R35). A per-subject advisory lock keeps the chain linear.
 */
async function append(tx: Sql, principal: Principal, entry: Append, now: Date): Promise<ConsentRecord> {
  const lastHash = await lockConsentChain(tx, principal.subjectId);
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
    prevHash: lastHash,
  };
  // Keyed per subject since migration 006 (services/ledger.ts); the lock above keeps the chain linear.
  const hash = await chainHash(tx, body, now);
  const record = { ...body, hash };
  await insertConsentRecord(tx, record);
  return record;
}

/**
 * Only the server says a decision came from Global Privacy Control: `gpc` stands when this request carried
 * `Sec-GPC: 1`; without it the client's label is recorded as what it is, a client's (`api`) decision.
 * Refusing it instead would lose decisions the widget makes on a JS-only signal (navigator.globalPrivacyControl).
 */
export const recordedMethod = (claimed: ConsentMethod, gpcHeader: boolean): ConsentMethod =>
  claimed === 'gpc' && !gpcHeader ? 'api' : claimed;

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
  if (!purpose) throw invalid(`Unknown purpose "${input.purpose}".`);
  if (!noticeHash) {
    throw invalid(
      `Notice version "${input.noticeVersion}" was never published; load the current notice and decide again.`,
      {
        errors: [{ pointer: '/body/noticeVersion', reason: 'Not a published notice version.' }],
      },
      'notice-version-unknown',
    );
  }
  const active = activeAfter(input.decision);
  return append(
    tx,
    principal,
    {
      purpose,
      active,
      method: recordedMethod(input.method, gpc),
      gpc,
      surface: input.surface,
      control: input.control ?? null,
      locale: input.locale,
      noticeVersion: input.noticeVersion,
      noticeHash,
    },
    now,
  );
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
    return (row?.active ?? false) !== state && !row?.gpc;
  });
  if (due.length === 0) return [];
  return db.transaction(async (tx) => {
    const appended: ConsentRecord[] = [];
    const fresh = await latestBySubject(tx, principal.subjectId, ids);
    for (const [id, state] of due) {
      const purpose = purposes.find((p) => p.id === id);
      const row = fresh.get(id);
      if (!purpose || (row?.active ?? false) === state || row?.gpc) continue;
      appended.push(
        await append(
          tx,
          principal,
          {
            purpose,
            active: state,
            method: 'gpc',
            gpc: true,
            surface: { kind: 'api' },
            control: null,
            locale: notice.locale,
            noticeVersion: notice.version,
            noticeHash: notice.contentHash,
          },
          now,
        ),
      );
    }
    return appended;
  });
}
