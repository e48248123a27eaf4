import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import {
  canTransition,
  type RequestEvent,
  type RequestStatus,
  type RightsRequest,
  type RightsRequestInput,
  type TransitionInput,
} from '../../shared/contract/requests.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import { canExtend, dueDateFor, extendedDueDate } from '../../shared/dates/due-date.ts';
import { hasExport } from '../../shared/registry/request-type-rules.ts';
import type { Sql } from '../db/database.ts';
import { saveExport } from '../store/exports.ts';
import {
  countOpenRequests,
  findRequest,
  insertRequest,
  lockRequest,
  ownRequestRows,
  recordStep,
  setExtension,
  setOutcome,
  withEvents,
  type StoredRequest,
} from '../store/requests.ts';
import { closeOpenJobs, closeUnsentJobs, jobsOfRequests } from '../store/jobs.ts';
import { deleteAccount } from './account-deletion.ts';
import { allAnswered, fanOutRequest, type Fulfilment } from './fulfilment.ts';
import { AnyUuid, decodeCursor, encodeCursor, PgTimestamp } from './cursor.ts';
import { conflict, notFound, stale } from './errors.ts';
import { buildExport } from './export.ts';

/**
 * The rights-request lifecycle, whole: filing (with the open-request cap and what is done at once), the
 * person's reads and cancellation, and the operator's moves. Every step is checked against the contract's
 * `canTransition` and logged (R51); the store only reads and writes rows.
 */

const NO_SUCH_REQUEST = 'No request with this id.';

const strip = ({ userId: _userId, version: _version, ...request }: StoredRequest): RightsRequest => request;

/** Any request, for an operator. */
export async function getRequest(sql: Sql, id: string): Promise<StoredRequest> {
  const found = await findRequest(sql, id);
  if (!found) throw notFound(NO_SUCH_REQUEST);
  return found;
}

/** One of `userId`'s requests. Another user's id answers exactly like an id that does not exist. */
export async function getOwnRequest(sql: Sql, userId: string, id: string): Promise<RightsRequest> {
  const found = await findRequest(sql, id, userId);
  if (!found) throw notFound(NO_SUCH_REQUEST);
  return strip(found);
}

const OwnCursor = z.tuple([PgTimestamp, AnyUuid]);

/** One page of the person's requests, newest first. */
export async function listOwnRequests(
  sql: Sql,
  userId: string,
  page: { cursor?: string | undefined; limit?: number | undefined } = {},
): Promise<{ requests: RightsRequest[]; next: string | null }> {
  const limit = page.limit ?? PAGE_LIMITS.requests.default;
  const after = page.cursor === undefined ? null : decodeCursor(page.cursor, OwnCursor, 'your requests');
  const rows = await ownRequestRows(sql, userId, after, limit + 1);
  const shown = await withEvents(sql, rows.slice(0, limit));
  const last = rows[limit - 1];
  return {
    requests: shown.map(strip),
    next: rows.length > limit && last ? encodeCursor([last.key_received_at, last.id]) : null,
  };
}

/** The request, locked for the rest of the transaction so two operators cannot move it at once. */
async function lockedRequest(tx: Sql, id: string, userId?: string): Promise<StoredRequest> {
  const row = (await lockRequest(tx, id, userId)) ? await findRequest(tx, id) : undefined;
  if (!row) throw notFound(NO_SUCH_REQUEST);
  return row;
}

const TERMINAL: ReadonlySet<RequestStatus> = new Set(['completed', 'rejected', 'cancelled']);

/** Appends one lifecycle step to the audit log and moves the request (R51). */
function transition(
  tx: Sql,
  id: string,
  from: RequestStatus | null,
  to: RequestStatus,
  actor: RequestEvent['actor'],
  actorId: string | null,
  reason: string | null,
  now: Date,
) {
  return recordStep(tx, id, { from, to, actor, actorId, reason, terminal: TERMINAL.has(to) }, now);
}

function refuse(from: RequestStatus, to: RequestStatus, why?: string): never {
  throw conflict(why ?? `A request that is "${from}" cannot become "${to}".`, 'illegal-transition');
}

async function complete(
  tx: Sql,
  row: StoredRequest,
  actor: 'operator' | 'system',
  actorId: string | null,
  reason: string | null,
  notice: NoticeDocument,
  now: Date,
) {
  if (hasExport(row.type)) {
    await saveExport(tx, row.id, await buildExport(tx, { id: row.id, type: row.type }, row.userId, notice, now), now);
  }
  await transition(tx, row.id, row.status, 'completed', actor, actorId, reason, now);
}

