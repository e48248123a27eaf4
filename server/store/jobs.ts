import type { JobState, SystemJob, SystemProgress } from '../../shared/contract/systems.ts';
import type { Database, Sql } from '../db/database.ts';

/** The system as it was when the job was made. */
export interface JobSystem {
  name: string;
  kind: 'app' | 'processor';
  regions: string[];
}

/** A job as stored (server/db/migrations/008-fulfilment.ts). */
export interface JobRow {
  id: string;
  request_id: string | null;
  subject_id: string;
  system_id: string;
  system: JobSystem;
  connector: 'webhook' | 'email' | 'manual';
  event: string;
  type: string;
  subject: { email: string | null; hostSubject: string | null; region: string };
  input: Record<string, unknown>;
  state: JobState;
  attempts: number;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  leased_by: string | null;
  give_up_at: Date;
  last_error: string | null;
  callback_error: string | null;
  token_nonce: string;
  token_hash: string;
  result: Record<string, unknown> | null;
  note: string | null;
  created_at: Date;
  sent_at: Date | null;
  answered_at: Date | null;
  updated_at: Date;
}

export interface NewJob {
  id: string;
  requestId: string | null;
  subjectId: string;
  systemId: string;
  system: JobSystem;
  connector: JobRow['connector'];
  event: string;
  type: string;
  subject: JobRow['subject'];
  input: Record<string, unknown>;
  /** Wall clock: when the worker may first send it; null = it waits for an operator (manual). */
  nextAttemptAt: Date | null;
  giveUpAt: Date;
  tokenNonce: string;
  tokenHash: string;
  now: Date;
}

export async function insertJob(tx: Sql, job: NewJob): Promise<void> {
  await tx.query(
    `insert into system_jobs (id, request_id, subject_id, system_id, connector, event, type, subject, input,
       next_attempt_at, give_up_at, token_nonce, token_hash, created_at, updated_at, system)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$14,$15)`,
    [
      job.id,
      job.requestId,
      job.subjectId,
      job.systemId,
      job.connector,
      job.event,
      job.type,
      JSON.stringify(job.subject),
      JSON.stringify(job.input),
      job.nextAttemptAt?.toISOString() ?? null,
      job.giveUpAt.toISOString(),
      job.tokenNonce,
      job.tokenHash,
      job.now.toISOString(),
      JSON.stringify(job.system),
    ],
  );
}

/** The person as the systems know them, read before anything erases it. */
export async function subjectForJobs(
  sql: Sql,
  userId: string,
): Promise<{ email: string | null; host_subject: string | null; region: string | null } | undefined> {
  const [row] = await sql.query<{ email: string | null; host_subject: string | null; region: string | null }>(
    'select email, host_subject, region from users where id = $1',
    [userId],
  );
  return row;
}

/** Whether the request already went out to the systems (fan-out happens once per request). */
export async function requestHasJobs(sql: Sql, requestId: string): Promise<boolean> {
  const rows = await sql.query('select 1 from system_jobs where request_id = $1 limit 1', [requestId]);
  return rows.length > 0;
}

/**
 * Claims up to `batch` due jobs for `worker` until `leaseUntil`, in one short transaction. `skip locked`: two
 * instances scanning at once take different jobs; the lease keeps a claimed job from being claimed again while
 * its attempt runs, and frees it when the claimer died. PGlite has one connection: the transaction runs alone.
 */
export async function claimDueJobs(
  db: Database,
  worker: string,
  now: Date,
  leaseUntil: Date,
  batch: number,
): Promise<JobRow[]> {
  return db.transaction((tx) =>
    tx.query<JobRow>(
      `update system_jobs set lease_until = $3, leased_by = $2, attempts = attempts + 1, updated_at = $1
       where id in (
         select id from system_jobs
         where state = 'pending' and next_attempt_at is not null and next_attempt_at <= $1
           and (lease_until is null or lease_until < $1)
         order by next_attempt_at limit $4 for update skip locked)
       returning *`,
      [now.toISOString(), worker, leaseUntil.toISOString(), batch],
    ),
  );
}

/** The attempt `attempts` of `worker` was delivered; a job already answered (a quick callback) stays answered. */
export async function markDelivered(db: Sql, id: string, worker: string, attempts: number, at: Date): Promise<void> {
  await db.query(
    `update system_jobs set state = case when state = 'pending' then 'sent' else state end, sent_at = $4,
       lease_until = null, leased_by = null, next_attempt_at = null, last_error = null, updated_at = $4
     where id = $1 and leased_by = $2 and attempts = $3`,
    [id, worker, attempts, at.toISOString()],
  );
}

