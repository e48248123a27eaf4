import { randomUUID } from 'node:crypto';
import type { ApiKey } from '../../shared/contract/console.ts';
import type { OperatorRole } from '../../shared/registry/operator-roles.ts';
import type { Sql } from '../db/database.ts';
import { newOpaqueToken, sha256Hex } from '../identity/tokens.ts';
import { OPERATOR_KEY_PREFIX } from '../identity/operators.ts';
import { insertOperatorKey, listOperatorKeys, revokeOperatorKey, type OperatorKeyRow } from '../store/operators.ts';
import { conflict, notFound } from './errors.ts';

const toKey = (row: OperatorKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  roles: row.roles,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
});

/** A named key for automation: its secret is returned this once; only its hash is stored. */
export async function createKey(
  sql: Sql,
  input: { name: string; roles: OperatorRole[] },
  createdBy: string,
  now: Date,
): Promise<ApiKey & { token: string }> {
  const token = newOpaqueToken(OPERATOR_KEY_PREFIX);
  const id = randomUUID();
  const roles = [...new Set(input.roles)];
  const created = await insertOperatorKey(sql, {
    id,
    name: input.name,
    roles,
    tokenHash: sha256Hex(token),
    createdBy,
    now,
  });
  if (!created)
    throw conflict(
      `A key named "${input.name}" exists already (names stay taken after revocation, so logs stay unambiguous).`,
    );
  return {
    id,
    name: input.name,
    roles,
    createdBy,
    createdAt: now.toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    token,
  };
}

export async function listKeys(sql: Sql): Promise<ApiKey[]> {
  return (await listOperatorKeys(sql)).map(toKey);
}

export async function revokeKey(sql: Sql, id: string, now: Date): Promise<ApiKey> {
  const row = await revokeOperatorKey(sql, id, now);
  if (!row) throw notFound('No live key with this id.');
  return toKey(row);
}
