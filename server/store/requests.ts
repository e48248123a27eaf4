import type { RequestEvent, RequestStatus, RightsRequest, RightsRequestInput } from '../../shared/contract/requests.ts';
import { exportTypes } from '../../shared/registry/request-type-rules.ts';
import type { Sql } from '../db/database.ts';
import { jobsOfRequests, progressOf } from './jobs.ts';

/** A request as the store reads it: the contract's shape, the owner's id, and its keyset sort key. */
export type StoredRequest = RightsRequest & { userId: string; version: string };

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
  version: string;
}

// An export is offered for every completed access or portability request: a stored one past its age is
// regenerated when asked for (see services/export.ts), so the link does not depend on the stored copy.
// `key_received_at` is the exact timestamp as text, so a keyset cursor round-trips microseconds.
export const COLUMNS = `id, user_id, type, status, input, received_at, received_at::text as key_received_at, due_at::text as due_at,
  original_due_at::text as original_due_at, version::text as version, extension_reason, status_reason, updated_at, completed_at, outcome,
  (type in (${exportTypes()
    .map((t) => `'${t}'`)
    .join(', ')}) and status = 'completed') as has_export`;

/** Statuses still waiting for an answer (the partial indexes of migration 003 list the same). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'verifying', 'in_progress', 'extended'];
export const CLOSED_STATUSES: readonly RequestStatus[] = ['completed', 'rejected', 'cancelled'];

const iso = (value: Date | string): string => new Date(value).toISOString();

async function eventsOf(sql: Sql, ids: readonly string[]): Promise<Map<string, RequestEvent[]>> {
  const map = new Map<string, RequestEvent[]>();
  if (ids.length === 0) return map;
  const rows = await sql.query<{
    request_id: string;
    from_status: RequestStatus | null;
    to_status: RequestStatus;
    actor: RequestEvent['actor'];
    actor_id: string | null;
    reason: string | null;
    at: Date;
  }>(
    'select request_id, from_status, to_status, actor, actor_id, reason, at from request_events where request_id = any($1::uuid[]) order by seq',
    [ids],
  );
  for (const row of rows) {
    const list = map.get(row.request_id) ?? [];
    list.push({
      from: row.from_status,
      to: row.to_status,
      actor: row.actor,
      actorId: row.actor_id,
      reason: row.reason,
      at: iso(row.at),
    });
    map.set(row.request_id, list);
  }
  return map;
}

function toRequest(row: RequestRow, events: RequestEvent[], systems: RightsRequest['systems']): RightsRequest {
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
    systems,
  };
}

/** Rows read by a keyset query, with their event logs (one more query for all of them). */
export async function withEvents(sql: Sql, rows: readonly RequestRow[]): Promise<StoredRequest[]> {
  const events = await eventsOf(
    sql,
    rows.map((r) => r.id),
  );
  const jobs = await jobsOfRequests(
    sql,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const list = events.get(row.id) ?? [];
    const progress = jobs.filter((j) => j.request_id === row.id).map(progressOf);
    // The row's update count and the number of events: a stale page learns which events it has not seen.
    return { ...toRequest(row, list, progress), userId: row.user_id, version: `${row.version}.${list.length}` };
  });
}

/** The request with this id (and owner, when given), with its event log. */
export async function findRequest(sql: Sql, id: string, userId?: string): Promise<StoredRequest | undefined> {
  const rows = await sql.query<RequestRow>(
    `select ${COLUMNS} from rights_requests where id = $1 and ($2::uuid is null or user_id = $2)`,
    [id, userId ?? null],
  );
  return (await withEvents(sql, rows))[0];
}

/** Locks the request's row for the rest of the transaction (two operators cannot move it at once); false when absent. */
export async function lockRequest(tx: Sql, id: string, userId?: string): Promise<boolean> {
  const locked = await tx.query(
    'select 1 from rights_requests where id = $1 and ($2::uuid is null or user_id = $2) for update',
    [id, userId ?? null],
  );
  return locked.length > 0;
}

