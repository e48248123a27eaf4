/**
 * The consent ledger keyed per subject and checkpointed (issue 13, point 5).
 * - `ledger_keys`: one random key per subject; new records chain with HMAC-SHA256 under it. Deleting it (when
 *   the subject's proof is purged) leaves any published head of that chain unlinkable to the person's records.
 * - `consent_records.chain` names the scheme each record was chained under: rows written before this migration
 *   are 'sha256' (unkeyed, still verifiable as they are); the column's default makes every later row 'hmac-v1'.
 * - `ledger_checkpoints`: the head of every chain at a moment, signed with a server key that is not in the
 *   database, so a history rewritten by someone holding the database alone no longer matches. Append-only.
 */
export const keyedLedger = `
create table ledger_keys (
  subject_id uuid primary key,
  key text not null,
  created_at timestamptz not null
);

alter table consent_records add column chain text not null default 'sha256' check (chain in ('sha256', 'hmac-v1'));
alter table consent_records alter column chain set default 'hmac-v1';

create table ledger_checkpoints (
  id bigserial primary key,
  created_at timestamptz not null,
  through_seq bigint not null,
  subjects integer not null,
  root text not null,
  heads jsonb not null,
  signature text not null
);
create index ledger_checkpoints_created on ledger_checkpoints (created_at desc);
create trigger ledger_checkpoints_append_only before update or delete on ledger_checkpoints
  for each row execute function refuse_change();
`;
