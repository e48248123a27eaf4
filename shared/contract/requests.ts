import * as z from 'zod/mini';
import { IsoDate, Locale, Surface, Timestamp, Uuid } from './common.ts';
import { ConsentRecord } from './consent.ts';

export const RequestType = z.enum([
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'account_deletion',
]);
export type RequestType = z.infer<typeof RequestType>;

export const RequestStatus = z.enum(['received', 'verifying', 'in_progress', 'extended', 'completed', 'rejected', 'cancelled']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const ExportFormat = z.enum(['json', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const FreeText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

const Common = {
  locale: Locale,
  surface: Surface,
  /** Anything the person wants to add, in their own words. */
  message: z.optional(FreeText(2000)),
};

/** Each request type with only the fields it needs (issue: "each with the fields it needs"). */
export const AccessInput = z.object({ type: z.literal('access'), format: z.optional(ExportFormat), ...Common });
export const RectificationInput = z.object({
  type: z.literal('rectification'),
  field: z.enum(['name', 'email', 'other']),
  /** The corrected value, or for `other` what is wrong and how it should read. */
  correction: FreeText(500),
  /** A supplementary statement (Art. 16). */
  statement: z.optional(FreeText(2000)),
  ...Common,
});
export const ErasureInput = z
  .object({
    type: z.literal('erasure'),
    scope: z.enum(['all', 'specific']),
    /** Which data, when `scope` is `specific`. */
    details: z.optional(FreeText(2000)),
    ground: z.optional(z.enum(['no-longer-necessary', 'consent-withdrawn', 'objection', 'unlawful', 'legal-obligation'])),
    /** The person confirmed the erasure in a separate step. */
    confirmed: z.literal(true),
    ...Common,
  })
  .check(
    z.refine((v) => v.scope !== 'specific' || v.details !== undefined, {
      message: 'Say which data to erase when the scope is "specific".',
      path: ['details'],
    }),
  );
export const RestrictionInput = z.object({
  type: z.literal('restriction'),
  ground: z.enum(['accuracy-contested', 'unlawful-processing', 'needed-for-legal-claims', 'objection-pending']),
  details: z.optional(FreeText(2000)),
  ...Common,
});
export const PortabilityInput = z.object({ type: z.literal('portability'), format: ExportFormat, ...Common });
export const ObjectionInput = z
  .object({
    type: z.literal('objection'),
    scope: z.enum(['legitimate-interest', 'direct-marketing']),
    processing: z.optional(z.enum(['account', 'telemetry', 'support'])),
    /** Grounds relating to the person's particular situation (Art. 21(1)); not needed against marketing (21(2)). */
    grounds: z.optional(FreeText(2000)),
    ...Common,
  })
  .check(
    z.refine((v) => v.scope !== 'legitimate-interest' || v.grounds !== undefined, {
      message: 'Describe the grounds relating to your situation when objecting to legitimate-interest processing.',
      path: ['grounds'],
    }),
  );
export const AccountDeletionInput = z.object({ type: z.literal('account_deletion'), confirmed: z.literal(true), ...Common });

export const RightsRequestInput = z.discriminatedUnion('type', [
  AccessInput,
  RectificationInput,
  ErasureInput,
  RestrictionInput,
  PortabilityInput,
  ObjectionInput,
  AccountDeletionInput,
]);
export type RightsRequestInput = z.infer<typeof RightsRequestInput>;

export const Actor = z.enum(['user', 'operator', 'system']);

/** One lifecycle step, kept for accountability (Art. 5(2), R51). */
export const RequestEvent = z.object({
  from: z.nullable(RequestStatus),
  to: RequestStatus,
  actor: Actor,
  actorId: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  at: Timestamp,
});
export type RequestEvent = z.infer<typeof RequestEvent>;

/** What account deletion erased and what it had to keep, with the legal ground (Art. 17(3), R48). */
export const DeletionOutcome = z.object({
  erased: z.array(z.string()),
  kept: z.array(z.object({ what: z.string(), ground: z.string(), until: z.string() })),
});
export type DeletionOutcome = z.infer<typeof DeletionOutcome>;

export const RightsRequest = z.object({
  id: Uuid,
  type: RequestType,
  status: RequestStatus,
  receivedAt: Timestamp,
  /** The deadline: the end of this day, Brussels time (Art. 12(3); one calendar month, next working day). */
  dueAt: IsoDate,
  /** The first deadline, before any extension. */
  originalDueAt: IsoDate,
  extensionReason: z.nullable(z.string()),
  statusReason: z.nullable(z.string()),
  updatedAt: Timestamp,
  completedAt: z.nullable(Timestamp),
  input: RightsRequestInput,
  /** Set on completed access and portability requests. */
  export: z.nullable(z.object({ formats: z.array(ExportFormat), href: z.string() })),
  outcome: z.nullable(DeletionOutcome),
  events: z.array(RequestEvent),
});
export type RightsRequest = z.infer<typeof RightsRequest>;

export const RightsRequestList = z.object({ requests: z.array(RightsRequest) });

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

export const TransitionInput = z
  .object({
    to: z.enum(['verifying', 'in_progress', 'extended', 'completed', 'rejected']),
    reason: z.optional(FreeText(2000)),
    /** For `extended`: one or two further months (Art. 12(3)). */
    extendByMonths: z.optional(z.union([z.literal(1), z.literal(2)])),
  })
  .check(
    z.refine((v) => !(v.to === 'rejected' || v.to === 'extended') || v.reason !== undefined, {
      message: 'A reason is required to reject or extend a request; the person is told it.',
      path: ['reason'],
    }),
    z.refine((v) => v.to !== 'extended' || v.extendByMonths !== undefined, {
      message: 'Say by how many months (1 or 2) the deadline is extended.',
      path: ['extendByMonths'],
    }),
  );
export type TransitionInput = z.infer<typeof TransitionInput>;

export const CancelInput = z.object({ reason: z.optional(FreeText(2000)) });

export const AdminRequestView = z.object({
  request: RightsRequest,
  subject: z.object({ userId: Uuid, email: z.nullable(z.string()), region: z.nullable(z.string()) }),
});
export const AdminRequestList = z.object({ requests: z.array(AdminRequestView) });

/** The access / portability export: everything the service holds on the person, plus the Art. 15(1) information. */
export const ExportDocument = z.object({
  format: z.literal('twikit-privacy-export'),
  formatVersion: z.literal(1),
  generatedAt: Timestamp,
  request: z.object({ id: Uuid, type: z.enum(['access', 'portability']) }),
  account: z.object({
    userId: Uuid,
    email: z.nullable(z.string()),
    hostSubject: z.nullable(z.string()),
    region: z.nullable(z.string()),
    createdAt: Timestamp,
  }),
  consents: z.array(ConsentRecord),
  requests: z.array(
    z.object({ id: Uuid, type: RequestType, status: RequestStatus, receivedAt: Timestamp, dueAt: IsoDate, input: z.unknown() }),
  ),
  /** Art. 15(1)(a)-(h) and 15(2); omitted from portability exports, which carry provided and observed data only. */
  information: z.optional(z.unknown()),
});
export type ExportDocument = z.infer<typeof ExportDocument>;
