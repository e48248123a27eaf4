import type { ConsentRecord } from '../contract/consent.ts';
import type { Purpose } from '../contract/notice.ts';
import { isQueued, type DecisionOutcome } from '../models/consent-model.ts';
import { formatDateTime } from './format.ts';
import type { I18n } from './I18nContext.ts';

/** What a purpose is called in a sentence: the notice's `name`; a purpose the notice no longer has, by its id. */
const nameOf = (purposes: readonly Pick<Purpose, 'id' | 'name'>[], id: string): string =>
  purposes.find((p) => p.id === id)?.name ?? id;

/** The sentence a live region reads after a decision, e.g. "Consent for body scans withdrawn — recorded 24 Nov 2026, 10:02". */
export function announcement(
  i18n: Pick<I18n, 't' | 'locale'>,
  record: Pick<ConsentRecord, 'event' | 'purpose' | 'recordedAt'> | DecisionOutcome,
  purposes: readonly Pick<Purpose, 'id' | 'name'>[],
): string {
  const purpose = nameOf(purposes, record.purpose);
  // Said as it is: a busy server is not a lost connection.
  if (isQueued(record))
    return i18n.t(record.reason === 'rate-limited' ? 'announce.queuedBusy' : 'announce.queued', { purpose });
  return i18n.t(`announce.${record.event}`, { purpose, time: formatDateTime(record.recordedAt, i18n.locale) });
}
