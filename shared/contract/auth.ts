import * as z from 'zod/mini';
import { Locale, Region, Timestamp, Uuid } from './common.ts';

/** E-mail addresses are compared lower-cased and trimmed. */
export const Email = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email());

export const EmailStartInput = z.object({ email: Email, locale: z.optional(Locale) });
export const EmailStartResult = z.object({
  /** Always answered the same way, whether or not an account exists (no account enumeration). */
  sent: z.literal(true),
  expiresAt: Timestamp,
  attemptsAllowed: z.number(),
});

export const EmailVerifyInput = z.object({
  email: Email,
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/, 'The code is the 6 digits from the e-mail.')),
  region: z.optional(Region),
});

export const SessionResult = z.object({
  token: z.string(),
  expiresAt: Timestamp,
  subjectId: Uuid,
  kind: z.enum(['user', 'device']),
});
export type SessionResult = z.infer<typeof SessionResult>;

export const DeviceInput = z.object({ region: z.optional(Region) });

export const Me = z.object({
  subjectId: Uuid,
  kind: z.enum(['user', 'device']),
  via: z.enum(['host-token', 'email-session', 'device']),
  email: z.nullable(z.string()),
  region: z.nullable(Region),
});
export type Me = z.infer<typeof Me>;

export const Health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['pglite', 'postgres']), version: z.string() });
export const GpcWellKnown = z.object({ gpc: z.literal(true), lastUpdate: z.iso.date() });
