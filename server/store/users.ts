import type { Region } from '../../shared/contract/common.ts';
import type { Sql } from '../db/database.ts';

export interface UserRow {
  id: string;
  email: string | null;
  region: Region | null;
}

/** The live account of a host-app subject, with the moment its host tokens were last revoked. */
export async function liveUserByHostSubject(
  sql: Sql,
  sub: string,
): Promise<(UserRow & { tokens_valid_after: Date | null }) | undefined> {
  const [row] = await sql.query<UserRow & { tokens_valid_after: Date | null }>(
    'select id, email, region, tokens_valid_after from users where host_subject = $1 and deleted_at is null',
    [sub],
  );
  return row;
}

/** When the account of a host subject (known by its hash) was deleted, if it was. */
export async function hostSubjectRevokedAt(sql: Sql, subjectHash: string): Promise<Date | undefined> {
  const [row] = await sql.query<{ revoked_at: Date }>(
    'select revoked_at from revoked_host_subjects where subject_hash = $1',
    [subjectHash],
  );
  return row?.revoked_at;
}

/**
 * The account of a host subject, created when there is none. Two first calls of one person at once converge
 * on one row (the unique host_subject).
 */
export async function ensureHostUser(sql: Sql, id: string, sub: string, now: Date): Promise<UserRow | undefined> {
  await sql.query(
    'insert into users (id, host_subject, created_at) values ($1, $2, $3) on conflict (host_subject) do nothing',
    [id, sub, now.toISOString()],
  );
  const [row] = await sql.query<UserRow>('select id, email, region from users where host_subject = $1', [sub]);
  return row;
}

/** Records `email` on the account unless another account has it; the account as it now is, or undefined when taken. */
export async function claimEmail(sql: Sql, userId: string, email: string): Promise<UserRow | undefined> {
  const [row] = await sql.query<UserRow>(
    'update users set email = $2 where id = $1 and not exists (select 1 from users where email = $2) returning id, email, region',
    [userId, email],
  );
  return row;
}

/** The account of an e-mail address, created when there is none (the unique email makes two at once converge). */
export async function ensureEmailUser(
  sql: Sql,
  id: string,
  email: string,
  region: Region | null,
  now: Date,
): Promise<UserRow | undefined> {
  await sql.query(
    'insert into users (id, email, region, created_at) values ($1, $2, $3, $4) on conflict (email) do nothing',
    [id, email, region, now.toISOString()],
  );
  const [row] = await sql.query<UserRow>('select id, email, region from users where email = $1', [email]);
  return row;
}

/** Host tokens issued until `at` stop working for this user. */
export async function setTokensValidAfter(sql: Sql, userId: string, at: Date): Promise<void> {
  await sql.query('update users set tokens_valid_after = $2 where id = $1', [userId, at.toISOString()]);
}

/** The address and region of each account (operators see whom to reply to). */
export async function contactsOf(sql: Sql, ids: readonly string[]): Promise<Map<string, UserRow>> {
  const users =
    ids.length === 0
      ? []
      : await sql.query<UserRow>('select id, email, region from users where id = any($1::uuid[])', [ids]);
  return new Map(users.map((u) => [u.id, u]));
}
