import * as z from 'zod/mini';
import { Locale, Uuid } from './common.ts';
import { ConsentDecisionInput, ConsentDecisionResult, ConsentHistory, ConsentState } from './consent.ts';
import { LedgerCheckpoint, LedgerCheckpointList, LedgerVerification } from './ledger.ts';
import { NoticeResponse, NoticeVersion } from './notice.ts';
import { NoticeRelease, NoticeReleaseList, PublishNoticeInput } from './notice-admin.ts';
import { ReceiptFormat, ReceiptJwks, SignedReceipt } from './receipt.ts';
import {
  CloseRequestInput,
  ConfirmJobInput,
  JobAnswered,
  JobResult,
  MayProcessAnswer,
  MayProcessQuery,
  SystemHealthList,
  SystemId,
  SystemJob,
  SystemJobList,
  SystemTestResult,
} from './systems.ts';
import { ConsentReport, ReportRange, RequestReport } from './reports.ts';
import {
  AdminRequestList,
  AdminRequestView,
  CancelInput,
  ExportFormat,
  ExportDocument,
  RequestStatus,
  RequestType,
  RightsRequest,
  RightsRequestInput,
  RightsRequestList,
  TransitionInput,
} from './requests.ts';
import { PAGE_LIMITS, pageQuery } from './paging.ts';
import type { Capability } from '../registry/operator-roles.ts';
import {
  ApiKeyCreated,
  ApiKeyInput,
  ApiKeyList,
  AuditList,
  ConsoleMe,
  ConsoleSession,
  ConsoleStartInput,
  ConsoleVerifyInput,
  ExportPreview,
  StepUpInput,
  StepUpResult,
} from './console.ts';
import {
  DeviceInput,
  EmailStartInput,
  EmailStartResult,
  EmailVerifyInput,
  GpcWellKnown,
  Health,
  Me,
  SessionResult,
} from './auth.ts';

/**
 * Who may call an endpoint.
 * - `subject`: any bearer — a host-app token, an e-mail session, or a pseudonymous device token.
 * - `identity`: a proven identity only (host-app token or e-mail session); rights requests need one.
 * - `admin`: a named operator: a console session (`tpo_…`) or an API key (`tpk_…`) whose roles grant the
 *   endpoint's `capability` (403 otherwise); outside production also `ADMIN_TOKEN`. `dev`: development builds only.
 * - `job`: a data system answering one job: `Authorization: Bearer <callback.token>` of that job.
 * - `system`: a data system's backend: Bearer = its key derived from its webhook secret (docs/connectors.md).
 */
export type Auth = 'none' | 'subject' | 'identity' | 'admin' | 'dev' | 'job' | 'system';

export interface ResponseSpec {
  description: string;
  schema?: z.core.$ZodType;
  contentType?: string;
  headers?: readonly string[];
}

export interface Endpoint {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI-style path, `{name}` for parameters. */
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  /** For `admin` endpoints: what the caller's roles must grant (shared/registry/operator-roles.ts). */
  capability?: Capability;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.core.$ZodType;
  idempotencyKey?: 'required' | 'optional';
  /** How many hits one call counts for in the per-identity rate limit (default 1): costly reads weigh more. */
  weight?: number;
  responses: Record<number, ResponseSpec>;
}

const IdParams = z.object({ id: Uuid });
const json = (description: string, schema: z.core.$ZodType, headers?: readonly string[]): ResponseSpec => ({
  description,
  schema,
  ...(headers ? { headers } : {}),
});

