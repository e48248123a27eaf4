import type { ConsentRecord } from '../contract/consent.ts';
import { isQueued, type DecisionOutcome } from '../models/consent-model.ts';
import { formatDateTime } from './format.ts';
import type { I18n } from './I18nContext.ts';

/** The sentence a live region reads after a decision, e.g. "Consent for body scans withdrawn — recorded 24 Nov 2026, 10:02". */
export function announcement(
  i18n: Pick<I18n, 't' | 'locale'>,
  record: Pick<ConsentRecord, 'event' | 'purpose' | 'recordedAt'> | DecisionOutcome,
): string {
  if (isQueued(record)) {
    // Said as it is: a busy server is not a lost connection.
    return i18n.t(record.reason === 'rate-limited' ? 'announce.queuedBusy' : 'announce.queued', {
      purpose: i18n.t(`purpose.${record.purpose}`),
    });
  }
  return i18n.t(`announce.${record.event}`, {
    purpose: i18n.t(`purpose.${record.purpose}`),
    time: formatDateTime(record.recordedAt, i18n.locale),
  });
}
