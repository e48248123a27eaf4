import * as z from 'zod/mini';
import { REQUEST_TYPE_REGISTRY, type RequestType as RequestTypeId } from '../registry/request-types.ts';
import { Region, Timestamp, Uuid } from './common.ts';

// The request types, from the registry (not requests.ts: that module names SystemProgress, which would loop).
const RequestType = /* @__PURE__ */ z.enum(
  /* @__PURE__ */ REQUEST_TYPE_REGISTRY.map((t) => t.id) as [RequestTypeId, ...RequestTypeId[]],
);

// The data systems a right must reach, and the wire format of the jobs sent to them. Product teams write the
// systems file (`SYSTEMS_FILE`) and implement the webhook side; docs/connectors.md explains both. Written once
// here: the server validates the file and its callbacks with these schemas, the OpenAPI document publishes them
// (3.1 `webhooks`), and the demo's TwikFit system and the tests' system processes parse jobs with them.

const Text = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1));

/** A system id: lower-case letters, digits, `_` and `-`; it names the system's part of an export. */
export const SystemId = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^[a-z][a-z0-9_-]{0,62}$/, 'a system id is lower-case letters, digits, _ or -'));
export type SystemId = z.infer<typeof SystemId>;

/** A Standard Webhooks secret: `whsec_` and base64 of at least 24 bytes. */
export const WebhookSecret = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'a secret is "whsec_" followed by base64'));

export const WebhookConnector = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('webhook'),
  /** Where jobs are POSTed. http is allowed for local systems; production refuses it (server/config). */
  url: /* @__PURE__ */ z.url({ protocol: /^https?$/ }),
  secret: WebhookSecret,
});

/** A processor without an API: its privacy contact gets a message with a one-time confirmation link (Art. 19). */
export const EmailConnector = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('email'),
  to: /* @__PURE__ */ z.email(),
});

/** A task an operator ticks off, with a note. */
export const ManualConnector = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal('manual'),
  instructions: /* @__PURE__ */ z.optional(Text),
});

export const Connector = /* @__PURE__ */ z.discriminatedUnion('type', [
  WebhookConnector,
  EmailConnector,
  ManualConnector,
]);
export type Connector = z.infer<typeof Connector>;

/** What a system can be asked to do: the request types, plus `consent` (consent and objection changes). */
export const SystemHandles = /* @__PURE__ */ z.union([RequestType, /* @__PURE__ */ z.literal('consent')]);
export type SystemHandles = z.infer<typeof SystemHandles>;

export const DataSystem = /* @__PURE__ */ z.object({
  id: SystemId,
  name: Text,
  /** `app`: a Twikit system. `processor`: a vendor the notice names (carrier, payment, support desk). */
  kind: /* @__PURE__ */ z.enum(['app', 'processor']),
  regions: /* @__PURE__ */ z.array(Region).check(/* @__PURE__ */ z.minLength(1)),
  handles: /* @__PURE__ */ z.array(SystemHandles).check(/* @__PURE__ */ z.minLength(1)),
  /** Purposes this system processes (ids of the notice's purposes); consent and objection changes reach it. */
  purposes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Text)),
  connector: Connector,
});
export type DataSystem = z.infer<typeof DataSystem>;

export const SystemsFile = /* @__PURE__ */ z.object({
  systems: /* @__PURE__ */ z.array(DataSystem).check(
    /* @__PURE__ */ z.refine((systems) => new Set(systems.map((s) => s.id)).size === systems.length, {
      message: 'two systems share an id',
    }),
  ),
});
export type SystemsFile = z.infer<typeof SystemsFile>;

/** What a job asks: a request type, `consent` for a consent/objection change, or `test` (a console's test job). */
export const JobType = /* @__PURE__ */ z.union([SystemHandles, /* @__PURE__ */ z.literal('test')]);
export type JobType = z.infer<typeof JobType>;

/** The job events a system receives. */
export const JobEvent = /* @__PURE__ */ z.enum(['request.job', 'consent.changed', 'request.test']);
export type JobEvent = z.infer<typeof JobEvent>;

