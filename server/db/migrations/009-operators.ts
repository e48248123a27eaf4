/**
 * The operator console (issue 15): named operators with roles, their own short sessions, named API keys, and
 * an append-only audit log of every action and every read of a person's data (Art. 5(2), R51; R70).
 * - Sessions and keys are stored as SHA-256 hashes only, as the people's sessions are.
 * - `audit_log` refuses UPDATE and DELETE through the same `refuse_change()` as the request log; no retention
 *   door is opened for it (the retention job never names it).
 * - `rights_requests.version` moves on every update (a trigger, so every code path counts, including ones
 *   written later): the console sends it back as `If-Match`, and a second operator acting on a stale page is
 *   told what changed instead of applying anything twice.
 * - `digest_runs` has one row per Brussels day whose digest was sent: with several instances, one sends it.
 */
export const operators = `
create table operators (
  id uuid primary key,
  email text not null unique,
  roles text[] not null,
  created_at timestamptz not null,
  disabled_at timestamptz
);

create table operator_sessions (
  token_hash text primary key,
  operator_id uuid not null references operators (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_seen_at timestamptz not null,
  stepped_up_at timestamptz
);
create index operator_sessions_operator on operator_sessions (operator_id);

create table operator_keys (
  id uuid primary key,
  name text not null unique,
  roles text[] not null,
  token_hash text not null unique,
  created_by text not null,
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table audit_log (
  seq bigserial primary key,
  at timestamptz not null,
  actor_kind text not null check (actor_kind in ('operator', 'key', 'admin-token')),
  actor_id text not null,
  actor_name text not null,
  action text not null,
  request_id uuid,
  subject_id uuid,
  detail jsonb not null
);
create index audit_log_request on audit_log (request_id, seq) where request_id is not null;
create index audit_log_actor on audit_log (actor_name, seq);
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function refuse_change();

create table digest_runs (
  day date primary key,
  sent_at timestamptz not null
);

alter table rights_requests add column version integer not null default 1;
create function bump_request_version() returns trigger language plpgsql as $$
begin
  new.version := old.version + 1;
  return new;
end;
$$;
create trigger rights_requests_version before update on rights_requests
  for each row execute function bump_request_version();
`;
