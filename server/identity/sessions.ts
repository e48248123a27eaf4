import { randomUUID } from 'node:crypto';
import type { Region } from '../../shared/contract/common.ts';
import type { Sql } from '../db/database.ts';
import { unauthenticated } from '../services/errors.ts';
import { deleteSession, insertDevice, insertSession } from '../store/sessions.ts';
import {
  claimEmail,
  ensureEmailUser,
  ensureHostUser,
  hostSubjectRevokedAt,
  liveUserByHostSubject,
  setTokensValidAfter,
  type UserRow,
} from '../store/users.ts';
import type { HostClaims } from './host-token.ts';
import { DEVICE_PREFIX, newOpaqueToken, SESSION_PREFIX, sha256Hex } from './tokens.ts';

/**
 * Refuses a host token issued at or before `moment` (sign-out, deletion). Compared in whole seconds, as `iat`
 * is: a token minted in the very second of the sign-out is refused too; the host's next one is not.
 */
function refuseIssuedBefore(iat: number, moment: Date | string | null | undefined, what: string): void {
  if (!moment) return;
  if (iat <= Math.floor(new Date(moment).getTime() / 1000)) {
    throw unauthenticated(`This host token was issued before ${what}; ask the host app for a fresh one.`);
  }
}

/**
 * The live user for a host-app subject, created on first sight. A token issued before the person's last
 * sign-out is refused, and so is one issued before their account was deleted (it must not bring it back).
 * The host's e-mail claim (only ever one it vouched for) is recorded on the account when nobody has it yet.
 */
export async function userForHostSubject(
  sql: Sql,
  claims: Pick<HostClaims, 'sub' | 'email' | 'iat'>,
  now: Date,
): Promise<UserRow> {
  const { sub, email, iat } = claims;
  const found = await liveUserByHostSubject(sql, sub);
  if (found) {
    refuseIssuedBefore(iat, found.tokens_valid_after, 'the person signed out');
    const { tokens_valid_after: _, ...user } = found;
    return user;
  }
  refuseIssuedBefore(iat, await hostSubjectRevokedAt(sql, sha256Hex(sub)), 'this account was deleted');
  const row = await ensureHostUser(sql, randomUUID(), sub, now);
  if (!row) throw new Error('user row vanished after insert');
  // An address already taken by another account is not moved: sign-in by code for it lands in that account.
  if (email && !row.email) return (await claimEmail(sql, row.id, email)) ?? row;
  return row;
}

/** Host tokens issued until now stop working for this user (sign-out); `at` is the wall clock, as `iat` is. */
export async function revokeHostTokens(sql: Sql, userId: string, at: Date): Promise<void> {
  await setTokensValidAfter(sql, userId, at);
}

/** The live user for an e-mail address proven by a code, created on first sign-in. */
export async function userForEmail(sql: Sql, email: string, region: Region | undefined, now: Date): Promise<UserRow> {
  const row = await ensureEmailUser(sql, randomUUID(), email, region ?? null, now);
  if (!row) throw new Error('user row vanished after insert');
  return row;
}

/** Issues an opaque bearer token; only its hash is stored. */
export async function issueToken(
  sql: Sql,
  kind: 'email' | 'device',
  subjectId: string,
  ttlDays: number,
  now: Date,
): Promise<{ token: string; expiresAt: string }> {
  const token = newOpaqueToken(kind === 'email' ? SESSION_PREFIX : DEVICE_PREFIX);
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000).toISOString();
  await insertSession(sql, { tokenHash: sha256Hex(token), kind, subjectId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** A new pseudonymous device and its token (a visitor without an account). */
export async function createDevice(sql: Sql, region: Region | undefined, ttlDays: number, now: Date) {
  const id = randomUUID();
  await insertDevice(sql, id, region ?? null, now);
  return { subjectId: id, ...(await issueToken(sql, 'device', id, ttlDays, now)) };
}

/** Ends the session of this opaque token (sign-out). */
export async function endSession(sql: Sql, tokenHash: string): Promise<void> {
  await deleteSession(sql, tokenHash);
}