/**
 * The body of a job POSTed to a webhook system, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256>`). The system answers 2xx at once and posts its result to
 * `callback.url` later, with `Authorization: Bearer <callback.token>`.
 */
export const JobBody = /* @__PURE__ */ z.object({
  event: JobEvent,
  job: /* @__PURE__ */ z.object({
    id: Uuid,
    requestId: /* @__PURE__ */ z.nullable(Uuid),
    /** The request type, `consent` for a consent/objection change, or `test` with event `request.test`. */
    type: JobType,
    system: SystemId,
    createdAt: Timestamp,
  }),
  subject: /* @__PURE__ */ z.object({
    email: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.email()),
    /** The app's own id for the person, when the person came through a host app. */
    hostSubject: /* @__PURE__ */ z.nullable(Text),
    region: Region,
  }),
  /** The request's input as the person filed it (its type's schema), or the consent change. */
  input: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()),
  callback: /* @__PURE__ */ z.object({ url: /* @__PURE__ */ z.url(), token: Text }),
});
export type JobBody = z.infer<typeof JobBody>;

/** What was kept, on which ground, until when (an erasure's outcome). */
export const KeptItem = /* @__PURE__ */ z.object({
  what: Text,
  ground: Text,
  until: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.iso.date()),
});

/** What a system posts to the callback. */
export const JobResult = /* @__PURE__ */ z.discriminatedUnion('status', [
  /* @__PURE__ */ z.object({
    status: /* @__PURE__ */ z.literal('done'),
    /** Access and portability: the person's data in this system (any JSON). */
    data: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown()),
    /** Erasure: what was erased, in words the person understands. */
    erased: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Text)),
    kept: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(KeptItem)),
    /** Rectification: what was corrected. */
    corrected: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Text)),
  }),
  /* @__PURE__ */ z.object({
    status: /* @__PURE__ */ z.literal('not_found'),
    reason: /* @__PURE__ */ z.optional(Text),
  }),
  /* @__PURE__ */ z.object({ status: /* @__PURE__ */ z.literal('failed'), reason: Text }),
]);
export type JobResult = z.infer<typeof JobResult>;

/** A job's state as the person and the operator see it. */
export const JobState = /* @__PURE__ */ z.enum(['pending', 'sent', 'done', 'not_found', 'failed', 'closed']);
export type JobState = z.infer<typeof JobState>;

/** One system's progress on a request (in the request's status, for the person and the operator). */
export const SystemProgress = /* @__PURE__ */ z.object({
  system: SystemId,
  name: Text,
  kind: /* @__PURE__ */ z.enum(['app', 'processor']),
  state: JobState,
  /** Erasure and rectification outcomes, in the system's words. */
  erased: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Text)),
  kept: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(KeptItem)),
  corrected: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Text)),
  reason: /* @__PURE__ */ z.optional(Text),
  updatedAt: Timestamp,
});
export type SystemProgress = z.infer<typeof SystemProgress>;

/** One system's part of an access or portability export: its data under its id. */
export const SystemExport = /* @__PURE__ */ z.object({
  name: Text,
  kind: /* @__PURE__ */ z.enum(['app', 'processor']),
  regions: /* @__PURE__ */ z.array(Region),
  state: JobState,
  data: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown()),
});
export type SystemExport = z.infer<typeof SystemExport>;

/** A job as the operator sees it: its delivery, its last failure and what the system answered. */
export const SystemJob = /* @__PURE__ */ z.object({
  id: Uuid,
  requestId: /* @__PURE__ */ z.nullable(Uuid),
  system: SystemId,
  name: Text,
  kind: /* @__PURE__ */ z.enum(['app', 'processor']),
  connector: /* @__PURE__ */ z.enum(['webhook', 'email', 'manual']),
  event: JobEvent,
  type: JobType,
  state: JobState,
  attempts: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0)),
  /** Why the last attempt failed (timeout, status, network error), or why the system failed. */
  lastError: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /** Why the system's last callback for this job was refused (not valid, too large, sent to another job's URL). */
  callbackError: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  nextAttemptAt: /* @__PURE__ */ z.nullable(Timestamp),
  /** After this moment a failing delivery counts as failed (at least three days after the job was made). */
  giveUpAt: Timestamp,
  sentAt: /* @__PURE__ */ z.nullable(Timestamp),
  answeredAt: /* @__PURE__ */ z.nullable(Timestamp),
  note: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  createdAt: Timestamp,
});
export type SystemJob = z.infer<typeof SystemJob>;

