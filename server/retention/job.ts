import { addCalendarMonths } from '../../shared/dates/calendar.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import type { Database, Sql } from '../db/database.ts';
import type { RetentionConfig } from '../data-config.ts';
import {
  deleteAnsweredJobs,
  deleteExpiredProof,
  deleteExpiredSessions,
  deleteExpiredSignInCodes,
  deleteIdempotencyKeys,
  dropExports,
  retireDevices,
  tryRetentionLock,
} from '../store/retention.ts';

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
  answeredJobs: number;
}

interface Step {
  name: Exclude<keyof RetentionReport, 'skipped'>;
  /** Rows (or subjects) per batch; the configured batch size unless the step needs fewer. */
  batch?: (configured: number) => number;
  /** Deletes at most `batch` rows; returns how many it deleted (fewer than `batch`: nothing left). */
  run(tx: Sql, at: { now: Date; retention: RetentionConfig }, batch: number): Promise<number>;
}

const monthsBefore = (now: Date, months: number): Date => {
  const at = new Date(now);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at;
};

const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/**
 * What ages out, in order. Each step deletes through the store, `batch` at a time. To prune another table
 * (e.g. shared rate-limit counters), add a step here.
 */
export const STEPS: readonly Step[] = [
  // A token past its expiry never authenticates again; the row only keeps a subject id.
  { name: 'expiredSessions', run: (tx, { now }, batch) => deleteExpiredSessions(tx, now, batch) },
  // An expired code can no longer be used, but its row keeps the e-mail address it was sent to.
  { name: 'staleSignInCodes', run: (tx, { now }, batch) => deleteExpiredSignInCodes(tx, now, batch) },
  {
    name: 'idempotencyKeys',
    run: (tx, { now, retention }, batch) =>
      deleteIdempotencyKeys(tx, daysBefore(now, retention.idempotencyKeyDays), batch),
  },
  // The stored copy goes; the request stays completed and its export is generated again on demand.
  {
    name: 'exports',
    run: (tx, { now, retention }, batch) => dropExports(tx, daysBefore(now, retention.exportDays), batch),
  },
  {
    // A device no token can act for any more, and that decided nothing for `deviceIdleDays`. Its consent
    // records are the only proof of what its visitor decided: they stay, under a hold like a deleted
    // account's, and go when the hold ends (the `expiredProofSubjects` step).
    name: 'retiredDevices',
    run: (tx, { now, retention }, batch) =>
      retireDevices(
        tx,
        daysBefore(now, retention.deviceIdleDays),
        now,
        addCalendarMonths(brusselsDate(now), retention.proofMonths),
        batch,
      ),
  },
  {
    // Proof kept "until" a date (account deletion's promise, a retired device's records) is deleted after it.
    name: 'expiredProofSubjects',
    batch: (configured) => Math.min(configured, SUBJECTS_PER_BATCH),
    run: (tx, { now }, batch) => deleteExpiredProof(tx, brusselsDate(now), batch),
  },
  {
    // A consent change's jobs are kept as long as a request log (RETAIN_PROOF_MONTHS), then go; a request's
    // jobs go with the request (the step above).
    name: 'answeredJobs',
    run: (tx, { now, retention }, batch) => deleteAnsweredJobs(tx, monthsBefore(now, retention.proofMonths), batch),
  },
];

/**
 * One run of the retention job. Every batch is its own short transaction that first takes a try-lock:
 * while one instance works, another's run stops at once (`skipped`) instead of deleting the same rows.
 */
export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const retention = deps.config.data.retention;
  const report: RetentionReport = {
    skipped: false,
    expiredSessions: 0,
    staleSignInCodes: 0,
    idempotencyKeys: 0,
    exports: 0,
    retiredDevices: 0,
    expiredProofSubjects: 0,
    answeredJobs: 0,
  };
  for (const step of STEPS) {
    const batch = step.batch?.(retention.batchSize) ?? retention.batchSize;
    for (;;) {
      const now = deps.now();
      const done = await deps.db.transaction(async (tx) => {
        return (await tryRetentionLock(tx)) ? step.run(tx, { now, retention }, batch) : null;
      });
      if (done === null) return { ...report, skipped: true };
      report[step.name] += done;
      if (done < batch) break;
    }
  }
  return report;
}
