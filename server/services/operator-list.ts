import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import type { AdminRequestView as ViewSchema } from '../../shared/contract/requests.ts';
import type { Sql } from '../db/database.ts';
import { operatorRows, operatorTotal, type RequestFilter } from '../store/operator-list.ts';
import { withEvents, type StoredRequest } from '../store/requests.ts';
import { contactsOf } from '../store/users.ts';
import { AnyUuid, decodeCursor, encodeCursor, PgTimestamp } from './cursor.ts';

type AdminRequestView = z.infer<typeof ViewSchema>;

export interface OperatorFilter extends RequestFilter {
  cursor?: string | undefined;
  limit?: number | undefined;
}

const OperatorCursor = z.tuple([z.iso.date(), PgTimestamp, AnyUuid]);

/** One page of the operator list, earliest due first, with the matching total and the next page's cursor. */
export async function operatorList(
  sql: Sql,
  filter: OperatorFilter,
): Promise<{ requests: AdminRequestView[]; next: string | null; total: number; totalExact: boolean }> {
  const limit = filter.limit ?? PAGE_LIMITS.adminRequests.default;
  const after = filter.cursor === undefined ? null : decodeCursor(filter.cursor, OperatorCursor, 'the operator list');
  const page = async () => {
    const rows = await operatorRows(sql, filter, after, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      requests: await withSubjects(sql, await withEvents(sql, shown)),
      next: rows.length > limit && last ? encodeCursor([last.due_at, last.key_received_at, last.id]) : null,
    };
  };
  // The page and its total are independent: on a pool they run on two connections at once.
  const [shown, total] = await Promise.all([page(), operatorTotal(sql, filter)]);
  return { ...shown, ...total };
}

/** Each request with the account it belongs to (operators see the address to reply to). */
export async function withSubjects(sql: Sql, requests: readonly StoredRequest[]): Promise<AdminRequestView[]> {
  const byId = await contactsOf(sql, [...new Set(requests.map((r) => r.userId))]);
  return requests.map(({ userId, ...request }) => ({
    request,
    subject: { userId, email: byId.get(userId)?.email ?? null, region: byId.get(userId)?.region ?? null },
  }));
}
