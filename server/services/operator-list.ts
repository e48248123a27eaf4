import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import type { JobState } from '../../shared/contract/systems.ts';
import type { QueueFlags, RequestStatus, AdminRequestView as ViewSchema } from '../../shared/contract/requests.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import { addDays } from '../../shared/dates/calendar.ts';
import type { Sql } from '../db/database.ts';
import { operatorRows, operatorTotal, type RequestFilter } from '../store/operator-list.ts';
import { OPEN_STATUSES, withEvents, type StoredRequest } from '../store/requests.ts';
import { contactsOf } from '../store/users.ts';
import { AnyUuid, decodeCursor, encodeCursor, PgTimestamp } from './cursor.ts';

type AdminRequestView = z.infer<typeof ViewSchema>;

export interface OperatorFilter extends RequestFilter {
  cursor?: string | undefined;
  limit?: number | undefined;
  flag?: 'overdue' | 'due-soon' | undefined;
}

/** Days ahead a request counts as due soon. */
export const DUE_SOON_DAYS = 7;

/** A request's marks on `today` (Brussels): closed requests carry none. */
export function flagsOf(
  request: { status: RequestStatus; dueAt: string; systems?: ReadonlyArray<{ state: JobState }> | undefined },
  today: string,
): QueueFlags {
  const open = (OPEN_STATUSES as readonly string[]).includes(request.status);
  return {
    overdue: open && request.dueAt < today,
    dueSoon: open && request.dueAt <= addDays(today, DUE_SOON_DAYS),
    // A failed job still waits: until someone retries, confirms or closes it, the request cannot be settled.
    waitingOnSystem: open && (request.systems ?? []).some((s) => WAITING_STATES.includes(s.state)),
  };
}

/** Job states in which a system still owes the request an answer. */
const WAITING_STATES: readonly JobState[] = ['pending', 'sent', 'failed'];

/**
 * The filter as the store takes it. A flag is a due-date bound; a due-date bound or flag alone means open
 * requests (closed ones have no deadline left to watch), unless a status or `open=false` says otherwise.
 */
function storeFilter(filter: OperatorFilter, today: string): RequestFilter {
  const { cursor: _c, limit: _l, flag, ...rest } = filter;
  const bound =
    flag === 'overdue' ? addDays(today, -1) : flag === 'due-soon' ? addDays(today, DUE_SOON_DAYS) : undefined;
  const dueBefore = bound && (!rest.dueBefore || bound < rest.dueBefore) ? bound : rest.dueBefore;
  const dated = dueBefore !== undefined || rest.dueAfter !== undefined;
  return {
    ...rest,
    dueBefore,
    open: rest.open ?? (dated && rest.status === undefined ? 'true' : undefined),
  };
}

const OperatorCursor = z.tuple([z.iso.date(), PgTimestamp, AnyUuid]);

/** One page of the operator list, earliest due first, with the matching total and the next page's cursor. */
export async function operatorList(
  sql: Sql,
  query: OperatorFilter,
  now: Date,
): Promise<{ requests: AdminRequestView[]; next: string | null; total: number; totalExact: boolean }> {
  const today = brusselsDate(now);
  const filter = storeFilter(query, today);
  const limit = query.limit ?? PAGE_LIMITS.adminRequests.default;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, OperatorCursor, 'the operator list');
  const page = async () => {
    const rows = await operatorRows(sql, filter, after, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      requests: await withSubjects(sql, await withEvents(sql, shown), now),
      next: rows.length > limit && last ? encodeCursor([last.due_at, last.key_received_at, last.id]) : null,
    };
  };
  // The page and its total are independent: on a pool they run on two connections at once.
  const [shown, total] = await Promise.all([page(), operatorTotal(sql, filter)]);
  return { ...shown, ...total };
}

/** Each request with the account it belongs to (operators see the address to reply to). */
export async function withSubjects(
  sql: Sql,
  requests: readonly StoredRequest[],
  now: Date,
): Promise<AdminRequestView[]> {
  const byId = await contactsOf(sql, [...new Set(requests.map((r) => r.userId))]);
  const today = brusselsDate(now);
  return requests.map(({ userId, version, ...request }) => ({
    request,
    version,
    flags: flagsOf(request, today),
    subject: { userId, email: byId.get(userId)?.email ?? null, region: byId.get(userId)?.region ?? null },
  }));
}
