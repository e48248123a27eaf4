/**
 * State that several instances must share: rate-limit counters and sign-in slow-downs (issue 18, point 9),
 * and what makes an earlier host token stop working: a per-user "tokens valid after" moment (sign-out) and,
 * for deleted accounts, a hash of the erased host subject with the moment of deletion.
 */
export const sharedLimits = `
-- Fixed-window counters: one row per (hashed key, window). Rows past their window are pruned.
create table rate_limits (
  key text not null,
  window_start timestamptz not null,
  expires_at timestamptz not null,
  count integer not null,
  primary key (key, window_start)
);
create index rate_limits_expiry on rate_limits (expires_at);

-- Progressive slow-down per (hashed) key: how many events since the last quiet spell, and when the next
-- one may happen. Used for wrong sign-in codes and codes mailed per address.
create table auth_backoff (
  key text primary key,
  events integer not null,
  next_at timestamptz not null,
  reset_at timestamptz not null
);
create index auth_backoff_reset on auth_backoff (reset_at);

-- Host tokens issued at or before this moment (the person's last sign-out) are refused.
alter table users add column tokens_valid_after timestamptz;

-- A deleted account's host subject, hashed (the id itself is erased): its host tokens issued before the
-- deletion must not bring the account back. Pruned once no such token can still be valid.
create table revoked_host_subjects (
  subject_hash text primary key,
  revoked_at timestamptz not null
);

create function remember_erased_host_subject() returns trigger language plpgsql as $$
begin
  if old.host_subject is not null and new.host_subject is null then
    insert into revoked_host_subjects (subject_hash, revoked_at)
      values (encode(sha256(convert_to(old.host_subject, 'UTF8')), 'hex'), statement_timestamp())
      on conflict (subject_hash) do update set revoked_at = excluded.revoked_at;
  end if;
  return new;
end;
$$;
create trigger users_remember_erased_host_subject before update of host_subject on users
  for each row execute function remember_erased_host_subject();
`;
