import { brusselsDate } from './brussels.ts';
import { addCalendarMonths, daysBetween, nextWorkingDayOnOrAfter } from './calendar.ts';

// GDPR Art. 12(3): answer "within one month of receipt", extendable "by two further months".
// Periods are computed per Regulation 1182/71 Art. 3: calendar months from the receipt date,
// clamped to the month's last day, and rolled forward off weekends and Belgian public holidays.

/** Receipt date + `months` calendar months, rolled to a working day (R38/R39). */
function deadline(receivedAt: Date | string, months: number): string {
  return nextWorkingDayOnOrAfter(addCalendarMonths(brusselsDate(receivedAt), months));
}

/** R38: the original due date — the Brussels receipt date plus one calendar month, rolled to a working day. */
export function dueDateFor(receivedAt: Date | string): string {
  return deadline(receivedAt, 1);
}

/** R39: the due date after extending by `extraMonths`, counted from receipt (not from the rolled due date). */
export function extendedDueDate(receivedAt: Date | string, extraMonths: 1 | 2): string {
  // A runtime guard too: GDPR allows at most two further months, and callers may pass untyped input.
  if (extraMonths !== 1 && extraMonths !== 2) throw new RangeError(`extraMonths must be 1 or 2, got ${extraMonths}`);
  return deadline(receivedAt, 1 + extraMonths);
}

/** R39: the latest deadline the law allows — receipt plus three calendar months, rolled to a working day. */
export function maxExtendedDueDate(receivedAt: Date | string): string {
  return extendedDueDate(receivedAt, 2);
}

/** R39: an extension may only be decided on or before the original due date. */
export function canExtend(dueAt: string, today: string): boolean {
  return daysBetween(today, dueAt) >= 0;
}

/** Calendar days left until `dueAt` (0 on the due date, negative once overdue). */
export function daysUntil(dueAt: string, today: string): number {
  return daysBetween(today, dueAt);
}
