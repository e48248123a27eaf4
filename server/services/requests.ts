import { randomUUID } from 'node:crypto';
import type { RequestEvent, RequestStatus, RightsRequest, RightsRequestInput } from '../../shared/contract/requests.ts';
import { dueDateFor } from '../../shared/dates/due-date.ts';
import { exportTypes } from '../../shared/registry/request-type-rules.ts';
import type { Sql } from '../db/database.ts';
import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import { ApiProblem } from '../http/problem.ts';
import { AnyUuid, decodeCursor, encodeCursor, PgTimestamp } from './cursor.ts';

export interface RequestRow {
  id: string;
  user_id: string;
  type: RightsRequest['type'];
  status: RequestStatus;
  input: RightsRequestInput;
  received_at: Date;
  due_at: string;
  original_due_at: string;
  extension_reason: string | null;
  status_reason: string | null;
  updated_at: Date;
  completed_at: Date | null;
  outcome: RightsRequest['outcome'];
  has_export: boolean;
  key_received_at: string;
}

// An export is offered for every completed access or portability request: a stored one past its age is
// regenerated when asked for (see exportOf), so the link does not depend on the stored copy.
// `key_received_at` is the exact timestamp as text, so a keyset cursor round-trips microseconds.
export const COLUMNS = `id, user_id, type, status, input, received_at, received_at::text as key_received_at, due_at::text as due_at,
  original_due_at::text as original_due_at, extension_reason, status_reason, updated_at, completed_at, outcome,
  (type in (${exportTypes().map((t) => `'${t}'`).join(', ')}) and status = 'completed') as has_export`;

/** Statuses still waiting for an answer (the partial indexes of migration 003 list the same). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'verifying', 'in_progress', 'extended'];
export const CLOSED_STATUSES: readonly RequestStatus[] = ['completed', 'rejected', 'cancelled'];

const iso = (value: Date | string): string => new Date(value).toISOString();

export async function eventsOf(sql: Sql, ids: readonly string[]): Promise<Map<string, RequestEvent[]>> {
  const map = new Map<string, RequestEvent[]>();
  if (ids.length === 0) return map;
  const rows = await sql.query<{ request_id: string; from_status: RequestStatus | null; to_status: RequestStatus; actor: RequestEvent['actor']; actor_id: string | null; reason: string | null; at: Date }>(
    'select request_id, from_status, to_status, actor, actor_id, reason, at from request_events where request_id = any($1::uuid[]) order by seq',
    [ids],
  );
  for (const row of rows) {
    const list = map.get(row.request_id) ?? [];
    list.push({ from: row.from_status, to: row.to_status, actor: row.actor, actorId: row.actor_id, reason: row.reason, at: iso(row.at) });
    map.set(row.request_id, list);
  }
  return map;
}

export function toRequest(row: RequestRow, events: RequestEvent[]): RightsRequest {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    receivedAt: iso(row.received_at),
    dueAt: row.due_at,
    originalDueAt: row.original_due_at,
    extensionReason: row.extension_reason,
    statusReason: row.status_reason,
    updatedAt: iso(row.updated_at),
    completedAt: row.completed_at ? iso(row.completed_at) : null,
    input: row.input,
    export: row.has_export ? { formats: ['json', 'csv'], href: `/v1/requests/${row.id}/export` } : null,
    outcome: row.outcome,
    events,
  };
}

/** Rows read by a keyset query, with their event logs. */
export async function withEvents(sql: Sql, rows: readonly RequestRow[]): Promise<Array<RightsRequest & { userId: string }>> {
  const events = await eventsOf(sql, rows.map((r) => r.id));
  return rows.map((row) => ({ ...toRequest(row, events.get(row.id) ?? []), userId: row.user_id }));
}

/** The request with this id (and owner, when given), with its event log. */
export async function findRequest(sql: Sql, id: string, userId?: string): Promise<(RightsRequest & { userId: string }) | undefined> {
  const rows = await sql.query<RequestRow>(`select ${COLUMNS} from rights_requests where id = $1 and ($2::uuid is null or user_id = $2)`, [id, userId ?? null]);
  return (await withEvents(sql, rows))[0];
}

