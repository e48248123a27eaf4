import type { AuditEntry } from '../../shared/contract/console.ts';
import type { ConsentReport, RequestReport } from '../../shared/contract/reports.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import { addCalendarMonths, addDays } from '../../shared/dates/calendar.ts';
import type { Sql } from '../db/database.ts';
import { auditRange } from '../store/audit.ts';
import { consentCounts, requestMonths } from '../store/reports.ts';
import { auditCsv, toEntry } from './audit.ts';
import { invalid } from './errors.ts';

/** The most entries one audit CSV holds: a larger range is refused, so a download is never cut off unnoticed. */
export const AUDIT_CSV_MAX = 100_000;
const BATCH = 5_000;

/** A report's date range in Brussels dates, `from` ≤ `to`; each end defaults to `days` back and today. */
export function rangeOf(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
  back: (to: string) => string,
) {
  const to = query.to ?? brusselsDate(now);
  const from = query.from ?? back(to);
  if (from > to) throw invalid('`from` is after `to`: give the earlier date first.');
  return { from, to };
}

/** Consent counts per purpose and notice version (issue 15): aggregates only, never a person. */
export async function consentReport(sql: Sql, now: Date): Promise<ConsentReport> {
  const rows = await consentCounts(sql);
  return {
    generatedAt: now.toISOString(),
    rows: rows.map((r) => ({
      purpose: r.purpose,
      noticeVersion: r.notice_version,
      granted: Number(r.granted),
      refused: Number(r.refused),
    })),
  };
}

/** Requests per month with the share answered on time; by default the 12 months up to today. */
export async function requestReport(
  sql: Sql,
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<RequestReport> {
  const { from, to } = rangeOf(query, now, (end) => `${addCalendarMonths(end, -11).slice(0, 7)}-01`);
  const rows = await requestMonths(sql, from, to, brusselsDate(now));
  return {
    generatedAt: now.toISOString(),
    months: rows.map((r) => {
      const answered = Number(r.answered);
      const onTime = Number(r.on_time);
      return {
        month: r.month,
        received: Number(r.received),
        answered,
        onTime,
        overdue: Number(r.overdue),
        onTimeRate: answered === 0 ? null : onTime / answered,
      };
    }),
  };
}

/** The audit log of a date range as CSV, oldest first (by default the last 31 days); refused beyond AUDIT_CSV_MAX. */
export async function auditCsvOf(
  sql: Sql,
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<{ csv: string; entries: number; from: string; to: string }> {
  const { from, to } = rangeOf(query, now, (end) => addDays(end, -30));
  const entries: AuditEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await auditRange(sql, from, to, after, BATCH);
    entries.push(...rows.map(toEntry));
    if (entries.length > AUDIT_CSV_MAX)
      throw invalid(`More than ${AUDIT_CSV_MAX} entries from ${from} to ${to}: choose a shorter range.`);
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.seq;
  }
  return { csv: auditCsv(entries), entries: entries.length, from, to };
}
