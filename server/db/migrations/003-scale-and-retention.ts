/**
 * Reads that cost the same whatever a subject's or the service's size, and the retention job's paths.
 * - Every list is read through an index in its sort order, so LIMIT stops after one page.
 * - `retention_holds` says until when erased subjects' proof is kept; the job deletes it afterwards.
 * - The append-only trigger gains two narrow doors, each opened by a transaction-local setting that only
 *   one code path sets: `twikit.retention = 'on'` (the retention job) lets expired proof be deleted, and
 *   `twikit.erasure = 'on'` (account deletion) lets a person's own text in the request log be erased.
 */
export const scaleAndRetention = `
-- The latest record of one purpose is the first entry of this index (LIMIT 1 per purpose).
create index consent_records_subject_purpose on consent_records (subject_id, purpose, seq desc);

-- A person's own requests, newest first, in keyset order.
drop index rights_requests_user;
create index rights_requests_user on rights_requests (user_id, received_at desc, id desc);
create index rights_requests_user_open on rights_requests (user_id)
  where status in ('received', 'verifying', 'in_progress', 'extended');

-- The operator list sorts on (due_at, received_at, id); every filter it offers, and every pair of them,
-- has an index in that order, so a page and its capped count stop after the rows they show. (Requests are
-- written a few times a year per person: eight indexes cost little there.)
drop index rights_requests_due;
create index rights_requests_due on rights_requests (due_at, received_at, id);
create index rights_requests_status_due on rights_requests (status, due_at, received_at, id);
create index rights_requests_type_due on rights_requests (type, due_at, received_at, id);
create index rights_requests_status_type_due on rights_requests (status, type, due_at, received_at, id);
create index rights_requests_open_due on rights_requests (due_at, received_at, id)
  where status in ('received', 'verifying', 'in_progress', 'extended');
create index rights_requests_open_type_due on rights_requests (type, due_at, received_at, id)
  where status in ('received', 'verifying', 'in_progress', 'extended');
create index rights_requests_closed_due on rights_requests (due_at, received_at, id)
  where status in ('completed', 'rejected', 'cancelled');
create index rights_requests_closed_type_due on rights_requests (type, due_at, received_at, id)
  where status in ('completed', 'rejected', 'cancelled');

-- What the retention job looks for.
create index sessions_expires on sessions (expires_at);
create index sign_in_codes_expires on sign_in_codes (expires_at);
create index idempotency_keys_created on idempotency_keys (created_at);
create index devices_created on devices (created_at);
-- A stored export ages from when it was generated (a regenerated one starts again).
alter table rights_requests add column export_generated_at timestamptz;
update rights_requests set export_generated_at = completed_at where export_document is not null;
create index rights_requests_export_age on rights_requests (export_generated_at) where export_document is not null;

create table retention_holds (
  subject_id uuid primary key,
  subject_kind text not null check (subject_kind in ('user', 'device')),
  kept_until date not null,
  reason text not null,
  created_at timestamptz not null
);
create index retention_holds_until on retention_holds (kept_until);

create or replace function refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('twikit.retention', true) = 'on' then
    return old;
  end if;
  -- Nested: the inner test names request_events' columns, which other tables' rows do not have.
  if tg_op = 'UPDATE' and tg_table_name = 'request_events' and current_setting('twikit.erasure', true) = 'on' then
    if (new.seq, new.request_id, new.from_status, new.to_status, new.actor, new.actor_id, new.at)
       is not distinct from (old.seq, old.request_id, old.from_status, old.to_status, old.actor, old.actor_id, old.at) then
      return new;
    end if;
  end if;
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end;
$$;
`;
