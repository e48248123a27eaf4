// Calendar arithmetic on ISO `YYYY-MM-DD` strings. Everything is done on UTC-midnight values so that
// daylight-saving changes can never shift a date (the time-zone question lives in brussels.ts only).

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  year: number;
  month: number; // 1-12
  day: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format({ year, month, day }: Ymd): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
function utcMidnight({ year, month, day }: Ymd): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function parse(date: string): Ymd {
  const match = ISO_DATE.exec(date);
  const [, y, m, d] = match ?? [];
  if (y === undefined || m === undefined || d === undefined) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  const ymd = { year: Number(y), month: Number(m), day: Number(d) };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) {
    throw new RangeError(`No such calendar date: ${date}`);
  }
  return ymd;
}

function fromUtcMidnight(d: Date): string {
  return format({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Shifts a date by whole days (negative goes back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromUtcMidnight(new Date(utcMidnight(parse(date)).getTime() + days * DAY_MS));
}

/** Calendar days from `from` to `to`: positive when `to` is later, negative when earlier. */
export function daysBetween(from: string, to: string): number {
  // Both values are UTC midnights, so the difference is an exact multiple of a day.
  return Math.round((utcMidnight(parse(to)).getTime() - utcMidnight(parse(from)).getTime()) / DAY_MS);
}

/** Adds calendar months keeping the day of month, clamped to the month's last day (Reg. 1182/71 Art. 3(2)(c)). */
export function addCalendarMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  // "If the day on which it should expire does not occur in the last month, the period ends with
  // the expiry of the last day of that month" — e.g. 31 January + 1 month is 28 (or 29) February.
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** True on Saturday and Sunday, which are never working days (Reg. 1182/71 Art. 3(4)). */
export function isWeekend(date: string): boolean {
  const weekday = utcMidnight(parse(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Gregorian Easter Sunday of `year`, by the anonymous (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Gregorian year expected, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return format({ year, month, day });
}

/** The ten Belgian public holidays of `year`, sorted; they are not working days for the R38 deadline. */
export function belgianPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number): string => format({ year, month, day });
  return [
    fixed(1, 1), // New Year's Day
    addDays(easter, 1), // Easter Monday
    fixed(5, 1), // Labour Day
    addDays(easter, 39), // Ascension Day
    addDays(easter, 50), // Whit Monday
    fixed(7, 21), // National Day
    fixed(8, 15), // Assumption
    fixed(11, 1), // All Saints' Day
    fixed(11, 11), // Armistice Day
    fixed(12, 25), // Christmas Day
  ].sort();
}

/** True unless the date is a weekend day or a Belgian public holiday (Reg. 1182/71 Art. 3(4)). */
export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && !belgianPublicHolidays(parse(date).year).includes(date);
}

/** The date itself if it is a working day, else the next one: a period ending on a holiday or weekend ends on the next working day (Reg. 1182/71 Art. 3(4)). */
export function nextWorkingDayOnOrAfter(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
