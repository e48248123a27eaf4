import { randomUUID } from 'node:crypto';
import type { Locale, Surface } from '../../shared/contract/common.ts';
import {
  type ConsentDecisionInput,
  type ConsentEvent,
  type ConsentExpiry,
  type ConsentMethod,
  type ConsentRecord,
  type ConsentState,
  NOTICE_CHANGED_CONTROL,
  type RecordedMethod,
} from '../../shared/contract/consent.ts';
import type { Purpose, PurposeId } from '../../shared/contract/notice.ts';
import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import { activeAfter, decisionFor, eventOf, gpcReflected, gpcTargets } from '../../shared/notice/purpose-rules.ts';
import type { Database, Sql } from '../db/database.ts';
import type { Principal } from '../identity/principal.ts';
import {
  type ConsentChain,
  consentRecords,
  consentRecordsAfter,
  insertConsentRecord,
  latestConsents,
  openConsentChain,
} from '../store/consents.ts';
import { subjectKey } from '../store/ledger.ts';
import { checkGpcOverride, checkNoticeVersion, checkPurpose, checkSpecialCategory } from './consent-guards.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { recordHash } from './ledger.ts';
import type { NoticeChanges } from './notices.ts';

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

/** No notice history: nothing expires by a notice change (callers that read no current state). */
const NO_CHANGES: NoticeChanges = { changedSince: () => undefined };

/**
 * Whether a purpose's latest record is a consent a later notice version changed materially (R12): still in force
 * in the log (its `expired` record not yet written), or already ended by one. Objections never expire.
 */
function noticeExpiry(row: ConsentRecord | undefined, changes: NoticeChanges): ConsentExpiry | undefined {
  if (!row) return undefined;
  const ended = row.event === 'expired' && row.control === NOTICE_CHANGED_CONTROL;
  if (!ended && !row.active) return undefined;
  const changedIn = changes.changedSince(row.purpose, row.noticeVersion);
  return changedIn === undefined
    ? undefined
    : { reason: 'notice-changed', noticeVersion: row.noticeVersion, changedIn };
}

/**
 * The current state of every purpose; undecided purposes are off (R16: nothing is on until given). A consent a
 * materially changed notice ended reads as not given, with why, from the moment the version is published —
 * whether or not its `expired` record is written yet.
 */
export async function consentState(
  sql: Sql,
  principal: Principal,
  purposes: readonly Purpose[],
  gpcSignal: boolean,
  changes: NoticeChanges = NO_CHANGES,
): Promise<ConsentState> {
  const latest = await latestBySubject(
    sql,
    principal.subjectId,
    purposes.map((p) => p.id),
  );
  return stateFrom(latest, principal, purposes, gpcSignal, changes);
}

/** The state `consentState` reads, from the latest record of each purpose already in hand (a writer's chain). */
export function stateFrom(
  latest: ReadonlyMap<string, ConsentRecord>,
  principal: Principal,
  purposes: readonly Purpose[],
  gpcSignal: boolean,
  changes: NoticeChanges = NO_CHANGES,
): ConsentState {
  const states = purposes.map((purpose) => {
    const row = latest.get(purpose.id);
    const expired = purpose.kind === 'consent' ? noticeExpiry(row, changes) : undefined;
    return {
      purpose: purpose.id,
      kind: purpose.kind,
      active: expired ? false : (row?.active ?? false),
      decided: row !== undefined,
      byGpc: row?.method === 'gpc',
      updatedAt: row?.recordedAt ?? null,
      noticeVersion: row?.noticeVersion ?? null,
      // The notice's rules the first load acts on before it has the notice (set only when they say something).
      ...(purpose.gpc ? { gpc: purpose.gpc } : {}),
      ...(purpose.justInTime ? { justInTime: true as const } : {}),
      ...(expired ? { expired } : {}),
    };
  });
  // "Honoured" only when the state really reflects the signal; a confirmed exception (R29) means it does not.
  const honored = gpcSignal && gpcReflected(purposes, states);
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
  method: RecordedMethod;
  gpc: boolean;
  surface: Surface;
  control: string | null;
  locale: Locale;
  noticeVersion: string;
  noticeHash: string;
  /** What the client claims: when the person decided (offline). */
  decidedAt?: string | null;
  /** What the server saw: when the request arrived (default: `now`). */
  receivedAt?: string | null;
  expiresAt?: string | null;
  /** Set for records the server makes by itself (`expired`); otherwise derived from the decision. */
  event?: ConsentEvent;
}

