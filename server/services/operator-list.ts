import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import type { AdminRequestView as ViewSchema, RequestStatus, RequestType, RightsRequest } from '../../shared/contract/requests.ts';
import type { Sql } from '../db/database.ts';
import { AnyUuid, decodeCursor, encodeCursor, PgTimestamp } from './cursor.ts';
import { CLOSED_STATUSES, COLUMNS, OPEN_STATUSES, withEvents, type RequestRow } from './requests.ts';

type AdminRequestView = z.infer<typeof ViewSchema>;

export interface OperatorFilter {
  status?: RequestStatus | undefined;
  type?: RequestType | undefined;
  open?: 'true' | 'false' | undefined;
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

// Counted exactly up to this many; beyond, the planner's estimate (a count of 500,000 rows costs a scan).
const EXACT_TOTAL_UP_TO = 1_000;

const OperatorCursor = z.tuple([z.iso.date(), PgTimestamp, AnyUuid]);

/** The filter as SQL on `rights_requests`; each condition has an index in (due_at, received_at, id) order (migration 003). */
function conditions(filter: OperatorFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.type) where.push(`type = $${params.push(filter.type)}`);
  // Spelled as in the partial index's predicate, so the planner can match it.
  if (filter.open === 'true') where.push(`status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  if (filter.open === 'false') where.push(`status in (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  if (filter.dueBefore) where.push(`due_at <= $${params.push(filter.dueBefore)}::date`);
  if (filter.dueAfter) where.push(`due_at >= $${params.push(filter.dueAfter)}::date`);
  return { where: where.length > 0 ? where.join(' and ') : 'true', params };
}

/** How many requests match: exact up to EXACT_TOTAL_UP_TO (an index-only count that stops there), else estimated. */
async function totalOf(sql: Sql, where: string, params: readonly unknown[]): Promise<{ total: number; totalExact: boolean }> {
  // The estimate is asked for beside the capped count, not after it: on a pool the two run at once, so a big
  // table (where the count reaches its cap) answers in one round trip, as a small one does. The planning it
  // costs when the count turns out exact is a fraction of a millisecond.
  const [[counted], [plan]] = await Promise.all([
    sql.query<{ n: number }>(`select count(*)::int as n from (select 1 from rights_requests where ${where} limit ${EXACT_TOTAL_UP_TO + 1}) matched`, params),
    sql.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> | string }>(`explain (format json) select 1 from rights_requests where ${where}`, params),
  ]);
  const n = counted?.n ?? 0;
  if (n <= EXACT_TOTAL_UP_TO) return { total: n, totalExact: true };
  const raw = plan?.['QUERY PLAN'];
  const parsed = typeof raw === 'string' ? (JSON.parse(raw) as Array<{ Plan: { 'Plan Rows': number } }>) : raw;
  // An estimate never says fewer than were just counted.
  return { total: Math.max(EXACT_TOTAL_UP_TO + 1, Math.round(parsed?.[0]?.Plan['Plan Rows'] ?? 0)), totalExact: false };
}

/** One page of the operator list, earliest due first, with the matching total and the next page's cursor. */
export async function operatorList(sql: Sql, filter: OperatorFilter): Promise<{ requests: AdminRequestView[]; next: string | null; total: number; totalExact: boolean }> {
  const limit = filter.limit ?? PAGE_LIMITS.adminRequests.default;
  const { where, params } = conditions(filter);
  let keyset = '';
  const pageParams = [...params];
  if (filter.cursor !== undefined) {
    const [due, received, id] = decodeCursor(filter.cursor, OperatorCursor, 'the operator list');
    keyset = ` and (due_at, received_at, id) > ($${pageParams.push(due)}::date, $${pageParams.push(received)}::timestamptz, $${pageParams.push(id)}::uuid)`;
  }
  // The sort names the table's columns: a bare `due_at` would be COLUMNS' text alias, which no index serves.
  const page = async () => {
    const rows = await sql.query<RequestRow>(
      `select ${COLUMNS} from rights_requests where ${where}${keyset} order by rights_requests.due_at, rights_requests.received_at, rights_requests.id limit $${pageParams.push(limit + 1)}`,
      pageParams,
    );
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      requests: await withSubjects(sql, await withEvents(sql, shown)),
      next: rows.length > limit && last ? encodeCursor([last.due_at, last.key_received_at, last.id]) : null,
    };
  };
  // The page and its total are independent: on a pool they run on two connections at once.
  const [shown, total] = await Promise.all([page(), totalOf(sql, where, params)]);
  return { ...shown, ...total };
}

/** Each request with the account it belongs to (operators see the address to reply to). */
export async function withSubjects(sql: Sql, requests: Array<RightsRequest & { userId: string }>): Promise<AdminRequestView[]> {
  const ids = [...new Set(requests.map((r) => r.userId))];
  const users = ids.length === 0 ? [] : await sql.query<{ id: string; email: string | null; region: string | null }>(
    'select id, email, region from users where id = any($1::uuid[])', [ids],
  );
  const byId = new Map(users.map((u) => [u.id, u]));
  return requests.map(({ userId, ...request }) => ({
    request,
    subject: { userId, email: byId.get(userId)?.email ?? null, region: byId.get(userId)?.region ?? null },
  }));
}