export const SystemJobList = /* @__PURE__ */ z.object({
  jobs: /* @__PURE__ */ z.array(SystemJob),
  systems: /* @__PURE__ */ z.array(SystemProgress),
});

/** One data system as operators see it: its registry entry (no secret, no address) and its health. */
export const SystemHealth = /* @__PURE__ */ z.object({
  id: SystemId,
  name: Text,
  kind: /* @__PURE__ */ z.enum(['app', 'processor']),
  connector: /* @__PURE__ */ z.enum(['webhook', 'email', 'manual']),
  regions: /* @__PURE__ */ z.array(Region),
  handles: /* @__PURE__ */ z.array(SystemHandles),
  /** When it last answered a job done or not found; null if never. */
  lastSuccessAt: /* @__PURE__ */ z.nullable(Timestamp),
  /** Jobs that failed, or whose last delivery attempt failed and are still waiting. */
  failing: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0)),
  /** Jobs it still owes an answer (pending, sent or failed). */
  open: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0)),
});
export type SystemHealth = z.infer<typeof SystemHealth>;

export const SystemHealthList = /* @__PURE__ */ z.object({ systems: /* @__PURE__ */ z.array(SystemHealth) });

/**
 * `POST /v1/admin/systems/{id}/test`: a harmless `request.test` job sent through the system's connector, and what
 * came of its first delivery attempt. A manual system has nothing to send (`job` null, outcome `manual`).
 */
export const SystemTestResult = /* @__PURE__ */ z.object({
  system: SystemId,
  connector: /* @__PURE__ */ z.enum(['webhook', 'email', 'manual']),
  /** `delivered`: the connector took it (a webhook answered 2xx, the mail left); `answered`: the system also posted its result; `failed`: see `detail`; `pending`: no attempt finished in time; `manual`: nothing to send. */
  outcome: /* @__PURE__ */ z.enum(['delivered', 'answered', 'failed', 'pending', 'manual']),
  detail: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  job: /* @__PURE__ */ z.nullable(SystemJob),
});
export type SystemTestResult = z.infer<typeof SystemTestResult>;

/** An operator's confirmation of a job (an email or manual system said it is done), with a note. */
export const ConfirmJobInput = /* @__PURE__ */ z.object({
  note: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(2000)),
  /** What the system reported; `done` when omitted. */
  status: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['done', 'not_found'])),
});

/** Closing a request although not every system answered: the reason is told to the person. */
export const CloseRequestInput = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(2000)),
});

/** The server's acknowledgement of a callback or a confirmation. */
export const JobAnswered = /* @__PURE__ */ z.object({ job: Uuid, state: JobState });

/** "May I process purpose P for this person now?" — an app backend's server-to-server read. */
export const MayProcessQuery = /* @__PURE__ */ z.object({
  purpose: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[a-z][a-z0-9_-]{0,62}$/)),
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.email()),
  hostSubject: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(255)),
  ),
});

export const MayProcessAnswer = /* @__PURE__ */ z.object({
  allowed: /* @__PURE__ */ z.boolean(),
  /**
   * Why: `consent` (given), `no_consent` (never given or withdrawn), `legitimate_interest` (no objection),
   * `objected` (the person objected), `restricted` (a restriction is in force: storage only), `unknown_subject`.
   */
  basis: /* @__PURE__ */ z.enum([
    'consent',
    'no_consent',
    'legitimate_interest',
    'objected',
    'restricted',
    'unknown_subject',
  ]),
  /** Since when this answer holds (the decision or request that made it); null when nothing was decided. */
  since: /* @__PURE__ */ z.nullable(Timestamp),
});
export type MayProcessAnswer = z.infer<typeof MayProcessAnswer>;