/** The rights API, written once: the server binds handlers to these, the OpenAPI document is generated from them. */
export const endpoints = {
  health: {
    method: 'get',
    path: '/health',
    summary: 'Liveness and database check',
    tag: 'meta',
    auth: 'none',
    responses: { 200: json('Healthy', Health), 503: { description: 'The database does not answer' } },
  },
  gpc: {
    method: 'get',
    path: '/.well-known/gpc.json',
    summary: 'Global Privacy Control support resource',
    tag: 'meta',
    auth: 'none',
    responses: { 200: json('GPC support', GpcWellKnown) },
  },
  jwks: {
    method: 'get',
    path: '/.well-known/jwks.json',
    summary: 'The public keys that sign consent receipts: the current key first, then every retired one (R34)',
    tag: 'meta',
    auth: 'none',
    responses: { 200: json('The receipt-signing keys', ReceiptJwks) },
  },
  openapi: {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tag: 'meta',
    auth: 'none',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },

  getNotice: {
    method: 'get',
    path: '/v1/notice',
    summary:
      'The current privacy notice in the best available locale (ETag / If-None-Match); `version` names an earlier published one (receipts cite it)',
    tag: 'notice',
    auth: 'none',
    query: z.object({
      locale: z.optional(Locale),
      version: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    }),
    responses: {
      200: json('The notice', NoticeResponse, ['ETag', 'Content-Language']),
      304: { description: 'Not modified' },
    },
  },
  getNoticeVersion: {
    method: 'get',
    path: '/v1/notice/version',
    summary: 'The current notice version, date and hash, without the text (R12)',
    tag: 'notice',
    auth: 'none',
    query: z.object({ locale: z.optional(Locale) }),
    responses: { 200: json('The current version', NoticeVersion) },
  },
  getNoticeByVersion: {
    method: 'get',
    path: '/v1/notice/versions/{version}',
    summary:
      'A published notice version as it was published, in the best available locale (English otherwise): clients show what changed since the text a person agreed to (R12)',
    tag: 'notice',
    auth: 'none',
    params: z.object({ version: z.string().check(z.minLength(1), z.maxLength(64)) }),
    query: z.object({ locale: z.optional(Locale) }),
    responses: {
      200: json('The notice version', NoticeResponse, ['ETag', 'Content-Language']),
      304: { description: 'Not modified' },
    },
  },

  deviceSession: {
    method: 'post',
    path: '/v1/auth/device',
    summary: 'A pseudonymous device token for a visitor without an account (consents only)',
    tag: 'identity',
    auth: 'none',
    body: DeviceInput,
    responses: { 201: json('Device token', SessionResult) },
  },
  emailStart: {
    method: 'post',
    path: '/v1/auth/email/start',
    summary: 'Send a sign-in code by e-mail',
    tag: 'identity',
    auth: 'none',
    body: EmailStartInput,
    responses: { 202: json('Code sent', EmailStartResult) },
  },
  emailVerify: {
    method: 'post',
    path: '/v1/auth/email/verify',
    summary: 'Exchange the e-mailed code for a session token',
    tag: 'identity',
    auth: 'none',
    body: EmailVerifyInput,
    responses: { 200: json('Session', SessionResult) },
  },
  signOut: {
    method: 'delete',
    path: '/v1/auth/session',
    summary: 'Sign out: revoke this session or device token',
    tag: 'identity',
    auth: 'subject',
    responses: { 204: { description: 'Revoked' } },
  },
  me: {
    method: 'get',
    path: '/v1/me',
    summary: 'Who the bearer is',
    tag: 'identity',
    auth: 'subject',
    responses: { 200: json('Identity', Me) },
  },

  getConsents: {
    method: 'get',
    path: '/v1/consents',
    summary: 'My current consent and objection state (applies Sec-GPC: 1)',
    tag: 'consents',
    auth: 'subject',
    responses: { 200: json('State', ConsentState) },
  },
  decideConsent: {
    method: 'post',
    path: '/v1/consents',
    summary: 'Record a decision; returns the appended record',
    tag: 'consents',
    auth: 'subject',
    body: ConsentDecisionInput,
    idempotencyKey: 'optional',
    responses: { 201: json('Recorded', ConsentDecisionResult) },
  },
  endVisit: {
    method: 'post',
    path: '/v1/consents/end-visit',
    summary:
      "End a visitor's visit: a device token's body-scan consent lapses now, with an `expired` record (it also lapses by itself after VISITOR_SPECIAL_CONSENT_MINUTES); an account's consents are untouched",
    tag: 'consents',
    auth: 'subject',
    responses: { 200: json('State', ConsentState) },
  },
  consentHistory: {
    method: 'get',
    path: '/v1/consents/history',
    tag: 'consents',
    auth: 'subject',
    weight: 5,
    summary: `My consent records, oldest first, a page at a time (limit: default ${PAGE_LIMITS.consentHistory.default}, at most ${PAGE_LIMITS.consentHistory.max}; follow \`next\`)`,
    query: z.object(pageQuery(PAGE_LIMITS.consentHistory.max)),
    responses: { 200: json('Records', ConsentHistory) },
  },
  consentReceipt: {
    method: 'get',
    path: '/v1/consents/{id}/receipt',
    summary:
      "The signed receipt of one of my consent records (R32, R34); format=kantara: its Kantara Consent Receipt v1.1 export (R33). Another subject's record answers 404, like an unknown id",
    tag: 'consents',
    auth: 'subject',
    params: IdParams,
    query: z.object({ format: z.optional(ReceiptFormat) }),
    responses: {
      // The Kantara document's schema is in docs/schemas/consent.schema.json (KantaraReceipt), not repeated here.
      200: json(
        'The receipt with its compact JWS (format=jws, the default); format=html: a readable page (text/html) to print, in the language the decision was made in; format=kantara: a Kantara v1.1 receipt',
        SignedReceipt,
      ),
    },
  },

  createRequest: {
    method: 'post',
    path: '/v1/requests',
    summary:
      'File a rights request (Idempotency-Key required; a person may have MAX_OPEN_REQUESTS_PER_PERSON open at once, 409 beyond)',
    tag: 'requests',
    auth: 'identity',
    weight: 5,
    body: RightsRequestInput,
    idempotencyKey: 'required',
    responses: {
      201: json('Filed', RightsRequest, ['Location']),
      200: json('Replay of an earlier identical call', RightsRequest, ['Idempotent-Replayed']),
    },
  },
  listRequests: {
    method: 'get',
    path: '/v1/requests',
    tag: 'requests',
    auth: 'identity',
    weight: 5,
    summary: `My rights requests, newest first, a page at a time (limit: default ${PAGE_LIMITS.requests.default}, at most ${PAGE_LIMITS.requests.max}; follow \`next\`)`,
    query: z.object(pageQuery(PAGE_LIMITS.requests.max)),
    responses: { 200: json('Requests', RightsRequestList) },
  },
  getRequest: {
    method: 'get',
    path: '/v1/requests/{id}',
    summary: 'One of my requests',
    tag: 'requests',
    auth: 'identity',
    params: IdParams,
    responses: { 200: json('Request', RightsRequest) },
  },
  cancelRequest: {
    method: 'post',
    path: '/v1/requests/{id}/cancel',
    summary: 'Cancel one of my open requests',
    tag: 'requests',
    auth: 'identity',
    params: IdParams,
    body: CancelInput,
    responses: { 200: json('Cancelled', RightsRequest) },
  },
  requestExport: {
    method: 'get',
    path: '/v1/requests/{id}/export',
    tag: 'requests',
    auth: 'identity',
    params: IdParams,
    weight: 10,
    summary: `The export of a completed access or portability request. JSON pages its consent records (limit: default ${PAGE_LIMITS.exportConsents.default}, at most ${PAGE_LIMITS.exportConsents.max}; follow \`next\`); CSV (format=csv) is the whole file; format=zip: the whole export, one JSON file per data system beside the privacy service's own`,
    query: z.object({
      format: z.optional(z.enum([...ExportFormat.options, 'zip'])),
      ...pageQuery(PAGE_LIMITS.exportConsents.max),
    }),
    responses: {
      200: {
        description: 'The export as JSON, one page of consents (or the whole CSV with format=csv)',
        schema: ExportDocument,
        headers: ['Content-Disposition'],
      },
    },
  },

  adminListRequests: {
    method: 'get',
    path: '/v1/admin/requests',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:read',
    summary: `The queue: requests by status, type, due date, flag and the system they wait on, or found by id, e-mail or host subject, earliest due first, a page at a time with the matching total; a due-date filter or flag alone lists open requests only (operators; every hit list is audited; limit: default ${PAGE_LIMITS.adminRequests.default}, at most ${PAGE_LIMITS.adminRequests.max}; follow \`next\`)`,
    query: z.object({
      status: z.optional(RequestStatus),
      type: z.optional(RequestType),
      /** Only requests not yet completed, rejected or cancelled. */
      open: z.optional(z.enum(['true', 'false'])),
      /** Due on or before this date. */
      dueBefore: z.optional(z.iso.date()),
      /** Due on or after this date. */
      dueAfter: z.optional(z.iso.date()),
      /** Open requests past their due date (`overdue`) or due within 7 days, overdue included (`due-soon`). */
      flag: z.optional(z.enum(['overdue', 'due-soon'])),
      /** Requests a data system (its id in SYSTEMS_FILE) still owes an answer: its job is pending, sent or failed. */
      waitingOn: z.optional(SystemId),
      /** A request id, the person's e-mail address or their host-app subject (exact). */
      q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(254))),
      ...pageQuery(PAGE_LIMITS.adminRequests.max),
    }),
    responses: { 200: json('Requests, earliest due first', AdminRequestList) },
  },
  adminGetRequest: {
    method: 'get',
    path: '/v1/admin/requests/{id}',
    summary: 'One request with its event log, its version (ETag) and flags; the read is audited (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:read',
    params: IdParams,
    responses: { 200: json('Request', AdminRequestView) },
  },
  adminTransition: {
    method: 'post',
    path: '/v1/admin/requests/{id}/transitions',
    summary:
      'Move a request through its lifecycle with a reason (operators). Send the version read as `If-Match`: a stale one answers 412 `stale-version` with what changed. Rejecting and completing an erasure need a fresh code (`step-up-required`) from a console session',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:act',
    params: IdParams,
    body: TransitionInput,
    responses: { 200: json('Moved', AdminRequestView, ['ETag']) },
  },
  adminExportPreview: {
    method: 'get',
    path: '/v1/admin/requests/{id}/export-preview',
    summary:
      "What an access export of the request's person would hold now; body-scan data masked unless the caller holds `biometric` (R70). The read is audited (operators)",
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:read',
    params: IdParams,
    weight: 10,
    responses: { 200: json('The preview', ExportPreview) },
  },

  consoleStart: {
    method: 'post',
    path: '/v1/console/auth/start',
    summary: 'Console sign-in: mail a code to an operator address (answered the same for any address)',
    tag: 'console',
    auth: 'none',
    body: ConsoleStartInput,
    responses: { 202: json('Code sent if the address is an operator', EmailStartResult) },
  },
  consoleVerify: {
    method: 'post',
    path: '/v1/console/auth/verify',
    summary: 'Exchange the code for a console session (CONSOLE_SESSION_HOURS, ends after CONSOLE_IDLE_MINUTES unused)',
    tag: 'console',
    auth: 'none',
    body: ConsoleVerifyInput,
    responses: { 200: json('Session', ConsoleSession) },
  },
  consoleMe: {
    method: 'get',
    path: '/v1/console/me',
    summary: 'Who the operator, key or token is, with roles and step-up state',
    tag: 'console',
    auth: 'admin',
    capability: 'console',
    responses: { 200: json('Operator', ConsoleMe) },
  },
  consoleSignOut: {
    method: 'delete',
    path: '/v1/console/auth/session',
    summary: 'End this console session',
    tag: 'console',
    auth: 'admin',
    capability: 'console',
    responses: { 204: { description: 'Ended' } },
  },
  consoleStepUpStart: {
    method: 'post',
    path: '/v1/console/auth/step-up/start',
    summary: "Mail a fresh code to the signed-in operator's address, to confirm a destructive action",
    tag: 'console',
    auth: 'admin',
    capability: 'console',
    responses: { 202: json('Code sent', EmailStartResult) },
  },
  consoleStepUp: {
    method: 'post',
    path: '/v1/console/auth/step-up',
    summary: 'Confirm with the fresh code: destructive actions are allowed for 5 minutes',
    tag: 'console',
    auth: 'admin',
    capability: 'console',
    body: StepUpInput,
    responses: { 200: json('Confirmed', StepUpResult) },
  },
  consoleAudit: {
    method: 'get',
    path: '/v1/console/audit',
    summary: `The audit log, newest first: every action and every read of a person's data, by named operator or key (dpo; format=csv: the page as CSV; limit: default ${PAGE_LIMITS.audit.default}, at most ${PAGE_LIMITS.audit.max}; follow \`next\`)`,
    tag: 'console',
    auth: 'admin',
    capability: 'audit:read',
    query: z.object({
      actor: z.optional(z.string().check(z.minLength(1), z.maxLength(254))),
      requestId: z.optional(Uuid),
      format: z.optional(z.enum(['json', 'csv'])),
      ...pageQuery(PAGE_LIMITS.audit.max),
    }),
    responses: { 200: json('Entries, newest first (or text/csv)', AuditList) },
  },
  consoleKeys: {
    method: 'get',
    path: '/v1/console/keys',
    summary: 'The named API keys, live and revoked (dpo)',
    tag: 'console',
    auth: 'admin',
    capability: 'keys:manage',
    responses: { 200: json('Keys', ApiKeyList) },
  },
  consoleCreateKey: {
    method: 'post',
    path: '/v1/console/keys',
    summary: 'Create a named API key with roles; its secret is in this answer only (dpo; needs a fresh code)',
    tag: 'console',
    auth: 'admin',
    capability: 'keys:manage',
    body: ApiKeyInput,
    responses: { 201: json('Created; keep the token now', ApiKeyCreated) },
  },
  consoleRevokeKey: {
    method: 'delete',
    path: '/v1/console/keys/{id}',
    summary: 'Revoke an API key (dpo)',
    tag: 'console',
    auth: 'admin',
    capability: 'keys:manage',
    params: IdParams,
    responses: { 204: { description: 'Revoked' } },
  },
  adminListNotices: {
    method: 'get',
    path: '/v1/admin/notices',
    summary:
      'Every published notice version, newest first, with each purpose’s fingerprint and whether it changed materially (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:read',
    responses: { 200: json('Versions, newest first', NoticeReleaseList) },
  },
  adminPublishNotice: {
    method: 'post',
    path: '/v1/admin/notices',
    summary:
      'Publish a new notice version (English and translations), served as current at once; consents to a purpose it changes materially expire and are asked again (R12) (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'notices:publish',
    body: PublishNoticeInput,
    responses: { 201: json('Published', NoticeRelease) },
  },
  adminLedgerCheckpoints: {
    method: 'get',
    path: '/v1/admin/ledger/checkpoints',
    summary:
      'The latest signed checkpoints of the consent ledger, newest first, for auditors to keep and compare (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'audit:read',
    responses: { 200: json('Checkpoints, newest first', LedgerCheckpointList) },
  },
  adminLedgerCheckpoint: {
    method: 'post',
    path: '/v1/admin/ledger/checkpoints',
    summary: 'Take a signed checkpoint now (one is also taken at least daily) (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'audit:read',
    responses: { 201: json('Checkpoint taken', LedgerCheckpoint) },
  },
  adminLedgerVerify: {
    method: 'post',
    path: '/v1/admin/ledger/verify',
    summary:
      'Recompute every consent chain and compare it with the latest checkpoint, naming each subject and record that diverges (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'audit:read',
    weight: 10,
    responses: { 200: json('Verification report', LedgerVerification) },
  },

  systemJobResult: {
    method: 'post',
    path: '/v1/systems/jobs/{id}/result',
    summary:
      "A data system's result for one job (Bearer: the job's `callback.token`; body up to CALLBACK_BODY_LIMIT_BYTES, 413 beyond). A second answer, or another job's token, changes nothing (409 / 404)",
    tag: 'systems',
    auth: 'job',
    params: IdParams,
    body: JobResult,
    responses: { 200: json('Recorded', JobAnswered) },
  },
  systemJobConfirmPage: {
    method: 'get',
    path: '/v1/systems/jobs/{id}/confirm',
    summary:
      "The page an e-mailed processor's contact opens from its one-time link: a button that confirms the job (a GET alone changes nothing, so a mail scanner following links confirms nothing)",
    tag: 'systems',
    auth: 'none',
    params: IdParams,
    query: z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)) }),
    responses: { 200: { description: 'An HTML page with the confirmation button', contentType: 'text/html' } },
  },
  systemJobConfirm: {
    method: 'post',
    path: '/v1/systems/jobs/{id}/confirm',
    summary: "Confirm an e-mailed job as done (the one-time link's token); once only",
    tag: 'systems',
    auth: 'none',
    params: IdParams,
    query: z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)) }),
    responses: { 200: { description: 'An HTML page saying the job is confirmed', contentType: 'text/html' } },
  },
  mayProcess: {
    method: 'get',
    path: '/v1/systems/{systemId}/subjects/may-process',
    summary:
      "May this system process purpose P for this person now? (the system's backend; Bearer: its key derived from its secret). Objections and restrictions count at once (R49, R50)",
    tag: 'systems',
    auth: 'system',
    params: z.object({ systemId: SystemId }),
    query: MayProcessQuery,
    responses: { 200: json('The answer', MayProcessAnswer) },
  },
  adminRequestJobs: {
    method: 'get',
    path: '/v1/admin/requests/{id}/jobs',
    summary: "A request's jobs: each system's delivery attempts, last failure and answer (operators)",
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:read',
    params: IdParams,
    responses: { 200: json('Jobs', SystemJobList) },
  },
  adminSystems: {
    method: 'get',
    path: '/v1/admin/systems',
    summary:
      "The data systems of SYSTEMS_FILE with each one's health: last success, failing and open jobs (no secret or address) (operators)",
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:read',
    responses: { 200: json('Systems', SystemHealthList) },
  },
  adminTestSystem: {
    method: 'post',
    path: '/v1/admin/systems/{id}/test',
    summary:
      "Send a harmless `request.test` job through the system's connector (webhook or e-mail) and answer with its first delivery attempt; a manual system has nothing to send. Audited (dpo)",
    tag: 'operators',
    auth: 'admin',
    capability: 'systems:manage',
    params: z.object({ id: SystemId }),
    weight: 10,
    responses: { 200: json('What came of the test job', SystemTestResult) },
  },
  adminConsentReport: {
    method: 'get',
    path: '/v1/admin/reports/consents',
    summary:
      "Consent counts per purpose and notice version: each person's or device's present decision, in aggregate only. The read is audited (dpo)",
    tag: 'operators',
    auth: 'admin',
    capability: 'reports:read',
    weight: 10,
    responses: { 200: json('Counts', ConsentReport) },
  },
  adminRequestReport: {
    method: 'get',
    path: '/v1/admin/reports/requests',
    summary:
      'Rights requests per month received (Brussels time, default: the last 12 months), answered, answered on time and overdue. The read is audited (dpo)',
    tag: 'operators',
    auth: 'admin',
    capability: 'reports:read',
    query: ReportRange,
    weight: 10,
    responses: { 200: json('Months, oldest first', RequestReport) },
  },
  adminAuditCsv: {
    method: 'get',
    path: '/v1/admin/reports/audit.csv',
    summary:
      'The audit log from `from` to `to` (Brussels dates, default: the last 31 days; at most 100,000 entries), oldest first, as CSV; a cell starting with = + - @ is prefixed with an apostrophe so no spreadsheet runs it. The download is audited (dpo)',
    tag: 'operators',
    auth: 'admin',
    capability: 'audit:read',
    query: ReportRange,
    weight: 10,
    responses: {
      200: { description: 'text/csv, one entry a line', contentType: 'text/csv', headers: ['Content-Disposition'] },
    },
  },
  adminRetryJob: {
    method: 'post',
    path: '/v1/admin/jobs/{id}/retry',
    summary: 'Send a job again now (a failed one gets three more days of attempts) (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:act',
    params: IdParams,
    responses: { 200: json('The job, due now', SystemJob) },
  },
  adminConfirmJob: {
    method: 'post',
    path: '/v1/admin/jobs/{id}/confirm',
    summary: 'Mark a job confirmed (done or not found) with a note: an e-mailed or manual system answered (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:act',
    params: IdParams,
    body: ConfirmJobInput,
    responses: { 200: json('The job', SystemJob) },
  },
  adminCloseRequest: {
    method: 'post',
    path: '/v1/admin/requests/{id}/close',
    summary:
      'Complete a request although not every system answered, with the reason the person is told; open jobs are closed (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:act',
    params: IdParams,
    body: CloseRequestInput,
    responses: { 200: json('Completed', AdminRequestView) },
  },

  adminLiftRestriction: {
    method: 'post',
    path: '/v1/admin/requests/{id}/lift',
    summary:
      'Lift a restriction: the person is e-mailed first; only then does the lift take effect, every system gets a job with input.lifted, and the "may I process?" read answers as before (R49, Art. 18(3)) (operators)',
    tag: 'operators',
    auth: 'admin',
    capability: 'requests:act',
    params: IdParams,
    body: CloseRequestInput,
    responses: { 200: json('Lifted', AdminRequestView) },
  },

  devOutbox: {
    method: 'get',
    path: '/dev/outbox',
    summary: 'Development only: e-mails the server would have sent',
    tag: 'development',
    auth: 'dev',
    responses: {
      200: {
        description: 'Outbox',
        schema: z.object({
          messages: z.array(z.object({ to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() })),
        }),
      },
    },
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof endpoints;
