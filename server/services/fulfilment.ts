import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import type { RequestType } from '../../shared/contract/requests.ts';
import type { DataSystem, JobResult, JobState } from '../../shared/contract/systems.ts';
import type { Sql } from '../db/database.ts';
import type { DeliveryConfig } from '../systems-config.ts';
import {
  answerJob,
  forgetJobSubject,
  insertJob,
  jobByTokenHash,
  noteCallbackRefused,
  lockJob,
  requestHasJobs,
  subjectForJobs,
  type JobRow,
} from '../store/jobs.ts';
import { conflict, notFound, unauthenticated } from './errors.ts';

/**
 * The fan-out of rights and consent changes to the data systems of SYSTEMS_FILE: which systems get a job,
 * the job's callback token, and what a system's answer does to its job. Jobs are written in the caller's
 * transaction (the outbox); the worker (server/fulfilment/worker.ts) delivers them.
 */
export interface Fulfilment {
  systems: readonly DataSystem[];
  delivery: DeliveryConfig;
  /** Key the callback tokens are derived with; outside the database. */
  tokenKey: string;
  /** Wakes this process's worker after a commit that made jobs (it also polls); set once the worker runs. */
  wake: () => void;
}

/** Request types whose jobs end in an answer each system must give before the request completes. */
const ANSWERED: ReadonlySet<JobState> = new Set(['done', 'not_found', 'closed']);

/** A system takes a request type when it says so; account deletion also reaches every system that erases. */
export const handlesType = (system: DataSystem, type: RequestType): boolean =>
  system.handles.includes(type) || (type === 'account_deletion' && system.handles.includes('erasure'));

/** The systems a request of `type` goes to: those that handle it and serve the person's region (all, if unknown). */
export const systemsFor = (systems: readonly DataSystem[], type: RequestType, region: string | null): DataSystem[] =>
  systems.filter((s) => handlesType(s, type) && (region === null || s.regions.includes(region as never)));

/** The token a system answers one job with: derived, so every attempt carries the same one; stored only hashed. */
export const callbackToken = (key: string, jobId: string, nonce: string): string =>
  `tpj_${createHmac('sha256', key).update(`job-callback\n${jobId}\n${nonce}`).digest('base64url')}`;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A system's key for the server-to-server read: derived from its webhook secret (docs/connectors.md). */
export function systemKey(secret: string, systemId: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`twikit-privacy:system:${systemId}`).digest('base64url');
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The system whose key `authorization` carries, when it is `systemId`'s. */
export function authenticateSystem(f: Fulfilment, systemId: string, authorization: string | undefined): DataSystem {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw unauthenticated('Send "Authorization: Bearer <the system\'s key>" (docs/connectors.md).');
  const system = f.systems.find((s) => s.id === systemId);
  const secret = system?.connector.type === 'webhook' ? system.connector.secret : undefined;
  if (!system || !secret || !sameText(token, systemKey(secret, system.id))) throw notFound(NO_SYSTEM);
  return system;
}

const NO_SYSTEM = "No system with this id, or this key is not the system's.";
const NO_JOB = "No job with this id, or this token is not the job's.";

interface JobSource {
  requestId: string | null;
  userId: string;
  event: 'request.job' | 'consent.changed';
  type: RequestType | 'consent';
  input: Record<string, unknown>;
}

async function makeJobs(tx: Sql, f: Fulfilment, targets: readonly DataSystem[], source: JobSource, now: Date) {
  if (targets.length === 0) return 0;
  const subject = await subjectForJobs(tx, source.userId);
  if (!subject) return 0;
  // Delivery runs on the wall clock (it is about real systems being up), whatever clock the server's records use.
  const wall = Date.now();
  for (const system of targets) {
    const id = randomUUID();
    const nonce = randomBytes(16).toString('hex');
    await insertJob(tx, {
      id,
      requestId: source.requestId,
      subjectId: source.userId,
      systemId: system.id,
      system: { name: system.name, kind: system.kind, regions: [...system.regions] },
      connector: system.connector.type,
      event: source.event,
      type: source.type,
      subject: {
        email: subject.email,
        hostSubject: subject.host_subject,
        region: subject.region ?? system.regions[0]!,
      },
      input: source.input,
      nextAttemptAt: system.connector.type === 'manual' ? null : new Date(wall),
      giveUpAt: new Date(wall + f.delivery.giveUpMs),
      tokenNonce: nonce,
      tokenHash: hashToken(callbackToken(f.tokenKey, id, nonce)),
      now,
    });
  }
  return targets.length;
}

/** Sends a request to every system that must act on it, once per request; returns how many jobs were made. */
export async function fanOutRequest(
  tx: Sql,
  f: Fulfilment,
  request: { id: string; userId: string; type: RequestType; input: Record<string, unknown> },
  now: Date,
): Promise<number> {
  if (f.systems.length === 0 || (await requestHasJobs(tx, request.id))) return 0;
  const subject = await subjectForJobs(tx, request.userId);
  const targets = systemsFor(f.systems, request.type, subject?.region ?? null);
  return makeJobs(tx, f, targets, { ...request, requestId: request.id, event: 'request.job' }, now);
}

/**
 * A restriction is lifted: every system that was told of it gets a job with `input.lifted: true` (a restriction
 * job of its own, beside the first), so each may process again only from this job on.
 */
export async function fanOutLift(
  tx: Sql,
  f: Fulfilment,
  request: { id: string; userId: string; input: Record<string, unknown> },
  reason: string,
  now: Date,
): Promise<number> {
  const subject = await subjectForJobs(tx, request.userId);
  const targets = systemsFor(f.systems, 'restriction', subject?.region ?? null);
  return makeJobs(
    tx,
    f,
    targets,
    {
      requestId: request.id,
      userId: request.userId,
      event: 'request.job',
      type: 'restriction',
      input: { ...request.input, lifted: true, reason },
    },
    now,
  );
}

