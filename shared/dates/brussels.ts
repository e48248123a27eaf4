// The one place that knows about time zones: a request's receipt date is the calendar date in
// Brussels (R38), whatever the server's or the browser's own time zone is.

// Made on first use, not on import: the first Intl.DateTimeFormat of a page loads ICU's date and zone data
// (≈ 70 ms at CPU 4×), which the widget's panel would otherwise pay on the first layer's path.
let brusselsFormat: Intl.DateTimeFormat | undefined;
const format = () =>
  (brusselsFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }));

/** The Europe/Brussels calendar date (`YYYY-MM-DD`) of an instant, e.g. 2026-01-31T23:30:00Z is 2026-02-01 (R38). */
export function brusselsDate(instant: Date | string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  // formatToParts, not format: the locale's own ordering and separators must not matter.
  const parts = format().formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const value = parts.find((p) => p.type === type)?.value;
    if (value === undefined) throw new Error(`Intl.DateTimeFormat gave no ${type} part`);
    return value;
  };
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