/** The attempt failed: due again at `retryAt`, or failed for good when that is null. The reason is kept. */
export async function markAttemptFailed(
  db: Sql,
  id: string,
  worker: string,
  attempts: number,
  reason: string,
  retryAt: Date | null,
  at: Date,
): Promise<void> {
  await db.query(
    `update system_jobs set state = case when state = 'pending' and $5::timestamptz is null then 'failed' else state end,
       next_attempt_at = case when state = 'pending' then $5::timestamptz else null end,
       last_error = $4, lease_until = null, leased_by = null, updated_at = $6
     where id = $1 and leased_by = $2 and attempts = $3`,
    [id, worker, attempts, reason, retryAt?.toISOString() ?? null, at.toISOString()],
  );
}

export async function findJob(sql: Sql, id: string): Promise<JobRow | undefined> {
  const [row] = await sql.query<JobRow>('select * from system_jobs where id = $1', [id]);
  return row;
}

/** The job whose callback token hashes to `hash`. */
export async function jobByTokenHash(sql: Sql, hash: string): Promise<JobRow | undefined> {
  const [row] = await sql.query<JobRow>('select * from system_jobs where token_hash = $1', [hash]);
  return row;
}

/** Why a callback for this unanswered job was refused; an answered job keeps what it has. */
export async function noteCallbackRefused(sql: Sql, id: string, reason: string): Promise<void> {
  await sql.query(`update system_jobs set callback_error = $2 where id = $1 and state in ('pending', 'sent')`, [
    id,
    reason,
  ]);
}

export async function lockJob(tx: Sql, id: string): Promise<JobRow | undefined> {
  const [row] = await tx.query<JobRow>('select * from system_jobs where id = $1 for update', [id]);
  return row;
}

/** Records a system's (or an operator's) answer. Only an unanswered job takes one: false otherwise. */
export async function answerJob(
  tx: Sql,
  id: string,
  answer: { state: JobState; result: unknown; note: string | null; reason: string | null },
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `update system_jobs set state = $2, result = $3, note = coalesce($4, note), last_error = coalesce($5, last_error),
       answered_at = $6, updated_at = $6, next_attempt_at = null, lease_until = null, leased_by = null
     where id = $1 and state in ('pending', 'sent') returning 1`,
    [
      id,
      answer.state,
      answer.result === null ? null : JSON.stringify(answer.result),
      answer.note,
      answer.reason,
      now.toISOString(),
    ],
  );
  return rows.length > 0;
}

/** Sends a job again now; a failed one gets a new window of attempts. */
export async function requeueJob(tx: Sql, id: string, wallNow: Date, giveUpAt: Date, now: Date): Promise<void> {
  await tx.query(
    `update system_jobs set state = 'pending', next_attempt_at = $2, give_up_at = greatest(give_up_at, $3),
       lease_until = null, leased_by = null, updated_at = $4 where id = $1`,
    [id, wallNow.toISOString(), giveUpAt.toISOString(), now.toISOString()],
  );
}

/** Closes every unanswered job of a request (an operator closed it without them), with the reason. */
export async function closeOpenJobs(tx: Sql, requestId: string, reason: string, now: Date): Promise<void> {
  await tx.query(
    `update system_jobs set state = 'closed', note = $2, answered_at = $3, updated_at = $3, next_attempt_at = null,
       lease_until = null, leased_by = null
     where request_id = $1 and state in ('pending', 'sent', 'failed')`,
    [requestId, reason, now.toISOString()],
  );
}

/** The jobs of these requests, oldest first. */
export async function jobsOfRequests(sql: Sql, requestIds: readonly string[]): Promise<JobRow[]> {
  if (requestIds.length === 0) return [];
  return sql.query<JobRow>(
    'select * from system_jobs where request_id = any($1::uuid[]) order by created_at, system_id',
    [requestIds],
  );
}

/** The subject's identifiers are dropped from answered jobs of an erasure: they were needed only to reach the systems. */
export async function forgetJobSubject(tx: Sql, id: string): Promise<void> {
  await tx.query(
    `update system_jobs set subject = jsonb_build_object('email', null, 'hostSubject', null, 'region', subject->'region')
     where id = $1`,
    [id],
  );
}