export interface FilingOptions {
  /** Fulfil access and portability requests at once. */
  autoFulfil: boolean;
  /** Open requests one person may have at once (account deletion is never refused: it is done at once). */
  maxOpen: number;
  /** Months proof is kept after an account is deleted. */
  proofMonths: number;
  /** The data systems the request fans out to (none: the privacy service fulfils what it can alone). */
  fulfilment?: Fulfilment | undefined;
}

const fannedOut = (n: number) =>
  `Sent to ${n} data system${n === 1 ? '' : 's'}; completed when every one has answered.`;

/**
 * Files a request: received now, due one calendar month later (Art. 12(3), R38). Refused while the person
 * already has `maxOpen` open ones. Account deletion is done at once; access and portability are fulfilled
 * at once when `autoFulfil`.
 */
export async function fileRequest(
  tx: Sql,
  userId: string,
  input: RightsRequestInput,
  options: FilingOptions,
  notice: NoticeDocument,
  now: Date,
): Promise<string> {
  const { autoFulfil, maxOpen } = options;
  if (input.type !== 'account_deletion' && (await countOpenRequests(tx, userId, maxOpen)) >= maxOpen) {
    throw conflict(
      `You already have ${maxOpen} open requests, the most one person may have at once; wait for one to be answered or cancel one, then file this again.`,
    );
  }
  const id = randomUUID();
  await insertRequest(tx, { id, userId, input, receivedAt: now, dueAt: dueDateFor(now) });
  await transition(tx, id, null, 'received', 'user', userId, null, now);
  // The jobs are made first: they copy the address and host id the systems know the person by, which
  // account deletion erases below, in this same transaction.
  const request = { id, userId, type: input.type, input: input as Record<string, unknown> };
  const jobs =
    options.fulfilment && (autoFulfil || input.type === 'account_deletion')
      ? await fanOutRequest(tx, options.fulfilment, request, now)
      : 0;
  if (input.type === 'account_deletion' && jobs > 0) {
    await setOutcome(tx, id, await deleteAccount(tx, userId, now, options.proofMonths));
    await transition(tx, id, 'received', 'in_progress', 'system', null, `Deleted here. ${fannedOut(jobs)}`, now);
  } else if (jobs > 0) {
    await transition(tx, id, 'received', 'in_progress', 'system', null, fannedOut(jobs), now);
  } else if (input.type === 'account_deletion') {
    const outcome = await deleteAccount(tx, userId, now, options.proofMonths);
    await setOutcome(tx, id, outcome);
    await transition(
      tx,
      id,
      'received',
      'completed',
      'system',
      null,
      "Deleted at the account holder's confirmed request.",
      now,
    );
  } else if (autoFulfil && hasExport(input.type)) {
    await transition(tx, id, 'received', 'in_progress', 'system', null, null, now);
    await complete(tx, await lockedRequest(tx, id), 'system', null, 'Export generated automatically.', notice, now);
  }
  return id;
}

/** The person's own cancellation of an open request. */
export async function cancelRequest(
  tx: Sql,
  userId: string,
  id: string,
  reason: string | null,
  now: Date,
): Promise<void> {
  const row = await lockedRequest(tx, id, userId);
  if (!canTransition(row.status, 'cancelled'))
    refuse(row.status, 'cancelled', `This request is already ${row.status} and can no longer be cancelled.`);
  await transition(tx, id, row.status, 'cancelled', 'user', userId, reason, now);
  await closeUnsentJobs(tx, id, 'The person cancelled the request before it reached this system.', now);
}

/**
 * A refusal as the person receives it: the operator's reasons, then their right to complain to the data
 * protection authority named in the notice and to go to court (Art. 12(4), R40).
 */
export function refusalText(reason: string, notice: NoticeDocument): string {
  const authority = notice.complaint.authority;
  const site = authority.websites[authority.websites.length - 1] ?? '';
  return `${reason.trim()}\n\nYou have the right to lodge a complaint with the Belgian Data Protection Authority (${authority.names.join(' / ')}, ${authority.address}${site ? `, ${site}` : ''}) and to seek a judicial remedy before the courts (GDPR Art. 77–79).`;
}

