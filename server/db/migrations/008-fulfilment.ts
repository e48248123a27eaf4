/**
 * Fulfilment (issue 14): the outbox of jobs sent to the data systems of SYSTEMS_FILE.
 * - A job is inserted in the transaction of the change that causes it (a request filed or taken in hand, a
 *   consent changed), so a change is never committed without its jobs, nor a job without its change.
 * - Delivery columns (`next_attempt_at`, `lease_until`, `give_up_at`) hold wall-clock times; a worker claims due
 *   jobs with `for update skip locked` and a lease, so a job claimed by a process that died is claimable again
 *   once the lease ends, and two instances never hold one job at once.
 * - `token_hash`: the SHA-256 of the job's callback token; the token itself is derived from `token_nonce` with a
 *   key outside the database (the same token on every attempt, and the database alone cannot answer a job).
 * - `system`: the system's name, kind and regions when the job was made: what the person is shown as told
 *   (Art. 19) stays what it was, even after the systems file changes.
 * - `subject`: the person as the systems know them (e-mail, host id, region), copied when the job is made,
 *   because account deletion erases it from `users` in the same transaction.
 */
export const fulfilment = `
create table system_jobs (
  id uuid primary key,
  request_id uuid references rights_requests (id),
  subject_id uuid not null,
  system_id text not null,
  system jsonb not null,
  connector text not null check (connector in ('webhook', 'email', 'manual')),
  event text not null,
  type text not null,
  subject jsonb not null,
  input jsonb not null,
  state text not null default 'pending' check (state in ('pending', 'sent', 'done', 'not_found', 'failed', 'closed')),
  attempts int not null default 0,
  next_attempt_at timestamptz,
  lease_until timestamptz,
  leased_by text,
  give_up_at timestamptz not null,
  last_error text,
  token_nonce text not null,
  token_hash text not null,
  result jsonb,
  note text,
  created_at timestamptz not null,
  sent_at timestamptz,
  answered_at timestamptz,
  updated_at timestamptz not null
);

-- The worker's scan: due, unanswered jobs only.
create index system_jobs_due on system_jobs (next_attempt_at) where state = 'pending' and next_attempt_at is not null;
create index system_jobs_request on system_jobs (request_id, system_id) where request_id is not null;
create index system_jobs_subject on system_jobs (subject_id);
`;