/** Drops the address and host id from the person's answered jobs (account deletion); open ones still need them. */
export async function forgetAnsweredSubjects(tx: Sql, userId: string): Promise<void> {
  await tx.query(
    `update system_jobs set subject = jsonb_build_object('email', null, 'hostSubject', null, 'region', subject->'region')
     where subject_id = $1 and state not in ('pending', 'sent')`,
    [userId],
  );
}

/** Closes the request's jobs not yet delivered (the person cancelled); systems already told keep their job. */
export async function closeUnsentJobs(tx: Sql, requestId: string, reason: string, now: Date): Promise<void> {
  await tx.query(
    `update system_jobs set state = 'closed', note = $2, answered_at = $3, updated_at = $3, next_attempt_at = null
     where request_id = $1 and state = 'pending' and lease_until is null`,
    [requestId, reason, now.toISOString()],
  );
}

/** The live account with this e-mail address or host id. */
export async function findSubject(
  sql: Sql,
  by: { email?: string | undefined; hostSubject?: string | undefined },
): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>(
    `select id from users where deleted_at is null and (($1::text is not null and email = lower($1))
       or ($2::text is not null and host_subject = $2)) limit 1`,
    [by.email ?? null, by.hostSubject ?? null],
  );
  return row?.id;
}

/** The earliest request of `type` the person filed that is still in force (not cancelled or rejected). */
export async function requestInForce(
  sql: Sql,
  userId: string,
  type: string,
  inputScope: string | null,
): Promise<Date | undefined> {
  const [row] = await sql.query<{ received_at: Date }>(
    `select received_at from rights_requests where user_id = $1 and type = $2
       and status not in ('cancelled', 'rejected') and lifted_at is null and ($3::text is null or input->>'scope' = $3)
     order by received_at limit 1`,
    [userId, type, inputScope],
  );
  return row?.received_at;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** One system's progress, as the person and the operator see it on the request. */
export function progressOf(row: JobRow): SystemProgress {
  const result = (row.result ?? {}) as {
    erased?: string[];
    kept?: SystemProgress['kept'];
    corrected?: string[];
    reason?: string;
  };
  const reason =
    row.state === 'failed'
      ? (result.reason ?? row.last_error)
      : row.state === 'closed'
        ? row.note
        : row.state === 'not_found'
          ? result.reason
          : undefined;
  return {
    system: row.system_id,
    name: row.system.name,
    kind: row.system.kind,
    state: row.state,
    ...(result.erased ? { erased: result.erased } : {}),
    ...(result.kept ? { kept: result.kept } : {}),
    ...(result.corrected ? { corrected: result.corrected } : {}),
    ...(reason ? { reason } : {}),
    updatedAt: iso(row.updated_at)!,
  };
}

/** A job as the operator sees it. */
export function jobView(row: JobRow): SystemJob {
  return {
    id: row.id,
    requestId: row.request_id,
    system: row.system_id,
    name: row.system.name,
    kind: row.system.kind,
    connector: row.connector,
    event: row.event as SystemJob['event'],
    type: row.type as SystemJob['type'],
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    callbackError: row.callback_error ?? null,
    nextAttemptAt: iso(row.next_attempt_at),
    giveUpAt: iso(row.give_up_at)!,
    sentAt: iso(row.sent_at),
    answeredAt: iso(row.answered_at),
    note: row.note,
    createdAt: iso(row.created_at)!,
  };
}

/** Per system: its last success (a test job answered counts), its failing jobs and the jobs it still owes (tests apart: they owe nothing). */
export async function systemHealth(
  sql: Sql,
): Promise<Map<string, { lastSuccessAt: string | null; failing: number; open: number }>> {
  const rows = await sql.query<{
    system_id: string;
    last_success: Date | string | null;
    failing: number;
    open: number;
  }>(
    `select system_id,
            max(answered_at) filter (where state in ('done', 'not_found')) as last_success,
            (count(*) filter (where event <> 'request.test'
               and (state = 'failed' or (state in ('pending', 'sent') and last_error is not null))))::int as failing,
            (count(*) filter (where event <> 'request.test' and state in ('pending', 'sent', 'failed')))::int as open
       from system_jobs group by system_id`,
  );
  return new Map(
    rows.map((r) => [
      r.system_id,
      {
        lastSuccessAt: r.last_success === null ? null : new Date(r.last_success).toISOString(),
        failing: Number(r.failing),
        open: Number(r.open),
      },
    ]),
  );
}