const strip = ({ userId: _userId, ...request }: RightsRequest & { userId: string }): RightsRequest => request;

/** One of `userId`'s requests. Another user's id answers exactly like an id that does not exist. */
export async function getOwnRequest(sql: Sql, userId: string, id: string): Promise<RightsRequest> {
  const found = await findRequest(sql, id, userId);
  if (!found) throw new ApiProblem('not-found', 404, 'No request with this id.');
  return strip(found);
}

const OwnCursor = z.tuple([PgTimestamp, AnyUuid]);

/** One page of the person's requests, newest first, read from the (user_id, received_at desc, id desc) index. */
export async function listOwnRequests(sql: Sql, userId: string, page: { cursor?: string | undefined; limit?: number | undefined } = {}): Promise<{ requests: RightsRequest[]; next: string | null }> {
  const limit = page.limit ?? PAGE_LIMITS.requests.default;
  const after = page.cursor === undefined ? null : decodeCursor(page.cursor, OwnCursor, 'your requests');
  const rows = await sql.query<RequestRow>(
    `select ${COLUMNS} from rights_requests where user_id = $1
       and ($2::timestamptz is null or (received_at, id) < ($2::timestamptz, $3::uuid))
     order by rights_requests.received_at desc, rights_requests.id desc limit $4`,
    [userId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  const shown = await withEvents(sql, rows.slice(0, limit));
  const last = rows[limit - 1];
  return { requests: shown.map(strip), next: rows.length > limit && last ? encodeCursor([last.key_received_at, last.id]) : null };
}

/**
 * Refuses a new request while the person already has `max` open ones. Locks the person's row first, so two
 * filings at once cannot both slip under the cap. Counts at most `max` rows of a partial index.
 */
export async function checkOpenRequestCap(sql: Sql, userId: string, max: number): Promise<void> {
  await sql.query('select 1 from users where id = $1 for update', [userId]);
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from rights_requests where user_id = $1
       and status in ('received', 'verifying', 'in_progress', 'extended') limit $2) open`,
    [userId, max],
  );
  if ((row?.n ?? 0) >= max) {
    throw new ApiProblem('conflict', 409, `You already have ${max} open requests, the most one person may have at once; wait for one to be answered or cancel one, then file this again.`);
  }
}

/** Appends one lifecycle step to the audit log and moves the request (R51). */
export async function recordTransition(
  sql: Sql,
  id: string,
  from: RequestStatus | null,
  to: RequestStatus,
  actor: RequestEvent['actor'],
  actorId: string | null,
  reason: string | null,
  now: Date,
): Promise<void> {
  await sql.query('insert into request_events (request_id, from_status, to_status, actor, actor_id, reason, at) values ($1,$2,$3,$4,$5,$6,$7)', [
    id, from, to, actor, actorId, reason, now.toISOString(),
  ]);
  if (from !== null) {
    const terminal = to === 'completed' || to === 'rejected' || to === 'cancelled';
    await sql.query(
      `update rights_requests set status = $2, status_reason = coalesce($3, status_reason), updated_at = $4,
         completed_at = case when $5 then $4::timestamptz else completed_at end where id = $1`,
      [id, to, reason, now.toISOString(), terminal],
    );
  }
}

/** Files a request: received now, due one calendar month later (Art. 12(3), R38). */
export async function insertRequest(sql: Sql, userId: string, input: RightsRequestInput, now: Date): Promise<string> {
  const id = randomUUID();
  const due = dueDateFor(now);
  await sql.query(
    `insert into rights_requests (id, user_id, type, status, input, received_at, due_at, original_due_at, updated_at)
     values ($1, $2, $3, 'received', $4, $5, $6, $6, $5)`,
    [id, userId, input.type, JSON.stringify(input), now.toISOString(), due],
  );
  await recordTransition(sql, id, null, 'received', 'user', userId, null, now);
  return id;
}