const eventFor = (purpose: Purpose, active: boolean, wasActive: boolean): ConsentEvent =>
  eventOf(decisionFor(purpose.kind, active), wasActive);

/** A subject's chain, held for the rest of a transaction: records are appended to it one after another. */
interface Writer {
  tx: Sql;
  principal: Principal;
  chain: ConsentChain & { key: string };
}

/**
 * Takes the subject's chain (a per-subject advisory lock keeps it linear) and reads, at once, the latest record of
 * each of `purposes`, the chain's head and its key; every append then goes on from what it wrote, without reading
 * again. `purposes` must name every purpose the caller appends to.
 */
async function openChain(tx: Sql, principal: Principal, purposes: readonly PurposeId[], now: Date): Promise<Writer> {
  const chain = await openConsentChain(tx, principal.subjectId, purposes);
  // Keyed per subject since migration 006 (services/ledger.ts): the key is made with the subject's first record.
  const key = chain.key ?? (await subjectKey(tx, principal.subjectId, now));
  return { tx, principal, chain: { ...chain, key } };
}

/**
 * Appends one record. Records of a subject form a hash chain (each hash covers the previous one), so a
 * deleted or edited record is detectable (R35).
 */
async function append(w: Writer, entry: Append, now: Date): Promise<ConsentRecord> {
  const { principal, chain } = w;
  const previous = chain.latest.get(entry.purpose.id);
  const body: Omit<ConsentRecord, 'hash'> = {
    schemaVersion: 1,
    id: randomUUID(),
    subjectId: principal.subjectId,
    subjectKind: principal.kind,
    purpose: entry.purpose.id,
    event: entry.event ?? eventFor(entry.purpose, entry.active, previous?.active ?? false),
    active: entry.active,
    legalBasis: entry.purpose.legalBasis,
    specialCategory: entry.purpose.specialCategory,
    method: entry.method,
    gpc: entry.gpc,
    surface: entry.surface,
    control: entry.control,
    decidedAt: entry.decidedAt ?? null,
    receivedAt: entry.receivedAt === undefined ? now.toISOString() : entry.receivedAt,
    expiresAt: entry.expiresAt ?? null,
    locale: entry.locale,
    noticeVersion: entry.noticeVersion,
    noticeHash: entry.noticeHash,
    recordedAt: now.toISOString(),
    prevHash: chain.head,
  };
  const record = { ...body, hash: recordHash('hmac-v1', body, chain.key) };
  await insertConsentRecord(w.tx, record);
  chain.head = record.hash;
  chain.latest.set(record.purpose, record);
  return record;
}

/**
 * Only the server says a decision came from Global Privacy Control: `gpc` stands when this request carried
 * `Sec-GPC: 1`; without it the client's label is recorded as what it is, a client's (`api`) decision.
 * Refusing it instead would lose decisions the widget makes on a JS-only signal (navigator.globalPrivacyControl).
 */
export const recordedMethod = (claimed: ConsentMethod, gpcHeader: boolean): ConsentMethod =>
  claimed === 'gpc' && !gpcHeader ? 'api' : claimed;

/** What the server checks a decision against, besides the purposes. */
export interface DecisionGuards {
  /** The notice version served now: a decision citing another is refused (R12). */
  currentNoticeVersion: string;
  /** How long a visitor's special-category consent lasts. */
  visitMs: number;
  /** The notice history: a consent its purpose's material change ended is recorded as expired first (R12). */
  changes?: NoticeChanges;
}

/**
 * Records a person's decision, once the guards pass (consent-guards.ts): the notice version is the current one,
 * a special-category grant comes from its just-in-time step, and an exception to GPC was confirmed. A visitor's
 * special-category grant carries when it lapses; a lapse already due, and an expiry a notice change made due, are
 * recorded first. Returns the record and the latest record of every purpose after it (the state to answer with,
 * without reading again what this transaction just wrote).
 */
