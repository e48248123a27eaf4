import type { DeletionOutcome } from '../../shared/contract/requests.ts';
import { addCalendarMonths } from '../../shared/dates/calendar.ts';
import { brusselsDate } from '../../shared/dates/brussels.ts';
import type { Sql } from '../db/database.ts';
import { eraseAccount, holdProof } from '../store/erasure.ts';
import { forgetAnsweredSubjects } from '../store/jobs.ts';

// How long proof is kept after deletion: the Belgian limitation period for most claims (Civil Code
// art. 2262bis, 5 years from knowledge). A legal call to confirm; RETAIN_PROOF_MONTHS changes it.
export const PROOF_RETENTION_MONTHS = 60;

const ERASED_TEXT = '[erased]';
const FREE_TEXT_FIELDS = ['message', 'correction', 'statement', 'details', 'grounds'] as const;

/**
 * Self-service account deletion ("Customers can delete their own accounts"), done at once in the caller's
 * transaction. Erases identifying data; keeps pseudonymous proof of consent decisions and of how requests
 * were handled, each with its ground and an end date (Art. 17(3)(e), R48).
 */
export async function deleteAccount(
  sql: Sql,
  userId: string,
  now: Date,
  proofMonths = PROOF_RETENTION_MONTHS,
): Promise<DeletionOutcome> {
  await eraseAccount(sql, userId, FREE_TEXT_FIELDS, ERASED_TEXT, now);
  // Copies made to reach the data systems go too, except those of jobs still on their way (this deletion's own).
  await forgetAnsweredSubjects(sql, userId);
  const until = addCalendarMonths(brusselsDate(now), proofMonths);
  // What the retention job reads: after `until`, the proof below is deleted too.
  await holdProof(sql, userId, 'user', until, 'account deleted', now);
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
        ground:
          'GDPR Art. 7(1) and 17(3)(e): proof that consent was given or withdrawn, for the establishment, exercise or defence of legal claims',
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
