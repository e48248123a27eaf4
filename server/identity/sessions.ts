import { randomUUID } from 'node:crypto';
import type { Region } from '../../shared/contract/common.ts';
import type { Sql } from '../db/database.ts';
import { DEVICE_PREFIX, newOpaqueToken, SESSION_PREFIX, sha256Hex } from './tokens.ts';

interface UserRow {
  id: string;
  email: string | null;
  region: Region | null;
}

/** The live user for a host-app subject, created on first sight. */
export async function userForHostSubject(sql: Sql, sub: string, email: string | undefined, now: Date): Promise<UserRow> {
  const found = await sql.query<UserRow>('select id, email, region from users where host_subject = $1 and deleted_at is null', [sub]);
  if (found[0]) return found[0];
  // `on conflict` makes two first requests of the same user at once converge on one row.
  await sql.query(
    'insert into users (id, host_subject, created_at) values ($1, $2, $3) on conflict (host_subject) do nothing',
    [randomUUID(), sub, now.toISOString()],
  );
  const rows = await sql.query<UserRow>('select id, email, region from users where host_subject = $1', [sub]);
  const row = rows[0];
  if (!row) throw new Error('user row vanished after insert');
  // The host's e-mail claim is informative only; an address already taken by another account is not moved.
  if (email && !row.email) {
    const updated = await sql.query<UserRow>(
      'update users set email = $2 where id = $1 and not exists (select 1 from users where email = $2) returning id, email, region',
      [row.id, email],
    );
    return updated[0] ?? row;
  }
  return row;
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
