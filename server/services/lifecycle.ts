import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { canTransition, type RequestStatus, type RightsRequest, type TransitionInput } from '../../shared/contract/requests.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import { canExtend, extendedDueDate } from '../../shared/dates/due-date.ts';
import { hasExport } from '../../shared/registry/request-type-rules.ts';
import type { Sql } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';
import { deleteAccount } from './account-deletion.ts';
import { buildExport } from './export.ts';
import { checkOpenRequestCap, findRequest, insertRequest, recordTransition } from './requests.ts';

type Row = RightsRequest & { userId: string };

/** The request, locked for the rest of the transaction so two operators cannot move it at once. */
async function lockRequest(tx: Sql, id: string, userId?: string): Promise<Row> {
  const locked = await tx.query('select 1 from rights_requests where id = $1 and ($2::uuid is null or user_id = $2) for update', [id, userId ?? null]);
  const row = locked.length > 0 ? await findRequest(tx, id) : undefined;
  if (!row) throw new ApiProblem('not-found', 404, 'No request with this id.');
  return row;
}

function refuse(from: RequestStatus, to: RequestStatus, why?: string): never {
  throw new ApiProblem('illegal-transition', 409, why ?? `A request that is "${from}" cannot become "${to}".`);
}

async function complete(tx: Sql, row: Row, actor: 'operator' | 'system', actorId: string | null, reason: string | null, notice: NoticeDocument, now: Date) {
  if (hasExport(row.type)) {
    const document = await buildExport(tx, { id: row.id, type: row.type }, row.userId, notice, now);
    await tx.query('update rights_requests set export_document = $2, export_generated_at = $3 where id = $1', [row.id, JSON.stringify(document), now.toISOString()]);
  }
  await recordTransition(tx, row.id, row.status, 'completed', actor, actorId, reason, now);
}

export interface FilingOptions {
  /** Fulfil access and portability requests at once. */
  autoFulfil: boolean;
  /** Open requests one person may have at once (account deletion is never refused: it is done at once). */
  maxOpen: number;
  /** Months proof is kept after an account is deleted. */
  proofMonths: number;
}

/** Files a request. Account deletion is done at once; access and portability are fulfilled at once when `autoFulfil`. */
export async function fileRequest(tx: Sql, userId: string, input: Parameters<typeof insertRequest>[2], options: FilingOptions, notice: NoticeDocument, now: Date): Promise<string> {
  const { autoFulfil } = options;
  if (input.type !== 'account_deletion') await checkOpenRequestCap(tx, userId, options.maxOpen);
  const id = await insertRequest(tx, userId, input, now);
  if (input.type === 'account_deletion') {
    const outcome = await deleteAccount(tx, userId, now, options.proofMonths);
    await tx.query('update rights_requests set outcome = $2 where id = $1', [id, JSON.stringify(outcome)]);
    await recordTransition(tx, id, 'received', 'completed', 'system', null, 'Deleted at the account holder\'s confirmed request.', now);
  } else if (autoFulfil && hasExport(input.type)) {
    await recordTransition(tx, id, 'received', 'in_progress', 'system', null, null, now);
    await complete(tx, await lockRequest(tx, id), 'system', null, 'Export generated automatically.', notice, now);
  }
  return id;
}

/** The person's own cancellation of an open request. */
export async function cancelRequest(tx: Sql, userId: string, id: string, reason: string | null, now: Date): Promise<void> {
  const row = await lockRequest(tx, id, userId);
  if (!canTransition(row.status, 'cancelled')) refuse(row.status, 'cancelled', `This request is already ${row.status} and can no longer be cancelled.`);
  await recordTransition(tx, id, row.status, 'cancelled', 'user', userId, reason, now);
}

/** An operator's move, checked against the lifecycle and the extension rules (Art. 12(3), R39). */
export async function operatorTransition(tx: Sql, id: string, input: TransitionInput, operatorId: string, notice: NoticeDocument, now: Date): Promise<Row> {
  const row = await lockRequest(tx, id);
  if (!canTransition(row.status, input.to)) refuse(row.status, input.to);
  const reason = input.reason ?? null;
  if (input.to === 'extended') {
    if (row.extensionReason !== null) refuse(row.status, 'extended', 'This request was already extended once; the deadline cannot move again.');
    if (!canExtend(row.originalDueAt, brusselsDate(now))) {
      refuse(row.status, 'extended', `An extension must be decided by the original due date (${row.originalDueAt}).`);
    }
    const dueAt = extendedDueDate(row.receivedAt, input.extendByMonths ?? 2);
    await tx.query('update rights_requests set due_at = $2, extension_reason = $3 where id = $1', [id, dueAt, reason]);
    await recordTransition(tx, id, row.status, 'extended', 'operator', operatorId, reason, now);
  } else if (input.to === 'completed') {
    await complete(tx, row, 'operator', operatorId, reason, notice, now);
  } else {
    await recordTransition(tx, id, row.status, input.to, 'operator', operatorId, reason, now);
  }
  return lockRequest(tx, id);
}