/**
 * Refuses to act on a stale page: when `expected` (the version the operator read, sent as If-Match) is not
 * the request's version now, nothing is done and the answer lists the steps taken since (nothing twice).
 */
function checkVersion(row: StoredRequest, expected: string | undefined): void {
  if (expected === undefined || expected === row.version) return;
  const seen = Number(/^\d+\.(\d+)$/.exec(expected)?.[1] ?? row.events.length);
  const changes = row.events.slice(Math.min(seen, row.events.length)).map((e) => ({
    at: e.at,
    what: e.from ? `${e.from} → ${e.to}${e.reason ? `: ${e.reason}` : ''}` : e.to,
    by: e.actorId ?? e.actor,
  }));
  throw stale(
    `This request changed since you loaded it (now "${row.status}"${changes.length > 0 ? `; ${changes.map((c) => `${c.what} by ${c.by}`).join('; ')}` : ''}). Nothing was done; read it again, then decide.`,
    { currentVersion: row.version, changes },
  );
}

/** An operator's move, checked against the lifecycle and the extension rules (Art. 12(3), R39). */
export async function operatorTransition(
  tx: Sql,
  id: string,
  input: TransitionInput,
  operatorId: string,
  notice: NoticeDocument,
  now: Date,
  expectedVersion?: string,
  fulfilment?: Fulfilment,
): Promise<StoredRequest> {
  const row = await lockedRequest(tx, id);
  checkVersion(row, expectedVersion);
  if (!canTransition(row.status, input.to)) refuse(row.status, input.to);
  const reason = input.to === 'rejected' ? refusalText(input.reason ?? '', notice) : (input.reason ?? null);
  if (input.to === 'extended') {
    if (row.extensionReason !== null)
      refuse(row.status, 'extended', 'This request was already extended once; the deadline cannot move again.');
    if (!canExtend(row.originalDueAt, brusselsDate(now))) {
      refuse(row.status, 'extended', `An extension must be decided by the original due date (${row.originalDueAt}).`);
    }
    await setExtension(tx, id, extendedDueDate(row.receivedAt, input.extendByMonths ?? 2), reason);
    await transition(tx, id, row.status, 'extended', 'operator', operatorId, reason, now);
  } else if (input.to === 'completed') {
    const jobs = await jobsOfRequests(tx, [id]);
    if (!allAnswered(jobs)) {
      refuse(
        row.status,
        'completed',
        'Not every data system has answered this request; close it with a reason instead (POST /v1/admin/requests/{id}/close).',
      );
    }
    await complete(tx, row, 'operator', operatorId, reason, notice, now);
  } else if (input.to === 'in_progress' && fulfilment) {
    // Taken in hand (e.g. once the identity is verified): the systems are asked now.
    const jobs = await fanOutRequest(tx, fulfilment, { id, userId: row.userId, type: row.type, input: row.input }, now);
    await transition(
      tx,
      id,
      row.status,
      input.to,
      'operator',
      operatorId,
      reason ?? (jobs > 0 ? fannedOut(jobs) : null),
      now,
    );
  } else {
    await transition(tx, id, row.status, input.to, 'operator', operatorId, reason, now);
  }
  return lockedRequest(tx, id);
}

/** Completes a request by itself once every system it went to has answered `done` or `not_found`. */
export async function settleRequest(tx: Sql, id: string, notice: NoticeDocument, now: Date): Promise<boolean> {
  const row = await lockedRequest(tx, id);
  if (!canTransition(row.status, 'completed')) return false;
  const jobs = await jobsOfRequests(tx, [id]);
  if (jobs.length === 0 || !allAnswered(jobs)) return false;
  await complete(tx, row, 'system', null, 'Every data system has answered.', notice, now);
  return true;
}

/**
 * An operator completes a request although not every system answered (one is gone, one never answers), with
 * the reason the person is told; the systems' open jobs are closed with it.
 */
export async function closeRequest(
  tx: Sql,
  id: string,
  reason: string,
  operatorId: string,
  notice: NoticeDocument,
  now: Date,
): Promise<StoredRequest> {
  const row = await lockedRequest(tx, id);
  if (!canTransition(row.status, 'completed')) refuse(row.status, 'completed');
  await closeOpenJobs(tx, id, reason, now);
  await complete(tx, row, 'operator', operatorId, reason, notice, now);
  return lockedRequest(tx, id);
}
