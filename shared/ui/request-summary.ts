import { TRANSITIONS, type RequestStatus, type RightsRequestInput } from '../contract/requests.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { I18n } from './I18nContext.ts';

const QUOTE_MAX = 60;
/** Fields every request has that say nothing of what was asked (the type is the item's heading). */
const SAID_ELSEWHERE = ['type', 'locale', 'surface'];

/**
 * What a request asked, in one line: the options picked, in words (`request.option.*`), then the first thing the
 * person wrote, quoted and shortened. Confirmation ticks say nothing of what was asked and are left out.
 */
export function requestSummary(input: RightsRequestInput, t: I18n['t']): string {
  const picked: string[] = [];
  let written = '';
  for (const [name, value] of Object.entries(input)) {
    if (SAID_ELSEWHERE.includes(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string' || !item.trim()) continue;
      const key = `request.option.${item}` as MessageKey;
      const said = t(key);
      if (said !== key) picked.push(said);
      else if (!written) written = item.trim().replace(/\s+/g, ' ');
    }
  }
  if (written) picked.push(`“${written.length > QUOTE_MAX ? `${written.slice(0, QUOTE_MAX - 1)}…` : written}”`);
  return picked.join(' · ');
}

/** A short reference for a request, for a letter or a call: the first eight characters of its id, in capitals. */
export const requestReference = (id: string): string => id.replace(/-/g, '').slice(0, 8).toUpperCase();

/** An open request can still move (and has a deadline); the others have ended. */
export const isOpen = (status: RequestStatus): boolean => TRANSITIONS[status].length > 0;
