import type { DeletionOutcome } from '../../shared/contract/requests.ts';
import { addCalendarMonths } from '../../shared/dates/calendar.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import type { Sql } from '../db/database.ts';

// How long proof is kept after deletion: the Belgian limitation period for most claims (Civil Code
// art. 2262bis, 5 years from knowledge). A legal call to confirm; RETAIN_PROOF_MONTHS changes it.
export const PROOF_RETENTION_MONTHS = 60;

const ERASED_TEXT = '[erased]';
const FREE_TEXT_FIELDS = ['message', 'correction', 'statement', 'details', 'grounds'] as const;

/**
 * The reasons the person gave when cancelling are their own words: erased like the request texts. The log
 * is append-only; this transaction alone opens its one door (`twikit.erasure`, migration 003), which lets
 * `reason` change and nothing else. Operators' reasons stay: they are the controller's account of its acts.
 */
async function eraseOwnReasons(sql: Sql, userId: string): Promise<void> {
  await sql.query("select set_config('twikit.erasure', 'on', true)");
  await sql.query(
    `update request_events set reason = $2 where actor = 'user' and reason is not null
       and request_id in (select id from rights_requests where user_id = $1)`,
    [userId, ERASED_TEXT],
  );
  await sql.query("select set_config('twikit.erasure', 'off', true)");
  // The request's current reason is the person's only when their cancellation gave one.
  await sql.query(
    `update rights_requests r set status_reason = $2 where user_id = $1 and status = 'cancelled'
       and exists (select 1 from request_events e where e.request_id = r.id and e.actor = 'user' and e.to_status = 'cancelled' and e.reason is not null)`,
    [userId, ERASED_TEXT],
  );
}

/**
 * Self-service account deletion ("Customers can delete their own accounts"), done at once in the caller's
 * transaction. Erases identifying data; keeps pseudonymous proof of consent decisions and of how requests
 * were handled, each with its ground and an end date (Art. 17(3)(e), R48).
 */
export async function deleteAccount(sql: Sql, userId: string, now: Date, proofMonths = PROOF_RETENTION_MONTHS): Promise<DeletionOutcome> {
  await sql.query('delete from sign_in_codes where email = (select email from users where id = $1)', [userId]);
  await sql.query('update users set email = null, host_subject = null, deleted_at = $2 where id = $1', [userId, now.toISOString()]);
  await sql.query('delete from sessions where subject_id = $1', [userId]);
  await sql.query('delete from idempotency_keys where subject_id = $1', [userId]);
  const requests = await sql.query<{ id: string; input: Record<string, unknown> }>('select id, input from rights_requests where user_id = $1', [userId]);
  for (const request of requests) {
    const input = { ...request.input };
    for (const field of FREE_TEXT_FIELDS) if (typeof input[field] === 'string') input[field] = ERASED_TEXT;
    await sql.query('update rights_requests set input = $2, export_document = null, export_generated_at = null where id = $1', [request.id, JSON.stringify(input)]);
  }
  await eraseOwnReasons(sql, userId);
  const until = addCalendarMonths(brusselsDate(now), proofMonths);
  // What the retention job reads: after `until`, the proof below is deleted too.
  await sql.query(
    `insert into retention_holds (subject_id, subject_kind, kept_until, reason, created_at) values ($1, 'user', $2, 'account deleted', $3)
     on conflict (subject_id) do update set kept_until = excluded.kept_until`,
    [userId, until, now.toISOString()],
  );
  return {
    erased: [
      'Account: e-mail address and host-app user id',
      'Sign-in sessions and codes',
      'Texts you wrote in rights requests (including reasons you gave for cancelling), and their exports',
      'Stored replies to repeated submissions',
    ],
    kept: [
      {
        what: 'Consent records (pseudonymous: purpose, decision, time, notice version)',
        ground: 'GDPR Art. 7(1) and 17(3)(e): proof that consent was given or withdrawn, for the establishment, exercise or defence of legal claims',
        until,
      },
      {
        what: 'Rights-request log (type, dates, status changes; free text erased)',
        ground: 'GDPR Art. 5(2) and 17(3)(e): accountability for how requests were handled',
        until,
      },
    ],
  };
}
