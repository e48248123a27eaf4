import * as z from 'zod/mini';
import {
  AccessInput,
  AccountDeletionInput,
  ErasureInput,
  ExportFormat,
  FreeText,
  ObjectionInput,
  PortabilityInput,
  RectificationInput,
  REQUEST_TYPE_REGISTRY,
  RestrictionInput,
  type RequestType as RequestTypeId,
} from '../registry/request-types.ts';
import { exportTypes, type ExportType } from '../registry/request-type-rules.ts';
import { Next } from './paging.ts';
import { IsoDate, Timestamp, Uuid } from './common.ts';
import { ConsentRecord } from './consent.ts';
import { SystemExport, SystemProgress } from './systems.ts';

/** The rights-request types (shared/registry/request-types.ts). */
export const RequestType = /* @__PURE__ */ z.enum(
  /* @__PURE__ */ REQUEST_TYPE_REGISTRY.map((t) => t.id) as [RequestTypeId, ...RequestTypeId[]],
);
export type RequestType = z.infer<typeof RequestType>;

export const RequestStatus = /* @__PURE__ */ z.enum([
  'received',
  'verifying',
  'in_progress',
  'extended',
  'completed',
  'rejected',
  'cancelled',
]);
export type RequestStatus = z.infer<typeof RequestStatus>;

// The input variants are the registry's; named here too, as the OpenAPI document names them.
export {
  AccessInput,
  AccountDeletionInput,
  ErasureInput,
  ExportFormat,
  ObjectionInput,
  PortabilityInput,
  RectificationInput,
  RestrictionInput,
};

type Registry = typeof REQUEST_TYPE_REGISTRY;
/** One variant per registry entry, so the inferred type pairs each type with its own fields. */
type SchemasOf<T extends readonly unknown[]> = {
  -readonly [K in keyof T]: T[K] extends { schema: infer S } ? S : never;
};
type Variants = SchemasOf<Registry>;

/** A request as filed: the variant of its type. */
export const RightsRequestInput = /* @__PURE__ */ z.discriminatedUnion(
  'type',
  /* @__PURE__ */ REQUEST_TYPE_REGISTRY.map((t) => t.schema) as unknown as Variants,
);
export type RightsRequestInput = z.infer<typeof RightsRequestInput>;

export const Actor = /* @__PURE__ */ z.enum(['user', 'operator', 'system']);

/** One lifecycle step, kept for accountability (Art. 5(2), R51). */
export const RequestEvent = /* @__PURE__ */ z.object({
  from: /* @__PURE__ */ z.nullable(RequestStatus),
  to: RequestStatus,
  actor: Actor,
  actorId: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  reason: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  at: Timestamp,
});
export type RequestEvent = z.infer<typeof RequestEvent>;

/** What account deletion erased and what it had to keep, with the legal ground (Art. 17(3), R48). */
export const DeletionOutcome = /* @__PURE__ */ z.object({
  erased: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  kept: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      what: /* @__PURE__ */ z.string(),
      ground: /* @__PURE__ */ z.string(),
      until: /* @__PURE__ */ z.string(),
    }),
  ),
});
export type DeletionOutcome = z.infer<typeof DeletionOutcome>;

export const RightsRequest = /* @__PURE__ */ z.object({
  id: Uuid,
  type: RequestType,
  status: RequestStatus,
  receivedAt: Timestamp,
  /** The deadline: the end of this day, Brussels time (Art. 12(3); one calendar month, next working day). */
  dueAt: IsoDate,
  /** The first deadline, before any extension. */
  originalDueAt: IsoDate,
  extensionReason: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  statusReason: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  updatedAt: Timestamp,
  completedAt: /* @__PURE__ */ z.nullable(Timestamp),
  input: RightsRequestInput,
  /** Set on completed access and portability requests. */
  export: /* @__PURE__ */ z.nullable(
    /* @__PURE__ */ z.object({ formats: /* @__PURE__ */ z.array(ExportFormat), href: /* @__PURE__ */ z.string() }),
  ),
  outcome: /* @__PURE__ */ z.nullable(DeletionOutcome),
  events: /* @__PURE__ */ z.array(RequestEvent),
  /** Who was asked and what each did (Art. 19): one entry per data system the request went to. */
  systems: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(SystemProgress)),
});
export type RightsRequest = z.infer<typeof RightsRequest>;

/** One page of the person's requests, newest first. */
export const RightsRequestList = /* @__PURE__ */ z.object({
  requests: /* @__PURE__ */ z.array(RightsRequest),
  next: Next,
});

