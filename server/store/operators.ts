import type { OperatorRole } from '../../shared/registry/operator-roles.ts';
import type { Sql } from '../db/database.ts';

export interface OperatorRow {
  id: string;
  email: string;
  roles: OperatorRole[];
}

/** Creates the account or sets its roles (the accounts `OPERATORS` names are its to define). */
export async function upsertOperator(sql: Sql, id: string, email: string, roles: readonly OperatorRole[], now: Date) {
  await sql.query(
    `insert into operators (id, email, roles, created_at) values ($1, $2, $3, $4)
     on conflict (email) do update set roles = excluded.roles, disabled_at = null`,
    [id, email, roles, now.toISOString()],
  );
}

/** The live account with this address. */
export async function operatorByEmail(sql: Sql, email: string): Promise<OperatorRow | undefined> {
  const [row] = await sql.query<OperatorRow>(
    'select id, email, roles from operators where email = $1 and disabled_at is null',
    [email],
  );
  return row;
}

export interface OperatorSessionRow extends OperatorRow {
  expires_at: Date;
  last_seen_at: Date;
  stepped_up_at: Date | null;
}

export async function insertOperatorSession(
  sql: Sql,
  session: { tokenHash: string; operatorId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await sql.query(
    `insert into operator_sessions (token_hash, operator_id, created_at, expires_at, last_seen_at)
     values ($1, $2, $3, $4, $3)`,
    [session.tokenHash, session.operatorId, session.now.toISOString(), session.expiresAt.toISOString()],
  );
}

/** The session of a token hash, with its live operator. */
export async function operatorSessionByHash(sql: Sql, tokenHash: string): Promise<OperatorSessionRow | undefined> {
  const [row] = await sql.query<OperatorSessionRow>(
    `select o.id, o.email, o.roles, s.expires_at, s.last_seen_at, s.stepped_up_at
       from operator_sessions s join operators o on o.id = s.operator_id and o.disabled_at is null
      where s.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

/** Marks the session used now (the idle clock starts again). */
export async function touchOperatorSession(sql: Sql, tokenHash: string, now: Date): Promise<void> {
  await sql.query('update operator_sessions set last_seen_at = $2 where token_hash = $1', [
    tokenHash,
    now.toISOString(),
  ]);
}

export async function stepUpOperatorSession(sql: Sql, tokenHash: string, now: Date): Promise<void> {
  await sql.query('update operator_sessions set stepped_up_at = $2 where token_hash = $1', [
    tokenHash,
    now.toISOString(),
  ]);
}

export async function deleteOperatorSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('delete from operator_sessions where token_hash = $1', [tokenHash]);
}

export interface OperatorKeyRow {
  id: string;
  name: string;
  roles: OperatorRole[];
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export async function insertOperatorKey(
  sql: Sql,
  key: { id: string; name: string; roles: readonly OperatorRole[]; tokenHash: string; createdBy: string; now: Date },
): Promise<boolean> {
  const rows = await sql.query(
    `insert into operator_keys (id, name, roles, token_hash, created_by, created_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (name) do nothing returning id`,
    [key.id, key.name, key.roles, key.tokenHash, key.createdBy, key.now.toISOString()],
  );
  return rows.length > 0;
}

/** The live key of a token hash. */
export async function operatorKeyByHash(sql: Sql, tokenHash: string): Promise<OperatorKeyRow | undefined> {
  const [row] = await sql.query<OperatorKeyRow>(
    `select id, name, roles, created_by, created_at, last_used_at, revoked_at from operator_keys
      where token_hash = $1 and revoked_at is null`,
    [tokenHash],
  );
  return row;
}

export async function touchOperatorKey(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query('update operator_keys set last_used_at = $2 where id = $1', [id, now.toISOString()]);
}

export async function listOperatorKeys(sql: Sql): Promise<OperatorKeyRow[]> {
  return sql.query<OperatorKeyRow>(
    'select id, name, roles, created_by, created_at, last_used_at, revoked_at from operator_keys order by created_at, id',
  );
}

/** Revokes a live key; false when there is none with this id. */
export async function revokeOperatorKey(sql: Sql, id: string, now: Date): Promise<OperatorKeyRow | undefined> {
  const [row] = await sql.query<OperatorKeyRow>(
    `update operator_keys set revoked_at = $2 where id = $1 and revoked_at is null
     returning id, name, roles, created_by, created_at, last_used_at, revoked_at`,
    [id, now.toISOString()],
  );
  return row;
}
