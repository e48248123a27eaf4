import type { RequestStatus, RequestType } from '../../shared/contract/requests.ts';
import type { Sql } from '../db/database.ts';
import { CLOSED_STATUSES, COLUMNS, OPEN_STATUSES, type RequestRow } from './requests.ts';

/** What the operator list can be narrowed to. */
export interface RequestFilter {
  status?: RequestStatus | undefined;
  type?: RequestType | undefined;
  open?: 'true' | 'false' | undefined;
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
  /** A request id, an e-mail address or a host-app subject (exact). */
  q?: string | undefined;
  /** Requests with a job at this data system still owing an answer (pending, sent or failed). */
  waitingOn?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Counted exactly up to this many; beyond, the planner's estimate (a count of 500,000 rows costs a scan).
export const EXACT_TOTAL_UP_TO = 1_000;

/** The filter as SQL on `rights_requests`; each condition has an index in (due_at, received_at, id) order (migration 003). */
function conditions(filter: RequestFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.type) where.push(`type = $${params.push(filter.type)}`);
  // Spelled as in the partial index's predicate, so the planner can match it.
  if (filter.open === 'true') where.push(`status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  if (filter.open === 'false') where.push(`status in (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  if (filter.dueBefore) where.push(`due_at <= $${params.push(filter.dueBefore)}::date`);
  if (filter.dueAfter) where.push(`due_at >= $${params.push(filter.dueAfter)}::date`);
  // Spelled as in the partial index's predicate (migration 010).
  if (filter.waitingOn)
    where.push(
      `id in (select request_id from system_jobs where system_id = $${params.push(filter.waitingOn)} and state in ('pending', 'sent', 'failed') and request_id is not null)`,
    );
  if (filter.q !== undefined) {
    // A person's requests are few: found through their account, then sorted (rights_requests_user).
    const q = filter.q.trim();
    if (q.includes('@')) where.push(`user_id in (select id from users where email = $${params.push(q.toLowerCase())})`);
    else {
      const subject = `(select id from users where host_subject = $${params.push(q)})`;
      // An id or a host subject, as one set of ids: an OR across the two indexes sent the planner down the due-date
      // index, filtering all 500,000 rows for a page that holds one (bench/queue.ts).
      where.push(
        UUID.test(q)
          ? `id in (select $${params.push(q.toLowerCase())}::uuid union all select r.id from rights_requests r where r.user_id in ${subject})`
          : `user_id in ${subject}`,
      );
    }
  }
  return { where: where.length > 0 ? where.join(' and ') : 'true', params };
}

/**
 * Up to `take` matching requests, earliest due first, after `after` (the due date, `key_received_at` and id of
 * the last one shown).
 */
export async function operatorRows(
  sql: Sql,
  filter: RequestFilter,
  after: readonly [string, string, string] | null,
  take: number,
): Promise<RequestRow[]> {
  const { where, params } = conditions(filter);
  let keyset = '';
  if (after) {
    const [due, received, id] = after;
    keyset = ` and (due_at, received_at, id) > ($${params.push(due)}::date, $${params.push(received)}::timestamptz, $${params.push(id)}::uuid)`;
  }
  // The sort names the table's columns: a bare `due_at` would be COLUMNS' text alias, which no index serves.
  return sql.query<RequestRow>(
    `select ${COLUMNS} from rights_requests where ${where}${keyset} order by rights_requests.due_at, rights_requests.received_at, rights_requests.id limit $${params.push(take)}`,
    params,
  );
}

/**
 * How many requests match: exact up to EXACT_TOTAL_UP_TO (an index-only count that stops there), else the
 * planner's estimate (PostgreSQL's `explain (format json)`: another database needs its own estimate, or an
 * exact count).
 */
export async function operatorTotal(sql: Sql, filter: RequestFilter): Promise<{ total: number; totalExact: boolean }> {
  const { where, params } = conditions(filter);
  // The estimate is asked for beside the capped count, not after it: on a pool the two run at once, so a big
  // table (where the count reaches its cap) answers in one round trip, as a small one does. The planning it
  // costs when the count turns out exact is a fraction of a millisecond.
  const [[counted], [plan]] = await Promise.all([
    sql.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from rights_requests where ${where} limit ${EXACT_TOTAL_UP_TO + 1}) matched`,
      params,
    ),
    sql.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> | string }>(
      `explain (format json) select 1 from rights_requests where ${where}`,
      params,
    ),
  ]);
  const n = counted?.n ?? 0;
  if (n <= EXACT_TOTAL_UP_TO) return { total: n, totalExact: true };
  const raw = plan?.['QUERY PLAN'];
  const parsed = typeof raw === 'string' ? (JSON.parse(raw) as Array<{ Plan: { 'Plan Rows': number } }>) : raw;
  // An estimate never says fewer than were just counted.
  return { total: Math.max(EXACT_TOTAL_UP_TO + 1, Math.round(parsed?.[0]?.Plan['Plan Rows'] ?? 0)), totalExact: false };
}