export async function decide(
  tx: Sql,
  principal: Principal,
  input: ConsentDecisionInput,
  purposes: readonly Purpose[],
  noticeHash: string | undefined,
  gpc: boolean,
  now: Date,
  guards: DecisionGuards,
): Promise<{ record: ConsentRecord; latest: ReadonlyMap<string, ConsentRecord> }> {
  const purpose = checkPurpose(purposes, input);
  checkNoticeVersion(input.noticeVersion, noticeHash, guards.currentNoticeVersion);
  checkSpecialCategory(purpose, input);
  checkGpcOverride(purposes, input, gpc);
  const w = await openChain(
    tx,
    principal,
    purposes.map((p) => p.id),
    now,
  );
  await lapseDue(w, purposes, { gpc, visitMs: guards.visitMs, endVisit: false }, now);
  if (guards.changes) await expireDue(w, purposes, guards.changes, gpc, now);
  const active = activeAfter(input.decision);
  const lapses = principal.kind === 'device' && purpose.specialCategory && active;
  const record = await append(
    w,
    {
      purpose,
      active,
      method: recordedMethod(input.method, gpc),
      gpc,
      surface: input.surface,
      control: input.control ?? null,
      locale: input.locale,
      noticeVersion: input.noticeVersion,
      noticeHash: noticeHash as string,
      decidedAt: input.decidedAt ?? null,
      expiresAt: lapses ? new Date(now.getTime() + guards.visitMs).toISOString() : null,
    },
    now,
  );
  return { record, latest: w.chain.latest };
}

interface Lapse {
  /** The GPC signal of the request that observed the lapse. */
  gpc: boolean;
  visitMs: number;
  /** The host said the visit ended (`TwikitPrivacy.endVisit()`): every such consent lapses now. */
  endVisit: boolean;
}

/** When a visitor's special-category consent (its latest record) lapses, or null when it does not. */
function lapseTime(row: ConsentRecord | undefined, visitMs: number): number | null {
  if (!row?.active || !row.specialCategory || row.subjectKind !== 'device') return null;
  return row.expiresAt ? Date.parse(row.expiresAt) : Date.parse(row.recordedAt) + visitMs;
}

const specialOf = (principal: Principal, purposes: readonly Purpose[]) =>
  principal.kind === 'device' ? purposes.filter((p) => p.specialCategory) : [];

/** The special-category purposes whose visitor consent has lapsed by `now` (or all given ones, at the visit's end). */
function dueLapses(
  latest: ReadonlyMap<string, ConsentRecord>,
  principal: Principal,
  purposes: readonly Purpose[],
  lapse: Lapse,
  now: Date,
) {
  return specialOf(principal, purposes).flatMap((purpose) => {
    const row = latest.get(purpose.id);
    const at = lapseTime(row, lapse.visitMs);
    if (row === undefined || at === null || (!lapse.endVisit && at > now.getTime())) return [];
    return [{ purpose, row, at: Math.min(at, now.getTime()) }];
  });
}

/**
 * A visitor's body-scan consent lasts for the visit only (a shared shop device must not carry one shopper's
 * explicit consent to the next): once its time is up, or the host ends the visit, an `expired` record (R31) is
 * appended, carrying the moment it lapsed. Applied when first observed, on the chain the caller holds.
 */
async function lapseDue(w: Writer, purposes: readonly Purpose[], lapse: Lapse, now: Date) {
  const appended: ConsentRecord[] = [];
  for (const { purpose, row, at } of dueLapses(w.chain.latest, w.principal, purposes, lapse, now)) {
    appended.push(
      await append(
        w,
        {
          purpose,
          active: false,
          event: 'expired',
          method: 'system',
          gpc: lapse.gpc,
          surface: { kind: 'api' },
          control: lapse.endVisit ? 'end-visit' : 'visit-timeout',
          locale: row.locale,
          noticeVersion: row.noticeVersion,
          noticeHash: row.noticeHash,
          expiresAt: new Date(at).toISOString(),
        },
        now,
      ),
    );
  }
  return appended;
}

/**
 * Records the lapses a visitor's consents are due (R31) before they are read; a quick read first, so a subject
 * with nothing due takes no lock. `endVisit`: the host ended the visit.
 */
export async function lapseVisit(
  db: Database,
  principal: Principal,
  purposes: readonly Purpose[],
  lapse: Lapse,
  now: Date,
): Promise<ConsentRecord[]> {
  const special = specialOf(principal, purposes).map((p) => p.id);
  if (special.length === 0) return [];
  const latest = await latestBySubject(db, principal.subjectId, special);
  if (dueLapses(latest, principal, purposes, lapse, now).length === 0) return [];
  return db.transaction(async (tx) => lapseDue(await openChain(tx, principal, special, now), purposes, lapse, now));
}

