import { randomUUID } from 'node:crypto';
import type { Region } from '../../shared/contract/common.ts';
import type { Sql } from '../db/database.ts';
import { ApiProblem } from '../http/problem.ts';
import type { HostClaims } from './host-token.ts';
import { DEVICE_PREFIX, newOpaqueToken, SESSION_PREFIX, sha256Hex } from './tokens.ts';

interface UserRow {
  id: string;
  email: string | null;
  region: Region | null;
}

/**
 * Refuses a host token issued at or before `moment` (sign-out, deletion). Compared in whole seconds, as `iat`
 * is: a token minted in the very second of the sign-out is refused too; the host's next one is not.
 */
function refuseIssuedBefore(iat: number, moment: Date | string | null | undefined, what: string): void {
  if (!moment) return;
  if (iat <= Math.floor(new Date(moment).getTime() / 1000)) {
    throw new ApiProblem('unauthenticated', 401, `This host token was issued before ${what}; ask the host app for a fresh one.`);
  }
}

/**
 * The live user for a host-app subject, created on first sight. A token issued before the person's last
 * sign-out is refused, and so is one issued before their account was deleted (it must not bring it back).
 * The host's e-mail claim (only ever one it vouched for) is recorded on the account when nobody has it yet.
 */
export async function userForHostSubject(sql: Sql, claims: Pick<HostClaims, 'sub' | 'email' | 'iat'>, now: Date): Promise<UserRow> {
  const { sub, email, iat } = claims;
  const found = await sql.query<UserRow & { tokens_valid_after: Date | null }>(
    'select id, email, region, tokens_valid_after from users where host_subject = $1 and deleted_at is null',
    [sub],
  );
  if (found[0]) {
    refuseIssuedBefore(iat, found[0].tokens_valid_after, 'the person signed out');
    const { tokens_valid_after: _, ...user } = found[0];
    return user;
  }
  const revoked = await sql.query<{ revoked_at: Date }>('select revoked_at from revoked_host_subjects where subject_hash = $1', [sha256Hex(sub)]);
  refuseIssuedBefore(iat, revoked[0]?.revoked_at, 'this account was deleted');
  // `on conflict` makes two first requests of the same user at once converge on one row.
  await sql.query(
    'insert into users (id, host_subject, created_at) values ($1, $2, $3) on conflict (host_subject) do nothing',
    [randomUUID(), sub, now.toISOString()],
  );
  const rows = await sql.query<UserRow>('select id, email, region from users where host_subject = $1', [sub]);
  const row = rows[0];
  if (!row) throw new Error('user row vanished after insert');
  // An address already taken by another account is not moved: sign-in by code for it lands in that account.
  if (email && !row.email) {
    const updated = await sql.query<UserRow>(
      'update users set email = $2 where id = $1 and not exists (select 1 from users where email = $2) returning id, email, region',
      [row.id, email],
    );
    return updated[0] ?? row;
  }
  return row;
}

/** Host tokens issued until now stop working for this user (sign-out); `at` is the wall clock, as `iat` is. */
export async function revokeHostTokens(sql: Sql, userId: string, at: Date): Promise<void> {
  await sql.query('update users set tokens_valid_after = $2 where id = $1', [userId, at.toISOString()]);
}

/** The live user for an e-mail address proven by a code, created on first sign-in. */
export async function userForEmail(sql: Sql, email: string, region: Region | undefined, now: Date): Promise<UserRow> {
  await sql.query(
    'insert into users (id, email, region, created_at) values ($1, $2, $3, $4) on conflict (email) do nothing',
    [randomUUID(), email, region ?? null, now.toISOString()],
  );
  const rows = await sql.query<UserRow>('select id, email, region from users where email = $1', [email]);
  if (!rows[0]) throw new Error('user row vanished after insert');
  return rows[0];
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
  await sql.query('insert into sessions (token_hash, kind, subject_id, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
    sha256Hex(token),
    kind,
    subjectId,
    now.toISOString(),
    expiresAt,
  ]);
  return { token, expiresAt };
}

/** A new pseudonymous device and its token (a visitor without an account). */
export async function createDevice(sql: Sql, region: Region | undefined, ttlDays: number, now: Date) {
  const id = randomUUID();
  await sql.query('insert into devices (id, region, created_at) values ($1, $2, $3)', [id, region ?? null, now.toISOString()]);
  return { subjectId: id, ...(await issueToken(sql, 'device', id, ttlDays, now)) };
}
