import * as z from 'zod/mini';
import { Locale, Region, Timestamp, Uuid } from './common.ts';

/** E-mail addresses are compared lower-cased and trimmed. */
export const Email = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ z.trim(),
    /* @__PURE__ */ z.toLowerCase(),
    /* @__PURE__ */ z.maxLength(254),
    /* @__PURE__ */ z.email(),
  );

export const EmailStartInput = /* @__PURE__ */ z.object({ email: Email, locale: /* @__PURE__ */ z.optional(Locale) });
export const EmailStartResult = /* @__PURE__ */ z.object({
  /** Always answered the same way, whether or not an account exists (no account enumeration). */
  sent: /* @__PURE__ */ z.literal(true),
  expiresAt: Timestamp,
  attemptsAllowed: /* @__PURE__ */ z.number(),
});

export const EmailVerifyInput = /* @__PURE__ */ z.object({
  email: Email,
  code: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.regex(/^\d{6}$/, 'The code is the 6 digits from the e-mail.')),
  region: /* @__PURE__ */ z.optional(Region),
});

export const SessionResult = /* @__PURE__ */ z.object({
  token: /* @__PURE__ */ z.string(),
  expiresAt: Timestamp,
  subjectId: Uuid,
  kind: /* @__PURE__ */ z.enum(['user', 'device']),
});
export type SessionResult = z.infer<typeof SessionResult>;

export const DeviceInput = /* @__PURE__ */ z.object({ region: /* @__PURE__ */ z.optional(Region) });

export const Me = /* @__PURE__ */ z.object({
  subjectId: Uuid,
  kind: /* @__PURE__ */ z.enum(['user', 'device']),
  via: /* @__PURE__ */ z.enum(['host-token', 'email-session', 'device']),
  email: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  region: /* @__PURE__ */ z.nullable(Region),
});
export type Me = z.infer<typeof Me>;

export const Health = /* @__PURE__ */ z.object({
  status: /* @__PURE__ */ z.enum(['ok', 'degraded']),
  database: /* @__PURE__ */ z.enum(['pglite', 'postgres']),
  version: /* @__PURE__ */ z.string(),
});
export const GpcWellKnown = /* @__PURE__ */ z.object({
  gpc: /* @__PURE__ */ z.literal(true),
  lastUpdate: /* @__PURE__ */ z.iso.date(),
});
