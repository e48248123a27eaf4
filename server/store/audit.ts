import type { Sql } from '../db/database.ts';

export interface AuditInsert {
  actorKind: 'operator' | 'key' | 'admin-token';
  actorId: string;
  actorName: string;
  action: string;
  requestId: string | null;
  subjectId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditRow {
  seq: string;
  at: Date;
  actor_kind: AuditInsert['actorKind'];
  actor_id: string;
  actor_name: string;
  action: string;
  request_id: string | null;
  subject_id: string | null;
  detail: Record<string, unknown>;
}

/** Appends entries (the table refuses UPDATE and DELETE: migration 009). */
export async function insertAudit(sql: Sql, entries: readonly AuditInsert[], now: Date): Promise<void> {
  for (const e of entries) {
    await sql.query(
      `insert into audit_log (at, actor_kind, actor_id, actor_name, action, request_id, subject_id, detail)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        now.toISOString(),
        e.actorKind,
        e.actorId,
        e.actorName,
        e.action,
        e.requestId,
        e.subjectId,
        JSON.stringify(e.detail),
      ],
    );
  }
}

export interface AuditFilter {
  actor?: string | undefined;
  requestId?: string | undefined;
}

/** The columns of an `AuditRow`, read the same way by the console's log and the CSV of a date range. */
const AUDIT_COLUMNS = 'seq::text as seq, at, actor_kind, actor_id, actor_name, action, request_id, subject_id, detail';

/** Up to `take` entries, newest first, before sequence number `before`. */
export async function auditRows(
  sql: Sql,
  filter: AuditFilter,
  before: string | null,
  take: number,
): Promise<AuditRow[]> {
  return sql.query<AuditRow>(
    `select ${AUDIT_COLUMNS}
       from audit_log
      where ($1::text is null or actor_name = $1) and ($2::uuid is null or request_id = $2)
        and ($3::bigint is null or seq < $3::bigint)
      order by seq desc limit $4`,
    [filter.actor ?? null, filter.requestId ?? null, before, take],
  );
}

/** Up to `take` entries from the day `from` to the day `to` (Brussels dates, included), oldest first, after `after`. */
export async function auditRange(
  sql: Sql,
  from: string,
  to: string,
  after: string | null,
  take: number,
): Promise<AuditRow[]> {
  return sql.query<AuditRow>(
    `select ${AUDIT_COLUMNS}
       from audit_log
      where at >= ($1::date)::timestamp at time zone 'Europe/Brussels'
        and at < ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
        and ($3::bigint is null or seq > $3::bigint)
      order by seq limit $4`,
    [from, to, after, take],
  );
}