/**
 * Honours `Sec-GPC: 1` (R28, R29) as each purpose of the notice in force says (`gpc`: consent off, or objected), unless the
 * person set that purpose themselves while the signal was present (they confirmed an exception).
 * Returns the records it appended.
 */
export async function applyGpc(
  db: Database,
  principal: Principal,
  purposes: readonly Purpose[],
  notice: { version: string; contentHash: string; locale: Locale },
  now: Date,
  /** Runs in the transaction of each appended record (the jobs that tell the data systems). */
  onAppend?: (tx: Sql, record: ConsentRecord) => Promise<unknown>,
): Promise<ConsentRecord[]> {
  const wanted = gpcTargets(purposes);
  const ids = wanted.map(([id]) => id);
  const latest = await latestBySubject(db, principal.subjectId, ids);
  const due = wanted.filter(([id, state]) => {
    const row = latest.get(id);
    return (row?.active ?? false) !== state && !row?.gpc;
  });
  if (due.length === 0) return [];
  return db.transaction(async (tx) => {
    const appended: ConsentRecord[] = [];
    const w = await openChain(tx, principal, ids, now);
    for (const [id, state] of due) {
      const purpose = purposes.find((p) => p.id === id);
      const row = w.chain.latest.get(id);
      if (!purpose || (row?.active ?? false) === state || row?.gpc) continue;
      appended.push(
        await append(
          w,
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
      await onAppend?.(tx, appended.at(-1)!);
    }
    return appended;
  });
}

/**
 * Re-consent (R12). When a notice version changes a purpose materially, every consent given under an earlier
 * version of it must read as not given and get an `expired` record. The records are written lazily, the first
 * time the subject's consents are read or decided after the change, not by one set-based statement at publish
 * time: each record is chained under its subject's own HMAC key and previous hash (services/ledger.ts), which SQL
 * alone cannot compute, and writing every affected subject in the publishing request would grow with the number
 * of people who ever consented. Reads are right from the moment of publication regardless: `consentState`
 * derives the expiry from the notice history (in memory) and the latest record, which is what the lazy write
 * then makes permanent. Objections are never expired.
 */
function dueExpiries(latest: ReadonlyMap<string, ConsentRecord>, purposes: readonly Purpose[], changes: NoticeChanges) {
  return purposes.flatMap((purpose) => {
    if (purpose.kind !== 'consent') return [];
    const row = latest.get(purpose.id);
    if (!row?.active) return [];
    const expiry = noticeExpiry(row, changes);
    return expiry ? [{ purpose, row, expiry }] : [];
  });
}

async function expireDue(
  w: Writer,
  purposes: readonly Purpose[],
  changes: NoticeChanges,
  gpc: boolean,
  now: Date,
): Promise<ConsentRecord[]> {
  const appended: ConsentRecord[] = [];
  for (const { purpose, row } of dueExpiries(w.chain.latest, purposes, changes)) {
    appended.push(
      await append(
        w,
        {
          purpose,
          active: false,
          event: 'expired',
          method: 'system',
          gpc,
          surface: { kind: 'api' },
          control: NOTICE_CHANGED_CONTROL,
          // The record ends the consent given under that text; the state names the version that changed it.
          locale: row.locale,
          noticeVersion: row.noticeVersion,
          noticeHash: row.noticeHash,
          expiresAt: now.toISOString(),
        },
        now,
      ),
    );
  }
  return appended;
}

/** Writes the `expired` records a notice change made due (R12) before a read; a subject with none takes no lock. */
export async function expireChanged(
  db: Database,
  principal: Principal,
  purposes: readonly Purpose[],
  changes: NoticeChanges,
  gpc: boolean,
  now: Date,
): Promise<ConsentRecord[]> {
  const consents = purposes.filter((p) => p.kind === 'consent').map((p) => p.id);
  if (consents.length === 0) return [];
  const latest = await latestBySubject(db, principal.subjectId, consents);
  if (dueExpiries(latest, purposes, changes).length === 0) return [];
  return db.transaction(async (tx) =>
    expireDue(await openChain(tx, principal, consents, now), purposes, changes, gpc, now),
  );
}
