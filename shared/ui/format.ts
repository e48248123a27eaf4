import { LOCALE_REGISTRY } from '../registry/locales.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DEADLINE_ZONE = 'Europe/Brussels';

/**
 * A deadline date (`YYYY-MM-DD`, a Brussels calendar date, R38) in words, e.g. "March 2, 2026". The day is the
 * date's own, whatever the device's zone. A language outside the locale registry goes through Intl (noon UTC, in
 * Brussels time, for the same reason). Invariant: never throws into a surface — an unreadable date is shown as given.
 */
export function formatDueDate(isoDate: string, locale: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = [match[1]!, Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(Number(year), month - 1, day, 12));
  // Not a real day (2026-02-30, month 13): as given, as Intl would not write it either.
  if (Number.isNaN(at.getTime()) || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return isoDate;
  // The registry's languages in its own words (no Intl: its first date format loads ICU's date data, ≈ 20–70 ms).
  const long = LOCALE_REGISTRY.find((l) => l.code === locale);
  if (long) return long.longDate(day, long.months.split('|')[month - 1]!, String(Number(year)));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: DEADLINE_ZONE }).format(at);
}

/** An instant (RFC 3339) as date and time, in the device's zone unless `timeZone` is given; unreadable input is shown as given. */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** A postal address on one line, in the order the notice gives it. */
export function formatAddress(address: { street: string; postalCode: string; city: string; country: string }): string {
  return `${address.street}, ${address.postalCode} ${address.city}, ${address.country}`;
}

/** `url` when it is an http(s) URL, else null: notice data never becomes a `javascript:` or `data:` link. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A `tel:` link target for a phone number as printed: digits and a leading +, without a "(0)" trunk prefix. */
export const telHref = (phone: string): string => `tel:${phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '')}`;
