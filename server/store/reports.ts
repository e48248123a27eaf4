import type { Sql } from '../db/database.ts';

export interface ConsentCountRow {
  purpose: string;
  notice_version: string;
  granted: number;
  refused: number;
}

/**
 * Each subject's latest decision per purpose, counted by purpose, notice version and grant/refusal. Only the
 * counts leave the database: no subject id is selected out of the inner query.
 */
export async function consentCounts(sql: Sql): Promise<ConsentCountRow[]> {
  return sql.query<ConsentCountRow>(
    `select purpose, notice_version,
            (count(*) filter (where active))::int as granted,
            (count(*) filter (where not active))::int as refused
       from (select distinct on (subject_id, purpose) purpose, notice_version, active
               from consent_records order by subject_id, purpose, seq desc) latest
      group by purpose, notice_version
      order by purpose, notice_version`,
  );
}

export interface RequestMonthRow {
  month: string;
  received: number;
  answered: number;
  on_time: number;
  overdue: number;
}

/**
 * Requests received per month (Brussels time) from the day `from` to the day `to` (Brussels dates, both included), with how many were answered
 * (completed or refused), answered by their due date, and still open past it on `today`.
 */
export async function requestMonths(sql: Sql, from: string, to: string, today: string): Promise<RequestMonthRow[]> {
  return sql.query<RequestMonthRow>(
    `select to_char(received_at at time zone 'Europe/Brussels', 'YYYY-MM') as month,
            count(*)::int as received,
            (count(*) filter (where status in ('completed', 'rejected')))::int as answered,
            (count(*) filter (where status in ('completed', 'rejected')
               and (coalesce(completed_at, updated_at) at time zone 'Europe/Brussels')::date <= due_at))::int as on_time,
            (count(*) filter (where status not in ('completed', 'rejected', 'cancelled') and due_at < $3::date))::int as overdue
       from rights_requests
      where received_at >= ($1::date)::timestamp at time zone 'Europe/Brussels'
        and received_at < ($2::date + 1)::timestamp at time zone 'Europe/Brussels'
      group by 1 order by 1`,
    [from, to, today],
  );
}