/**
 * Up to `take` of the person's requests, newest first, after `after` (the key of the last one shown), from
 * the (user_id, received_at desc, id desc) index. `key_received_at` and `id` of a row are its key.
 */
export async function ownRequestRows(
  sql: Sql,
  userId: string,
  after: readonly [string, string] | null,
  take: number,
): Promise<RequestRow[]> {
  return sql.query<RequestRow>(
    `select ${COLUMNS} from rights_requests where user_id = $1
       and ($2::timestamptz is null or (received_at, id) < ($2::timestamptz, $3::uuid))
     order by rights_requests.received_at desc, rights_requests.id desc limit $4`,
    [userId, after?.[0] ?? null, after?.[1] ?? null, take],
  );
}

/**
 * How many open requests the person has, counted up to `max` (a partial index; never more rows than that).
 * Locks the person's row first, so two filings at once cannot both count below a cap.
 */
export async function countOpenRequests(tx: Sql, userId: string, max: number): Promise<number> {
  await tx.query('select 1 from users where id = $1 for update', [userId]);
  const [row] = await tx.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from rights_requests where user_id = $1
       and status in ('received', 'verifying', 'in_progress', 'extended') limit $2) open`,
    [userId, max],
  );
  return row?.n ?? 0;
}

/** Stores a new request, received at `receivedAt` and due on `dueAt` (its original due date too). */
export async function insertRequest(
  tx: Sql,
  request: { id: string; userId: string; input: RightsRequestInput; receivedAt: Date; dueAt: string },
): Promise<void> {
  await tx.query(
    `insert into rights_requests (id, user_id, type, status, input, received_at, due_at, original_due_at, updated_at)
     values ($1, $2, $3, 'received', $4, $5, $6, $6, $5)`,
    [
      request.id,
      request.userId,
      request.input.type,
      JSON.stringify(request.input),
      request.receivedAt.toISOString(),
      request.dueAt,
    ],
  );
}

export interface RequestStep {
  from: RequestStatus | null;
  to: RequestStatus;
  actor: RequestEvent['actor'];
  actorId: string | null;
  reason: string | null;
  /** The step ends the request (its completion time is set). */
  terminal: boolean;
}

/** Appends one step to the request's audit log and, unless it is the first, moves the request to it. */
export async function recordStep(tx: Sql, id: string, step: RequestStep, now: Date): Promise<void> {
  await tx.query(
    'insert into request_events (request_id, from_status, to_status, actor, actor_id, reason, at) values ($1,$2,$3,$4,$5,$6,$7)',
    [id, step.from, step.to, step.actor, step.actorId, step.reason, now.toISOString()],
  );
  if (step.from !== null) {
    await tx.query(
      `update rights_requests set status = $2, status_reason = coalesce($3, status_reason), updated_at = $4,
         completed_at = case when $5 then $4::timestamptz else completed_at end where id = $1`,
      [id, step.to, step.reason, now.toISOString(), step.terminal],
    );
  }
}

/** Moves the due date once, with the reason given (the extension). */
export async function setExtension(tx: Sql, id: string, dueAt: string, reason: string | null): Promise<void> {
  await tx.query('update rights_requests set due_at = $2, extension_reason = $3 where id = $1', [id, dueAt, reason]);
}

/** Records what was done (an account deletion's erased and kept lists). */
export async function setOutcome(tx: Sql, id: string, outcome: unknown): Promise<void> {
  await tx.query('update rights_requests set outcome = $2 where id = $1', [id, JSON.stringify(outcome)]);
}

/** When the restriction was lifted (null: it was not), locking nothing. */
export async function liftedAt(sql: Sql, id: string): Promise<Date | null> {
  const [row] = await sql.query<{ lifted_at: Date | null }>('select lifted_at from rights_requests where id = $1', [
    id,
  ]);
  return row?.lifted_at ?? null;
}

/** The restriction stops counting from `now` (the person was told first, Art. 18(3)). */
export async function setLifted(tx: Sql, id: string, now: Date): Promise<void> {
  await tx.query('update rights_requests set lifted_at = $2, updated_at = $2 where id = $1', [id, now.toISOString()]);
}
