import { randomUUID } from 'node:crypto';
import type { RequestEvent, RequestStatus, RightsRequest, RightsRequestInput } from '../../shared/contract/requests.ts';
import { dueDateFor } from '../../shared/dates/due-date.ts';
import type { Sql } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';

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
}

const COLUMNS = `id, user_id, type, status, input, received_at, due_at::text as due_at, original_due_at::text as original_due_at,
  extension_reason, status_reason, updated_at, completed_at, outcome, export_document is not null as has_export`;

const iso = (value: Date | string): string => new Date(value).toISOString();

async function eventsOf(sql: Sql, ids: readonly string[]): Promise<Map<string, RequestEvent[]>> {
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

function toRequest(row: RequestRow, events: RequestEvent[]): RightsRequest {
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

/** Requests matching `where` (a SQL condition on `rights_requests`), with their event logs. */
export async function findRequests(sql: Sql, where: string, params: readonly unknown[], order = 'received_at desc, id', limit = 500): Promise<Array<RightsRequest & { userId: string }>> {
  const rows = await sql.query<RequestRow>(`select ${COLUMNS} from rights_requests where ${where} order by ${order} limit ${limit}`, params);
  const events = await eventsOf(sql, rows.map((r) => r.id));
  return rows.map((row) => ({ ...toRequest(row, events.get(row.id) ?? []), userId: row.user_id }));
}

const strip = ({ userId: _userId, ...request }: RightsRequest & { userId: string }): RightsRequest => request;

/** One of `userId`'s requests. Another user's id answers exactly like an id that does not exist. */
export async function getOwnRequest(sql: Sql, userId: string, id: string): Promise<RightsRequest> {
  const [found] = await findRequests(sql, 'id = $1 and user_id = $2', [id, userId]);
  if (!found) throw new ApiProblem('not-found', 404, 'No request with this id.');
  return strip(found);
}

export async function listOwnRequests(sql: Sql, userId: string): Promise<RightsRequest[]> {
  return (await findRequests(sql, 'user_id = $1', [userId])).map(strip);
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
