import type { DeletionOutcome } from '../../shared/contract/requests.ts';
import { addCalendarMonths } from '../../shared/dates/calendar.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import type { Sql } from '../db/database.ts';

// How long proof is kept after deletion: the Belgian limitation period for most claims (Civil Code
// art. 2262bis, 5 years from knowledge). A legal call to confirm; kept in one place so it is easy to change.
const PROOF_RETENTION_MONTHS = 60;

const ERASED_TEXT = '[erased]';
const FREE_TEXT_FIELDS = ['message', 'correction', 'statement', 'details', 'grounds'] as const;

/**
 * Self-service account deletion ("Customers can delete their own accounts"), done at once in the caller's
 * transaction. Erases identifying data; keeps pseudonymous proof of consent decisions and of how requests
 * were handled, each with its ground and an end date (Art. 17(3)(e), R48).
 */
export async function deleteAccount(sql: Sql, userId: string, now: Date): Promise<DeletionOutcome> {
  await sql.query('delete from sign_in_codes where email = (select email from users where id = $1)', [userId]);
  await sql.query('update users set email = null, host_subject = null, deleted_at = $2 where id = $1', [userId, now.toISOString()]);
  await sql.query('delete from sessions where subject_id = $1', [userId]);
  await sql.query('delete from idempotency_keys where subject_id = $1', [userId]);
  const requests = await sql.query<{ id: string; input: Record<string, unknown> }>('select id, input from rights_requests where user_id = $1', [userId]);
  for (const request of requests) {
    const input = { ...request.input };
    for (const field of FREE_TEXT_FIELDS) if (typeof input[field] === 'string') input[field] = ERASED_TEXT;
    await sql.query('update rights_requests set input = $2, export_document = null where id = $1', [request.id, JSON.stringify(input)]);
  }
  const until = addCalendarMonths(brusselsDate(now), PROOF_RETENTION_MONTHS);
  return {
    erased: [
      'Account: e-mail address and host-app user id',
      'Sign-in sessions and codes',
      'Texts you wrote in rights requests, and their exports',
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
