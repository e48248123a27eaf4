import type { Sql } from '../db/database.ts';

/** Stores the code pending for an address, replacing any earlier one. */
export async function putSignInCode(
  tx: Sql,
  code: { email: string; codeHash: string; expiresAt: string; attempts: number },
  now: Date,
): Promise<void> {
  await tx.query(
    `insert into sign_in_codes (email, code_hash, expires_at, attempts_left, created_at) values ($1, $2, $3, $4, $5)
     on conflict (email) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
       attempts_left = excluded.attempts_left, created_at = excluded.created_at`,
    [code.email, code.codeHash, code.expiresAt, code.attempts, now.toISOString()],
  );
}

/** The code pending for an address, locked for the rest of the transaction (one guess at a time). */
export async function lockSignInCode(
  tx: Sql,
  email: string,
): Promise<{ code_hash: string; expires_at: Date } | undefined> {
  const [row] = await tx.query<{ code_hash: string; expires_at: Date }>(
    'select code_hash, expires_at from sign_in_codes where email = $1 for update',
    [email],
  );
  return row;
}

export async function deleteSignInCode(tx: Sql, email: string): Promise<void> {
  await tx.query('delete from sign_in_codes where email = $1', [email]);
}
