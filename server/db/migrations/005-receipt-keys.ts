/**
 * The keys that sign consent receipts (R34). Every key that ever signed stays here, so a receipt signed before a
 * rotation still verifies against `/.well-known/jwks.json`. The private part is kept only for the key development
 * generates for itself (NODE_ENV=development, no RECEIPT_SIGNING_KEY); production's key lives in its environment.
 */
export const receiptKeys = `
create table receipt_keys (
  kid text primary key,
  alg text not null check (alg in ('ES256', 'EdDSA')),
  public_jwk jsonb not null,
  private_jwk jsonb,
  created_at timestamptz not null
);
`;
