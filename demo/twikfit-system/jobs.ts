import type { JobBody, JobResult } from '../../shared/contract/systems.ts';
import { findUser, type TwikfitState, type TwikfitUser } from './store.ts';

// What TwikFit does with each job, on its own data. Runs inside one store update, so the change and the
// remembered answer are written together: a job delivered again gets the same answer and changes nothing more.

/** Accounting law makes TwikFit keep invoices for seven years from their date (Art. 17(3)(b) GDPR). */
const INVOICE_YEARS = 7;
const INVOICE_GROUND = 'legal obligation to keep accounting records (Art. 17(3)(b) GDPR)';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4, 10)}`;

/** The person's data in TwikFit, for access and portability: scans as metadata and measurements, no images. */
function exportOf(user: TwikfitUser) {
  return {
    profile: user.profile,
    designs: user.designs,
    scans: user.scans,
    invoices: user.invoices,
    restriction: user.restriction,
    objections: user.objections,
  };
}

/** What an erasure touches: the data its words name (`specific`), else designs and scans. */
function erasureTargets(input: Record<string, unknown>): { designs: boolean; scans: boolean } {
  const details = input.scope === 'specific' && typeof input.details === 'string' ? input.details.toLowerCase() : '';
  const designs = /design|insole/.test(details);
  const scans = /scan|foot|feet|measure|biometric/.test(details);
  return designs || scans ? { designs, scans } : { designs: true, scans: true };
}

function erase(user: TwikfitUser, targets: { designs: boolean; scans: boolean }, deleteAccount: boolean): JobResult {
  const erased: string[] = [];
  if (targets.scans && user.scans.length > 0)
    erased.push(`${plural(user.scans.length, 'body scan', 'body scans')} (measurements and scan details)`);
  if (targets.designs && user.designs.length > 0)
    erased.push(plural(user.designs.length, 'insole design', 'insole designs'));
  if (targets.scans) user.scans = [];
  if (targets.designs) user.designs = [];
  if (deleteAccount && user.profile) {
    erased.push('TwikFit account and profile (name, e-mail address, shoe size)');
    user.profile = null;
    user.objections = [];
    user.consentChanges = [];
    user.notes = [];
    user.restriction = null;
  }
  const kept = user.invoices.map((invoice) => ({
    what: `invoice ${invoice.number} (name, e-mail address, amount)`,
    ground: INVOICE_GROUND,
    until: addYears(invoice.date, INVOICE_YEARS),
  }));
  return { status: 'done', erased, kept };
}

function rectify(user: TwikfitUser, input: Record<string, unknown>, at: string): JobResult {
  const correction = typeof input.correction === 'string' ? input.correction.trim() : '';
  if (!user.profile) return { status: 'not_found', reason: 'the TwikFit account was deleted' };
  if (input.field === 'name' && correction) {
    user.profile.name = correction;
    return { status: 'done', corrected: [`name, now “${correction}”`] };
  }
  if (input.field === 'email' && /^[^\s@]+@[^\s@]+$/.test(correction)) {
    user.profile.email = correction;
    return { status: 'done', corrected: [`e-mail address, now ${correction}`] };
  }
  // "Other": TwikFit cannot know which field the words mean; the note goes to its support team with the profile.
  user.notes.push({ text: correction, at });
  return { status: 'done', corrected: ['your note, added to your TwikFit profile for our support team'] };
}

/** Applies one job to the state and returns the answer to post back. */
export function runJob(state: TwikfitState, body: JobBody, now: Date = new Date()): JobResult {
  const at = now.toISOString();
  if (body.event === 'request.test' || body.job.type === 'test') return { status: 'done' };
  const user = findUser(state, body.subject);
  if (!user) return { status: 'not_found', reason: 'TwikFit holds no account for this person' };
  const { input } = body;
  switch (body.job.type) {
    case 'access':
    case 'portability':
      return { status: 'done', data: exportOf(user) };
    case 'erasure':
      return erase(user, erasureTargets(input), false);
    case 'account_deletion':
      return erase(user, { designs: true, scans: true }, true);
    case 'rectification':
      return rectify(user, input, at);
    case 'restriction':
      user.restriction = {
        ground: typeof input.ground === 'string' ? input.ground : 'restriction requested',
        since: at,
      };
      return { status: 'done' };
    case 'objection':
      user.objections.push({
        scope: typeof input.scope === 'string' ? input.scope : 'unspecified',
        ...(typeof input.processing === 'string' ? { processing: input.processing } : {}),
        at,
      });
      return { status: 'done' };
    case 'consent':
      user.consentChanges.push({ change: input, at });
      return { status: 'done' };
  }
}
