// Bulk rows for the scale bench, written by SQL (generate_series) straight into a migrated database:
// `subjects` subjects (half accounts, half devices), `records` consent records spread evenly over them, and
// `requests` rights requests over the accounts (statuses, types and due dates cycling), one event each.
// Ids count up (lpad(to_hex(n))): the b-trees fill in order, so a load of ten million rows takes minutes,
// not hours; the bench's own people, made through the API, get random ids among them.
import type { Database } from '../server/db/database.ts';

export interface ScaleSizes {
  subjects: number;
  records: number;
  requests: number;
}

const CHUNK = 1_000_000;
const uuidOf = (expr: string) => `lpad(to_hex(${expr}), 32, '0')::uuid`;

async function inChunks(
  total: number,
  run: (from: number, to: number) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await run(from, to);
    progress(to);
  }
}

export async function loadScaleData(
  db: Database,
  sizes: ScaleSizes,
  noticeVersion: string,
  log: (line: string) => void,
): Promise<void> {
  const users = Math.ceil(sizes.subjects / 2);
  const devices = sizes.subjects - users;
  const perSubject = Math.max(1, Math.floor(sizes.records / sizes.subjects));
  const started = Date.now();
  const note = (what: string) => (done: number) =>
    log(`    ${what}: ${done.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  // Subject n: an account for n ≤ users, a device after; both created over the last year.
  await inChunks(
    users,
    (a, b) =>
      db
        .query(
          `insert into users (id, host_subject, region, created_at)
     select ${uuidOf('n')}, 'bulk-' || n, 'eea', now() - make_interval(days => (n % 365)::int) from generate_series($1::bigint, $2::bigint) n`,
          [a, b],
        )
        .then(() => undefined),
    note('accounts'),
  );
  await inChunks(
    devices,
    (a, b) =>
      db
        .query(
          `insert into devices (id, region, created_at)
     select ${uuidOf(`${users} + n`)}, 'eea', now() - make_interval(days => (n % 365)::int) from generate_series($1::bigint, $2::bigint) n`,
          [a, b],
        )
        .then(() => undefined),
    note('devices'),
  );
  // Record n belongs to subject ceil(n / perSubject); purposes and decisions cycle; the hashes chain.
  await inChunks(
    sizes.records,
    (a, b) =>
      db
        .query(
          `insert into consent_records (id, subject_id, subject_kind, purpose, event, active, legal_basis, special_category, method, gpc, surface,
       control, locale, notice_version, notice_hash, recorded_at, prev_hash, hash)
     select ${uuidOf(`1000000000000 + n`)}, ${uuidOf(`(n - 1) / ${perSubject} % ${sizes.subjects} + 1`)},
       case when (n - 1) / ${perSubject} % ${sizes.subjects} + 1 <= ${users} then 'user' else 'device' end,
       (array['biometric_scans', 'third_party_sharing', 'telemetry'])[1 + n % 3],
       case when n % 3 = 2 then (case when n % 2 = 0 then 'objected' else 'objection-withdrawn' end) when n % 2 = 0 then 'given' else 'withdrawn' end,
       n % 2 = 0, case when n % 3 = 2 then 'legitimate_interests' else 'consent' end, n % 3 = 0, 'ui', false, '{"kind":"widget","app":"twikfit"}'::jsonb,
       'toggle', 'en', $3, repeat('0', 64), now() - make_interval(secs => ($4::bigint - n) * 3),
       encode(sha256(((n - 1)::text)::bytea), 'hex'), encode(sha256((n::text)::bytea), 'hex')
     from generate_series($1::bigint, $2::bigint) n`,
          [a, b, noticeVersion, sizes.records],
        )
        .then(() => undefined),
    note('consent records'),
  );
  await inChunks(
    sizes.requests,
    (a, b) =>
      db
        .query(
          `insert into rights_requests (id, user_id, type, status, input, received_at, due_at, original_due_at, updated_at, completed_at)
     select ${uuidOf(`2000000000000 + n`)}, ${uuidOf(`n % ${users} + 1`)},
       (array['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection'])[1 + n % 6],
       (array['received', 'verifying', 'in_progress', 'extended', 'completed', 'rejected', 'cancelled'])[1 + n % 7],
       '{"locale":"en","surface":{"kind":"api"}}'::jsonb, now() - make_interval(mins => (n % 525600)::int),
       current_date - 300 + (n % 400)::int, current_date - 300 + (n % 400)::int, now(),
       case when n % 7 >= 4 then now() end
     from generate_series($1::bigint, $2::bigint) n`,
          [a, b],
        )
        .then(() => undefined),
    note('requests'),
  );
  await db.query(
    `insert into request_events (request_id, from_status, to_status, actor, actor_id, reason, at)
     select id, null, 'received', 'user', user_id::text, null, received_at from rights_requests`,
  );
  log(`    request events (${((Date.now() - started) / 1000).toFixed(0)} s); vacuum analyze…`);
  // What autovacuum would have done by the time a real table held this much: statistics and a visibility map.
  await db.query('vacuum analyze');
  log(`    loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
