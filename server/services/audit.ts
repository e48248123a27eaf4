import * as z from 'zod/mini';
import type { AuditEntry } from '../../shared/contract/console.ts';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import type { Sql } from '../db/database.ts';
import type { OperatorPrincipal } from '../identity/operators.ts';
import { auditRows, insertAudit, type AuditFilter, type AuditRow } from '../store/audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { csvCell } from './export.ts';

/**
 * The audit log (Art. 5(2), R51, R70): every operator action and every read of a person's data, under the
 * named operator or key, with what was seen. Reads are logged before their answer leaves, so an answer
 * whose entry could not be written is never sent.
 */
export interface AuditFact {
  action: string;
  requestId?: string | null;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends what `who` did or saw. */
export async function audit(sql: Sql, who: OperatorPrincipal, facts: AuditFact | readonly AuditFact[], now: Date) {
  const list = Array.isArray(facts) ? facts : [facts as AuditFact];
  await insertAudit(
    sql,
    list.map((f) => ({
      actorKind: who.kind,
      actorId: who.id,
      actorName: who.name,
      action: f.action,
      requestId: f.requestId ?? null,
      subjectId: f.subjectId ?? null,
      detail: f.detail ?? {},
    })),
    now,
  );
}

export const toEntry = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: new Date(row.at).toISOString(),
  actorKind: row.actor_kind,
  actor: row.actor_name,
  action: row.action,
  requestId: row.request_id,
  subjectId: row.subject_id,
  detail: row.detail,
});

const AuditCursor = z.tuple([z.string().check(z.regex(/^\d{1,19}$/))]);

/** One page of the log, newest first. */
export async function auditPage(
  sql: Sql,
  filter: AuditFilter & { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ entries: AuditEntry[]; next: string | null }> {
  const limit = filter.limit ?? PAGE_LIMITS.audit.default;
  const before = filter.cursor === undefined ? null : decodeCursor(filter.cursor, AuditCursor, 'the audit log')[0];
  const rows = await auditRows(sql, filter, before, limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { entries: shown.map(toEntry), next: rows.length > limit && last ? encodeCursor([last.seq]) : null };
}

/** Entries as CSV, one per line, the detail as JSON (spreadsheet-safe cells, as the export's). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const head = ['seq', 'at', 'actorKind', 'actor', 'action', 'requestId', 'subjectId', 'detail'];
  const lines = entries.map((e) =>
    [e.seq, e.at, e.actorKind, e.actor, e.action, e.requestId, e.subjectId, e.detail].map(csvCell).join(','),
  );
  return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
