/** The first schema. Consent records and request events are append-only: a trigger refuses UPDATE and DELETE. */
export const initial = `
create table users (
  id uuid primary key,
  email text unique,
  host_subject text unique,
  region text,
  created_at timestamptz not null,
  deleted_at timestamptz
);

create table devices (
  id uuid primary key,
  region text,
  created_at timestamptz not null
);

-- Opaque bearer tokens (e-mail sessions and device tokens), stored as SHA-256 hashes only.
create table sessions (
  token_hash text primary key,
  kind text not null check (kind in ('email', 'device')),
  subject_id uuid not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_subject on sessions (subject_id);

-- One live sign-in code per address, stored hashed, with an expiry and an attempt budget.
create table sign_in_codes (
  email text primary key,
  code_hash text not null,
  expires_at timestamptz not null,
  attempts_left integer not null,
  created_at timestamptz not null
);

create table notice_versions (
  version text not null,
  locale text not null,
  content_hash text not null,
  effective_date date not null,
  document jsonb not null,
  published_at timestamptz not null,
  primary key (version, locale)
);

create table consent_records (
  seq bigserial unique,
  id uuid primary key,
  subject_id uuid not null,
  subject_kind text not null check (subject_kind in ('user', 'device')),
  purpose text not null,
  event text not null,
  active boolean not null,
  legal_basis text not null,
  special_category boolean not null,
  method text not null check (method in ('ui', 'gpc', 'api')),
  gpc boolean not null,
  surface jsonb not null,
  control text,
  locale text not null,
  notice_version text not null,
  notice_hash text not null,
  recorded_at timestamptz not null,
  prev_hash text,
  hash text not null
);
create index consent_records_subject on consent_records (subject_id, seq);

create table rights_requests (
  id uuid primary key,
  user_id uuid not null references users (id),
  type text not null,
  status text not null,
  input jsonb not null,
  received_at timestamptz not null,
  due_at date not null,
  original_due_at date not null,
  extension_reason text,
  status_reason text,
  updated_at timestamptz not null,
  completed_at timestamptz,
  outcome jsonb,
  export_document jsonb
);
create index rights_requests_user on rights_requests (user_id, received_at desc);
create index rights_requests_due on rights_requests (status, due_at);

create table request_events (
  seq bigserial primary key,
  request_id uuid not null references rights_requests (id),
  from_status text,
  to_status text not null,
  actor text not null check (actor in ('user', 'operator', 'system')),
  actor_id text,
  reason text,
  at timestamptz not null
);
create index request_events_request on request_events (request_id, seq);

-- The stored answer to each idempotent call: the same key and body replay it, another body is refused.
create table idempotency_keys (
  subject_id uuid not null,
  endpoint text not null,
  key text not null,
  body_hash text not null,
  status integer not null,
  response jsonb not null,
  created_at timestamptz not null,
  primary key (subject_id, endpoint, key)
);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end;
$$;
create trigger consent_records_append_only before update or delete on consent_records
  for each row execute function refuse_change();
create trigger request_events_append_only before update or delete on request_events
  for each row execute function refuse_change();
`;
