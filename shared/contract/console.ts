import * as z from 'zod/mini';
import { OPERATOR_ROLES, type OperatorRole as OperatorRoleId } from '../registry/operator-roles.ts';
import { Email } from './auth.ts';
import { Timestamp, Uuid } from './common.ts';
import { Next } from './paging.ts';

/** The console's roles (shared/registry/operator-roles.ts). */
export const OperatorRole = /* @__PURE__ */ z.enum(OPERATOR_ROLES as [OperatorRoleId, ...OperatorRoleId[]]);

const Roles = /* @__PURE__ */ z
  .array(OperatorRole)
  .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(3));

const Code = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.regex(/^\d{6}$/, 'The code is the 6 digits from the e-mail.'));

export const ConsoleStartInput = /* @__PURE__ */ z.object({ email: Email });
export const ConsoleVerifyInput = /* @__PURE__ */ z.object({ email: Email, code: Code });
export const StepUpInput = /* @__PURE__ */ z.object({ code: Code });

/** Who is calling the operator API: a signed-in operator, a named API key, or (development only) ADMIN_TOKEN. */
export const ConsoleMe = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.enum(['operator', 'key', 'admin-token']),
  name: /* @__PURE__ */ z.string(),
  roles: Roles,
  /** Until when a destructive action needs no new code (null: it needs one now). */
  steppedUpUntil: /* @__PURE__ */ z.nullable(Timestamp),
  /** When the session ends at the latest (null for keys). */
  expiresAt: /* @__PURE__ */ z.nullable(Timestamp),
  /** A session also ends after this many minutes without a call. */
  idleMinutes: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
});
export type ConsoleMe = z.infer<typeof ConsoleMe>;

export const ConsoleSession = /* @__PURE__ */ z.object({
  token: /* @__PURE__ */ z.string(),
  me: ConsoleMe,
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;

export const StepUpResult = /* @__PURE__ */ z.object({ steppedUpUntil: Timestamp });

/** One entry of the audit log: who (named), when, what they did or saw (Art. 5(2), R51, R70). */
export const AuditEntry = /* @__PURE__ */ z.object({
  seq: /* @__PURE__ */ z.string(),
  at: Timestamp,
  actorKind: /* @__PURE__ */ z.enum(['operator', 'key', 'admin-token']),
  actor: /* @__PURE__ */ z.string(),
  action: /* @__PURE__ */ z.string(),
  requestId: /* @__PURE__ */ z.nullable(Uuid),
  subjectId: /* @__PURE__ */ z.nullable(Uuid),
  detail: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = /* @__PURE__ */ z.object({ entries: /* @__PURE__ */ z.array(AuditEntry), next: Next });

export const ApiKeyName = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ z.trim(),
    /* @__PURE__ */ z.regex(
      /^[\p{L}\p{N} ._-]{3,64}$/u,
      'A name of 3–64 letters, digits, spaces, dots, dashes or underscores.',
    ),
  );

export const ApiKeyInput = /* @__PURE__ */ z.object({ name: ApiKeyName, roles: Roles });

export const ApiKey = /* @__PURE__ */ z.object({
  id: Uuid,
  name: /* @__PURE__ */ z.string(),
  roles: Roles,
  createdBy: /* @__PURE__ */ z.string(),
  createdAt: Timestamp,
  lastUsedAt: /* @__PURE__ */ z.nullable(Timestamp),
  revokedAt: /* @__PURE__ */ z.nullable(Timestamp),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** A key as created: the secret is shown this once, and only its hash is kept. */
export const ApiKeyCreated = /* @__PURE__ */ z.extend(ApiKey, { token: /* @__PURE__ */ z.string() });
export const ApiKeyList = /* @__PURE__ */ z.object({ keys: /* @__PURE__ */ z.array(ApiKey) });

/** What an export would hold now, for an operator to check; body-scan data masked without `biometric` (R70). */
export const ExportPreview = /* @__PURE__ */ z.object({
  document: /* @__PURE__ */ z.unknown(),
  /** JSON Pointers of what was masked (empty when the operator may see body scans). */
  masked: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
});
export type ExportPreview = z.infer<typeof ExportPreview>;
