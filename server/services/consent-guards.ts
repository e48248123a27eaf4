import {
  type ConsentDecisionInput,
  GPC_OVERRIDE_CONTROL,
  JUST_IN_TIME_CONTROL,
} from '../../shared/contract/consent.ts';
import type { Purpose } from '../../shared/contract/notice.ts';
import { activeAfter, fitsKind, gpcTargets } from '../../shared/notice/purpose-rules.ts';
import { conflict, DomainError, invalid } from './errors.ts';

// What the server refuses to record, whatever the client says (issue 13, "guards on the server"). Each guard
// throws before anything is written, with a detail that tells the caller why.

/**
 * A decision is recorded against the notice the server serves now (R12): a version never published, or one a
 * newer version replaced, is refused with the current version named, so the client shows that text and asks again.
 */
export function checkNoticeVersion(cited: string, citedHash: string | undefined, current: string): void {
  const errors = [{ pointer: '/body/noticeVersion', reason: `The current notice version is "${current}".` }];
  if (!citedHash) {
    throw invalid(
      `Notice version "${cited}" was never published; load the current notice ("${current}") and decide again.`,
      { errors, currentNoticeVersion: current },
      'notice-version-unknown',
    );
  }
  if (cited !== current) {
    throw new DomainError(
      'conflict',
      'notice-version-superseded',
      `Notice version "${cited}" has been replaced by "${current}"; show the current notice and ask again.`,
      { errors, currentNoticeVersion: current },
    );
  }
}

/**
 * A decision names a purpose of the notice in force and a decision of its kind. A purpose the notice never defined,
 * or one a newer version retired, is refused by name: nothing is recorded for processing the notice does not describe.
 */
export function checkPurpose(purposes: readonly Purpose[], input: ConsentDecisionInput): Purpose {
  const purpose = purposes.find((p) => p.id === input.purpose);
  if (!purpose) {
    const known = purposes.map((p) => `"${p.id}"`).join(', ');
    throw invalid(
      `Purpose "${input.purpose}" is not one the current notice defines (it defines ${known}); it may have been retired.`,
      { errors: [{ pointer: '/body/purpose', reason: `Unknown purpose "${input.purpose}".` }] },
    );
  }
  if (!fitsKind(purpose.kind, input.decision)) {
    throw invalid(
      `Purpose "${purpose.id}" is ${purpose.kind === 'consent' ? 'a consent' : 'an objection'}; "${input.decision}" is not one of its decisions.`,
      { errors: [{ pointer: '/body/decision', reason: `Not a decision of a ${purpose.kind} purpose.` }] },
    );
  }
  return purpose;
}

/**
 * Special-category consent (body scans, R22) is explicit: given only by a person, in its own just-in-time step.
 * "Accept all", Global Privacy Control and a plain API call never give it. Withdrawing it is always accepted.
 */
export function checkSpecialCategory(purpose: Purpose, input: ConsentDecisionInput): void {
  if (!purpose.specialCategory || !activeAfter(input.decision)) return;
  if (input.method === 'ui' && input.control === JUST_IN_TIME_CONTROL) return;
  const why =
    input.method !== 'ui'
      ? `method "${input.method}" cannot give it: only a person, in the interface, can`
      : `the control "${input.control ?? '(none)'}" cannot give it: only the "${JUST_IN_TIME_CONTROL}" step can`;
  throw invalid(
    `Consent to ${purpose.id} is special-category (Art. 9 GDPR) and is given only in its own just-in-time step; ${why}.`,
    {
      errors: [{ pointer: input.method !== 'ui' ? '/body/method' : '/body/control', reason: 'Not an express step.' }],
    },
    'special-category-control',
  );
}

/**
 * R29: while the request carries `Sec-GPC: 1`, a decision that goes against what GPC asks of a consent purpose
 * (switching sharing on) is an exception the person must have confirmed; the record names that control.
 */
export function checkGpcOverride(purposes: readonly Purpose[], input: ConsentDecisionInput, gpcHeader: boolean): void {
  if (!gpcHeader || input.control === GPC_OVERRIDE_CONTROL) return;
  const wanted = gpcTargets(purposes).find(([id]) => id === input.purpose);
  if (!wanted || input.decision !== 'grant' || wanted[1] === activeAfter(input.decision)) return;
  throw conflict(
    `This browser sends Global Privacy Control, which asks that ${input.purpose} stay off; turning it on is an exception the person must confirm (send control "${GPC_OVERRIDE_CONTROL}" once they have).`,
    'gpc-override-unconfirmed',
  );
}