/** Whether any system would get a job for this request type (no systems: the service fulfils it alone). */
export const reachesSystems = (f: Fulfilment, type: RequestType): boolean =>
  f.systems.some((s) => handlesType(s, type));

const CONSENT_BASES: ReadonlySet<string> = new Set(['consent', 'explicit_consent']);

/** A consent or objection change reaches each system that lists the purpose (accounts only: a device is no one a system knows). */
export async function consentChanged(tx: Sql, f: Fulfilment, record: ConsentRecord, now: Date): Promise<number> {
  if (record.subjectKind !== 'user') return 0;
  const targets = f.systems.filter((s) => s.purposes?.includes(record.purpose));
  // Consent was this purpose's only basis: withdrawn, its data must go too (Art. 17(1)(b), R24), not only stop.
  const erase = record.event === 'withdrawn' && CONSENT_BASES.has(record.legalBasis);
  return makeJobs(
    tx,
    f,
    targets,
    {
      requestId: null,
      userId: record.subjectId,
      event: 'consent.changed',
      type: erase ? 'erasure' : 'consent',
      input: {
        ...(erase
          ? {
              erase: true,
              scope: 'purpose',
              reason:
                'Consent withdrawn and no other legal basis applies (GDPR Art. 17(1)(b)): erase what was processed for this purpose.',
            }
          : {}),
        purpose: record.purpose,
        event: record.event,
        active: record.active,
        legalBasis: record.legalBasis,
        recordId: record.id,
        recordedAt: record.recordedAt,
      },
    },
    now,
  );
}

/**
 * A callback the server refused (`status`, `detail`) is written on the job its token belongs to, so the
 * operator sees why a system's answer did not count. Without a token of a known job there is nothing to write
 * on (a stranger's call). A token sent to another job's URL is named as such.
 */
export async function noteRefusedCallback(
  sql: Sql,
  urlJobId: string,
  token: string,
  refusal: { status: number; detail: string },
  at: Date,
): Promise<boolean> {
  const job = await jobByTokenHash(sql, hashToken(token));
  if (!job) return false;
  const where = job.id === urlJobId ? '' : ` (this job's token was sent to the callback URL of job ${urlJobId})`;
  const reason = `${at.toISOString()}: callback refused with HTTP ${refusal.status}${where}: ${refusal.detail}`;
  await noteCallbackRefused(sql, job.id, reason.slice(0, 1000));
  return true;
}

/** The job `id`, when `token` is its callback token; one answer for an unknown job and a wrong token alike. */
export async function jobForToken(tx: Sql, id: string, token: string | undefined): Promise<JobRow> {
  const job = await lockJob(tx, id);
  if (!job || !token || !sameText(hashToken(token), job.token_hash)) throw notFound(NO_JOB);
  return job;
}

/**
 * Records a system's answer to its job. A job answers once: a second callback (a retry, a duplicate, a late
 * one after an operator closed it) changes nothing and is refused. Returns the request to settle, if any.
 */
export async function recordAnswer(
  tx: Sql,
  job: JobRow,
  result: JobResult,
  by: { note?: string | null },
  now: Date,
): Promise<{ requestId: string | null; state: JobState }> {
  if (job.state !== 'pending' && job.state !== 'sent')
    throw conflict(`This job was already answered (${job.state}); a further answer changes nothing.`);
  const reason = result.status === 'done' ? null : (result.reason ?? null);
  const answered = await answerJob(tx, job.id, { state: result.status, result, note: by.note ?? null, reason }, now);
  if (!answered) throw conflict('This job was already answered; a further answer changes nothing.');
  // The address and host id were copied only to reach the system: once it erased, or took a consent change, they go.
  if (
    (job.type === 'erasure' || job.type === 'account_deletion' || job.event === 'consent.changed') &&
    result.status !== 'failed'
  )
    await forgetJobSubject(tx, job.id);
  return { requestId: job.request_id, state: result.status };
}

/** Every job answered `done`/`not_found` (or closed by an operator): the request may complete. */
export const allAnswered = (jobs: readonly JobRow[]): boolean => jobs.every((j) => ANSWERED.has(j.state));

/** No person is behind a test job: its subject column holds this all-zero id, which no account ever has. */
export const TEST_SUBJECT = '00000000-0000-0000-0000-000000000000';

/**
 * Writes a harmless `request.test` job for `system` (issue 15, the console's "send a test job"): no person, no
 * request, `input.test: true`. The worker delivers it through the system's connector like any job, once: it gives
 * up at the first failure, so a test never retries for days. Returns the job id, or null for a manual system
 * (nothing is sent to one; an operator confirms its jobs by hand).
 */
export async function makeTestJob(tx: Sql, f: Fulfilment, system: DataSystem, now: Date): Promise<string | null> {
  if (system.connector.type === 'manual') return null;
  const id = randomUUID();
  const nonce = randomBytes(16).toString('hex');
  const wall = Date.now();
  await insertJob(tx, {
    id,
    requestId: null,
    subjectId: TEST_SUBJECT,
    systemId: system.id,
    system: { name: system.name, kind: system.kind, regions: [...system.regions] },
    connector: system.connector.type,
    event: 'request.test',
    type: 'test',
    subject: { email: null, hostSubject: null, region: system.regions[0]! },
    input: { test: true },
    nextAttemptAt: new Date(wall),
    giveUpAt: new Date(wall),
    tokenNonce: nonce,
    tokenHash: hashToken(callbackToken(f.tokenKey, id, nonce)),
    now,
  });
  return id;
}
