import { addCalendarMonths } from '../../shared/dates/calendar.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import type { Database, Sql } from '../db/database.ts';
import type { RetentionConfig } from '../data-config.ts';

// Any constant works; every instance on this database must use the same one.
const RETENTION_LOCK = 727_002;
// Subjects whose kept-until has passed, erased per transaction (each may bring many records).
const SUBJECTS_PER_BATCH = 100;

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  db: Database;
  now: () => Date;
  config: { data: { retention: RetentionConfig } };
}

/** Rows deleted (or, for exports, emptied) by one run, per kind. `skipped`: another instance held the job's lock. */
export interface RetentionReport {
  skipped: boolean;
  expiredSessions: number;
  staleSignInCodes: number;
  idempotencyKeys: number;
  exports: number;
  retiredDevices: number;
  expiredProofSubjects: number;
}

interface Step {
  name: Exclude<keyof RetentionReport, 'skipped'>;
  /** Rows (or subjects) per batch; the configured batch size unless the step needs fewer. */
  batch?: (configured: number) => number;
  /** Deletes at most `batch` rows; returns how many it deleted (fewer than `batch`: nothing left). */
  run(tx: Sql, at: { now: Date; retention: RetentionConfig }, batch: number): Promise<number>;
}

const count = async (tx: Sql, text: string, params: readonly unknown[]): Promise<number> =>
  (await tx.query<{ n: number }>(`with gone as (${text} returning 1) select count(*)::int as n from gone`, params))[0]?.n ?? 0;

const daysBefore = (now: Date, days: number): string => new Date(now.getTime() - days * DAY_MS).toISOString();

/**
 * What ages out, in order. Each step reads its candidates through an index (migration 003) and deletes
 * them by key, `batch` at a time. To prune another table (e.g. shared rate-limit counters), add a step here.
 */
export const STEPS: readonly Step[] = [
  {
    // A token past its expiry never authenticates again; the row only keeps a subject id.
    name: 'expiredSessions',
    run: (tx, { now }, batch) => count(tx,
      'delete from sessions where token_hash in (select token_hash from sessions where expires_at <= $1 limit $2)', [now.toISOString(), batch]),
  },
  {
    // An expired code can no longer be used, but its row keeps the e-mail address it was sent to.
    name: 'staleSignInCodes',
    run: (tx, { now }, batch) => count(tx,
      'delete from sign_in_codes where email in (select email from sign_in_codes where expires_at <= $1 limit $2)', [now.toISOString(), batch]),
  },
  {
    name: 'idempotencyKeys',
    run: (tx, { now, retention }, batch) => count(tx,
      `delete from idempotency_keys where (subject_id, endpoint, key) in
         (select subject_id, endpoint, key from idempotency_keys where created_at < $1 limit $2)`,
      [daysBefore(now, retention.idempotencyKeyDays), batch]),
  },
  {
    // The stored copy goes; the request stays completed and its export is generated again on demand.
    name: 'exports',
    run: (tx, { now, retention }, batch) => count(tx,
      `update rights_requests set export_document = null, export_generated_at = null where id in
         (select id from rights_requests where export_document is not null and export_generated_at < $1 limit $2)`,
      [daysBefore(now, retention.exportDays), batch]),
  },
  {
    // A device no token can act for any more, and that decided nothing for `deviceIdleDays`. Its consent
    // records are the only proof of what its visitor decided: they stay, under a hold like a deleted
    // account's, and go when the hold ends (the `expiredProofSubjects` step).
    name: 'retiredDevices',
    async run(tx, { now, retention }, batch) {
      const cutoff = daysBefore(now, retention.deviceIdleDays);
      const until = addCalendarMonths(brusselsDate(now), retention.proofMonths);
      // One statement (data-modifying CTEs must be at the top level, so not through `count`).
      const [row] = await tx.query<{ n: number }>(
        `with idle as (
           select d.id from devices d
           where d.created_at < $1
             and not exists (select 1 from sessions s where s.subject_id = d.id and s.expires_at > $2)
             and coalesce((select c.recorded_at from consent_records c where c.subject_id = d.id order by c.seq desc limit 1), d.created_at) < $1
           limit $3
         ), held as (
           insert into retention_holds (subject_id, subject_kind, kept_until, reason, created_at)
           select id, 'device', $4, 'device retired', $2 from idle on conflict (subject_id) do nothing
         ), tokens as (
           delete from sessions where subject_id in (select id from idle)
         ), gone as (
           delete from devices where id in (select id from idle) returning 1
         )
         select count(*)::int as n from gone`,
        [cutoff, now.toISOString(), batch, until]);
      return row?.n ?? 0;
    },
  },
  {
    // Proof kept "until" a date (account deletion's promise, a retired device's records) is deleted after it.
    // The append-only trigger lets these deletes through only with `twikit.retention` on, which this
    // transaction alone sets (set_config(..., true) lasts until the transaction ends).
    name: 'expiredProofSubjects',
    batch: (configured) => Math.min(configured, SUBJECTS_PER_BATCH),
    async run(tx, { now }, batch) {
      const ids = (await tx.query<{ subject_id: string }>(
        'select subject_id from retention_holds where kept_until < $1 order by kept_until limit $2',
        [brusselsDate(now), batch],
      )).map((r) => r.subject_id);
      if (ids.length === 0) return 0;
      await tx.query("select set_config('twikit.retention', 'on', true)");
      await tx.query('delete from consent_records where subject_id = any($1::uuid[])', [ids]);
      await tx.query('delete from request_events where request_id in (select id from rights_requests where user_id = any($1::uuid[]))', [ids]);
      await tx.query('delete from rights_requests where user_id = any($1::uuid[])', [ids]);
      await tx.query("select set_config('twikit.retention', 'off', true)");
      await tx.query('delete from idempotency_keys where subject_id = any($1::uuid[])', [ids]);
      await tx.query('delete from sessions where subject_id = any($1::uuid[])', [ids]);
      await tx.query('delete from users where id = any($1::uuid[]) and deleted_at is not null', [ids]);
      await tx.query('delete from devices where id = any($1::uuid[])', [ids]);
      await tx.query('delete from retention_holds where subject_id = any($1::uuid[])', [ids]);
      return ids.length;
    },
  },
];

/**
 * One run of the retention job. Every batch is its own short transaction that first takes a try-lock:
 * while one instance works, another's run stops at once (`skipped`) instead of deleting the same rows.
 */
export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const retention = deps.config.data.retention;
  const report: RetentionReport = { skipped: false, expiredSessions: 0, staleSignInCodes: 0, idempotencyKeys: 0, exports: 0, retiredDevices: 0, expiredProofSubjects: 0 };
  for (const step of STEPS) {
    const batch = step.batch?.(retention.batchSize) ?? retention.batchSize;
    for (;;) {
      const now = deps.now();
      const done = await deps.db.transaction(async (tx) => {
        const [lock] = await tx.query<{ got: boolean }>('select pg_try_advisory_xact_lock($1) as got', [RETENTION_LOCK]);
        return lock?.got ? step.run(tx, { now, retention }, batch) : null;
      });
      if (done === null) return { ...report, skipped: true };
      report[step.name] += done;
      if (done < batch) break;
    }
  }
  return report;
}