/** Allowed lifecycle moves. `cancelled` is the person's own move; all others are operators' or the system's. */
export const TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: ['verifying', 'in_progress', 'extended', 'completed', 'rejected', 'cancelled'],
  verifying: ['in_progress', 'extended', 'rejected', 'cancelled'],
  in_progress: ['extended', 'completed', 'rejected', 'cancelled'],
  extended: ['verifying', 'in_progress', 'completed', 'rejected', 'cancelled'],
  completed: [],
  rejected: [],
  cancelled: [],
};

/** True when a request may move from one status to another. */
export const canTransition = (from: RequestStatus, to: RequestStatus): boolean => TRANSITIONS[from].includes(to);

export const TransitionInput = /* @__PURE__ */ z
  .object({
    to: /* @__PURE__ */ z.enum(['verifying', 'in_progress', 'extended', 'completed', 'rejected']),
    reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ FreeText(2000)),
    /** For `extended`: one or two further months (Art. 12(3)). */
    extendByMonths: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.union([/* @__PURE__ */ z.literal(1), /* @__PURE__ */ z.literal(2)]),
    ),
  })
  .check(
    /* @__PURE__ */ z.refine((v) => !(v.to === 'rejected' || v.to === 'extended') || v.reason !== undefined, {
      message: 'A reason is required to reject or extend a request; the person is told it.',
      path: ['reason'],
    }),
    /* @__PURE__ */ z.refine((v) => v.to !== 'extended' || v.extendByMonths !== undefined, {
      message: 'Say by how many months (1 or 2) the deadline is extended.',
      path: ['extendByMonths'],
    }),
  );
export type TransitionInput = z.infer<typeof TransitionInput>;

export const CancelInput = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ FreeText(2000)),
});

/** Marks on a queued request: past its due date, due within 7 days, waiting on a system (an open job: pending, sent or failed). */
export const QueueFlags = /* @__PURE__ */ z.object({
  overdue: /* @__PURE__ */ z.boolean(),
  dueSoon: /* @__PURE__ */ z.boolean(),
  waitingOnSystem: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.boolean()),
});
export type QueueFlags = z.infer<typeof QueueFlags>;

export const AdminRequestView = /* @__PURE__ */ z.object({
  request: RightsRequest,
  /** Changes on every update; send it back as `If-Match` when acting, so a stale page is not acted on. */
  version: /* @__PURE__ */ z.string(),
  flags: QueueFlags,
  subject: /* @__PURE__ */ z.object({
    userId: Uuid,
    email: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    region: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  }),
});
/**
 * One page of the operator list, earliest due first. `total` counts every request the filter matches: exact
 * up to 1,000 (`totalExact: true`), above that the database's estimate, so a count never reads a huge table.
 */
export const AdminRequestList = /* @__PURE__ */ z.object({
  requests: /* @__PURE__ */ z.array(AdminRequestView),
  next: Next,
  total: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0)),
  totalExact: /* @__PURE__ */ z.boolean(),
});

/** The access / portability export: everything the service holds on the person, plus the Art. 15(1) information. */
export const ExportDocument = /* @__PURE__ */ z.object({
  format: /* @__PURE__ */ z.literal('twikit-privacy-export'),
  formatVersion: /* @__PURE__ */ z.literal(1),
  generatedAt: Timestamp,
  request: /* @__PURE__ */ z.object({
    id: Uuid,
    type: /* @__PURE__ */ z.enum(/* @__PURE__ */ exportTypes() as [ExportType, ...ExportType[]]),
  }),
  account: /* @__PURE__ */ z.object({
    userId: Uuid,
    email: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    hostSubject: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    region: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    createdAt: Timestamp,
  }),
  consents: /* @__PURE__ */ z.array(ConsentRecord),
  requests: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      id: Uuid,
      type: RequestType,
      status: RequestStatus,
      receivedAt: Timestamp,
      dueAt: IsoDate,
      input: /* @__PURE__ */ z.unknown(),
    }),
  ),
  /** Art. 15(1)(a)-(h) and 15(2); omitted from portability exports, which carry provided and observed data only. */
  information: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown()),
  /** Each data system's answer, under its id (SYSTEMS_FILE); absent when no system holds data. */
  systems: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), SystemExport)),
  /**
   * Served as JSON, a page of `consents`: the cursor of the next page (null on the last). Absent from the
   * stored document and from the file a client saves after joining the pages.
   */
  next: /* @__PURE__ */ z.optional(Next),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

/** A JSON export as served: the document with one page of `consents` and the cursor of the next page. */
export type ExportPage = ExportDocument & { next: string | null };
