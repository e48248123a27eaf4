import type { OperatorRole } from '../../shared/registry/operator-roles.ts';
import type { Sql } from '../db/database.ts';
import { OPEN_STATUSES } from './requests.ts';

/** Claims the day's digest for this instance; false when another already sent it. */
export async function claimDigestDay(sql: Sql, day: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    'insert into digest_runs (day, sent_at) values ($1, $2) on conflict (day) do nothing returning day',
    [day, now.toISOString()],
  );
  return rows.length > 0;
}

export async function releaseDigestDay(sql: Sql, day: string): Promise<void> {
  await sql.query('delete from digest_runs where day = $1', [day]);
}

/** Requests received since `since`, open ones due by `soon` (not yet overdue), and open ones overdue on `today`. */
export async function digestCounts(
  sql: Sql,
  since: Date,
  today: string,
  soon: string,
): Promise<{ received: number; dueSoon: number; overdue: number }> {
  const open = `status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  const [row] = await sql.query<{ received: number; due_soon: number; overdue: number }>(
    `select (select count(*)::int from rights_requests where received_at >= $1) as received,
            (select count(*)::int from rights_requests where ${open} and due_at >= $2::date and due_at <= $3::date) as due_soon,
            (select count(*)::int from rights_requests where ${open} and due_at < $2::date) as overdue`,
    [since.toISOString(), today, soon],
  );
  return { received: row?.received ?? 0, dueSoon: row?.due_soon ?? 0, overdue: row?.overdue ?? 0 };
}

/** Every live operator account with its roles. */
export async function liveOperators(sql: Sql): Promise<Array<{ email: string; roles: OperatorRole[] }>> {
  return sql.query('select email, roles from operators where disabled_at is null order by email');
}
