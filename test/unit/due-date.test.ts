import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  belgianPublicHolidays,
  brusselsDate,
  canExtend,
  daysUntil,
  dueDateFor,
  easterSunday,
  extendedDueDate,
  isWorkingDay,
  maxExtendedDueDate,
  nextWorkingDayOnOrAfter,
} from '../../shared/dates/index.ts';

// Every weekday named below was checked with Node (toLocaleDateString, weekday: 'long', UTC).

describe('receipt date in Brussels', () => {
  it('R38: a late-evening UTC instant in winter counts as received the next day in Brussels', () => {
    expect(brusselsDate('2026-01-31T23:30:00Z')).toBe('2026-02-01');
  });

  it('R38: a late-evening UTC instant in summer counts as received the next day in Brussels', () => {
    expect(brusselsDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('R38: an instant just before midnight in Brussels summer time stays on the same day', () => {
    expect(brusselsDate('2026-06-30T21:59:59Z')).toBe('2026-06-30');
  });

  it('R38: an unparseable instant is rejected', () => {
    expect(() => brusselsDate('not a date')).toThrow(RangeError);
  });
});

describe('calendar months', () => {
  it('R38: a month after 31 March is 30 April', () => {
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
  });

  it('R38: a month after 30 January in a leap year is 29 February', () => {
    expect(addCalendarMonths('2024-01-30', 1)).toBe('2024-02-29');
  });

  it('R38: a month after 31 December is 31 January of the next year', () => {
    expect(addCalendarMonths('2026-12-31', 1)).toBe('2027-01-31');
  });

  it('R38: a date that does not exist is rejected', () => {
    expect(() => addCalendarMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('Belgian public holidays', () => {
  it('Easter Sunday 2024 is 31 March, 2025 is 20 April and 2026 is 5 April', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });

  it('the 2026 holidays include Easter Monday 6 April, Ascension 14 May and Whit Monday 25 May', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('Easter Monday 2026 (6 April) is not a working day but the Tuesday after it is', () => {
    expect(isWorkingDay('2026-04-06')).toBe(false);
    expect(nextWorkingDayOnOrAfter('2026-04-06')).toBe('2026-04-07');
  });
});

describe('R38: the original due date', () => {
  it('R38: a request received on 10 March 2026 is due on Friday 10 April 2026', () => {
    expect(dueDateFor('2026-03-10T09:00:00Z')).toBe('2026-04-10');
  });

  it('R38: 31 January is due at the end of February, moved from Saturday 28 February 2026 to Monday 2 March', () => {
    expect(dueDateFor('2026-01-31T09:00:00Z')).toBe('2026-03-02');
  });

  it('R38: 31 January 2024 is due on Thursday 29 February 2024 in a leap year', () => {
    expect(dueDateFor('2024-01-31T09:00:00Z')).toBe('2024-02-29');
  });

  it('R38: 30 January 2028 is due on Tuesday 29 February 2028 in a leap year', () => {
    expect(dueDateFor('2028-01-30T09:00:00Z')).toBe('2028-02-29');
  });

  it('R38: 31 March 2026 is due on Thursday 30 April 2026', () => {
    expect(dueDateFor('2026-03-31T09:00:00Z')).toBe('2026-04-30');
  });

  it('R38: 31 December 2026 would be due on Sunday 31 January 2027, so it is due on Monday 1 February', () => {
    expect(dueDateFor('2026-12-31T09:00:00Z')).toBe('2027-02-01');
  });

  it('R38: 21 June 2026 would be due on the national holiday, Tuesday 21 July, so it is due on Wednesday 22 July', () => {
    expect(dueDateFor('2026-06-21T09:00:00Z')).toBe('2026-07-22');
  });

  it('R38: 6 March 2026 would be due on Easter Monday 6 April, so it is due on Tuesday 7 April', () => {
    expect(dueDateFor('2026-03-06T09:00:00Z')).toBe('2026-04-07');
  });

  it('R38: a request sent late on 31 January 2026 UTC is received on 1 February in Brussels and due on 2 March', () => {
    // 2026-03-01 is a Sunday, so the due date rolls to Monday 2 March.
    expect(dueDateFor('2026-01-31T23:30:00Z')).toBe('2026-03-02');
  });
});

describe('R39: extending the deadline', () => {
  it('R39: the latest deadline for a request received 30 November 2026 moves from Sunday 28 February 2027 to Monday 1 March', () => {
    expect(maxExtendedDueDate('2026-11-30T09:00:00Z')).toBe('2027-03-01');
  });

  it('R39: extending by two further months gives the latest deadline', () => {
    expect(extendedDueDate('2026-11-30T09:00:00Z', 2)).toBe(maxExtendedDueDate('2026-11-30T09:00:00Z'));
  });

  it('R39: extending by one further month counts from receipt, not from the rolled due date', () => {
    // Received 31 Jan 2026: due Mon 2 Mar (rolled). Two months from receipt is Tuesday 31 March 2026,
    // not 2 April (which a month after the rolled due date would give).
    expect(extendedDueDate('2026-01-31T09:00:00Z', 1)).toBe('2026-03-31');
  });

  it('R39: an extension of more than two further months is refused', () => {
    expect(() => extendedDueDate('2026-01-31T09:00:00Z', 3 as 1 | 2)).toThrow(RangeError);
  });

  it('R39: an extension can still be decided on the due date', () => {
    expect(canExtend('2026-04-10', '2026-04-10')).toBe(true);
  });

  it('R39: an extension can no longer be decided the day after the due date', () => {
    expect(canExtend('2026-04-10', '2026-04-11')).toBe(false);
  });
});

describe('days until the deadline', () => {
  it('counts calendar days to the due date, across a month end', () => {
    expect(daysUntil('2026-04-10', '2026-03-10')).toBe(31);
  });

  it('is zero on the due date and negative once overdue', () => {
    expect(daysUntil('2026-04-10', '2026-04-10')).toBe(0);
    expect(daysUntil('2026-04-10', '2026-04-13')).toBe(-3);
  });

  it('is not thrown off by the daylight-saving change on 29 March 2026', () => {
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
  });
});
