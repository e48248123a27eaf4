import type { JsonWebKey } from 'node:crypto';
import type { Sql } from '../db/database.ts';

export interface ReceiptKeyRow {
  kid: string;
  alg: 'ES256' | 'EdDSA';
  publicJwk: JsonWebKey;
  /** Only for development's own generated key. */
  privateJwk: JsonWebKey | null;
  createdAt: string;
}

/** Every receipt key ever used, oldest first. */
export async function receiptKeyRows(sql: Sql): Promise<ReceiptKeyRow[]> {
  const rows = await sql.query<{
    kid: string;
    alg: ReceiptKeyRow['alg'];
    public_jwk: JsonWebKey | string;
    private_jwk: JsonWebKey | string | null;
    created_at: Date;
  }>('select kid, alg, public_jwk, private_jwk, created_at from receipt_keys order by created_at, kid');
  const json = (value: JsonWebKey | string): JsonWebKey => (typeof value === 'string' ? JSON.parse(value) : value);
  return rows.map((row) => ({
    kid: row.kid,
    alg: row.alg,
    publicJwk: json(row.public_jwk),
    privateJwk: row.private_jwk === null ? null : json(row.private_jwk),
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** Remembers a key (a no-op when it is already known, e.g. another instance stored it first). */
export async function insertReceiptKey(sql: Sql, row: ReceiptKeyRow): Promise<void> {
  await sql.query(
    `insert into receipt_keys (kid, alg, public_jwk, private_jwk, created_at) values ($1, $2, $3, $4, $5)
     on conflict (kid) do nothing`,
    [
      row.kid,
      row.alg,
      JSON.stringify(row.publicJwk),
      row.privateJwk === null ? null : JSON.stringify(row.privateJwk),
      row.createdAt,
    ],
  );
}
