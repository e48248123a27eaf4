import type { PurposeId } from '../../shared/contract/notice.ts';
import type { Purpose } from '../../shared/contract/notice.ts';
import type { MayProcessAnswer } from '../../shared/contract/systems.ts';
import type { Sql } from '../db/database.ts';
import { latestConsents } from '../store/consents.ts';
import { findSubject, requestInForce } from '../store/jobs.ts';
import { invalid } from './errors.ts';

/** Direct marketing is no notice purpose: it runs on legitimate interest and stops at an objection (Art. 21(2), (3)). */
export const DIRECT_MARKETING = 'direct_marketing';

const iso = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : null);

/**
 * "May this system process `purpose` for this person now?", from what the person decided and filed, at the
 * moment of asking: a restriction in force allows storage only (Art. 18(2), R49); an objection to direct
 * marketing, or an objection request against legitimate interests, counts from the moment it is filed (R50);
 * consents and objections by their latest record.
 */
export async function mayProcess(
  sql: Sql,
  who: { email?: string | undefined; hostSubject?: string | undefined },
  purposeId: string,
  purposes: readonly Purpose[],
): Promise<MayProcessAnswer> {
  const purpose = purposes.find((p) => p.id === purposeId);
  if (!purpose && purposeId !== DIRECT_MARKETING) {
    throw invalid(
      `Unknown purpose "${purposeId}"; ask about one of ${[...purposes.map((p) => p.id), DIRECT_MARKETING].join(', ')}.`,
      {
        errors: [{ pointer: '/query/purpose', reason: 'Not a purpose of the notice.' }],
      },
    );
  }
  if (!who.email && !who.hostSubject) {
    throw invalid('Name the person by `email` or `hostSubject`.', {
      errors: [{ pointer: '/query/email', reason: 'Give email or hostSubject.' }],
    });
  }
  const userId = await findSubject(sql, who);
  if (!userId) return { allowed: false, basis: 'unknown_subject', since: null };
  const restricted = await requestInForce(sql, userId, 'restriction', null);
  if (restricted) return { allowed: false, basis: 'restricted', since: iso(restricted) };
  if (!purpose) {
    const objected = await requestInForce(sql, userId, 'objection', 'direct-marketing');
    return objected
      ? { allowed: false, basis: 'objected', since: iso(objected) }
      : { allowed: true, basis: 'legitimate_interest', since: null };
  }
  const latest = (await latestConsents(sql, userId, [purpose.id as PurposeId])).get(purpose.id as PurposeId);
  if (purpose.kind === 'consent') {
    return latest?.active
      ? { allowed: true, basis: 'consent', since: latest.recordedAt }
      : { allowed: false, basis: 'no_consent', since: latest?.recordedAt ?? null };
  }
  if (latest?.active) return { allowed: false, basis: 'objected', since: latest.recordedAt };
  const objected = await requestInForce(sql, userId, 'objection', 'legitimate-interest');
  if (objected) return { allowed: false, basis: 'objected', since: iso(objected) };
  return { allowed: true, basis: 'legitimate_interest', since: latest?.recordedAt ?? null };
}
