export { brusselsDate } from './brussels.ts';
export {
  addCalendarMonths,
  addDays,
  belgianPublicHolidays,
  daysBetween,
  easterSunday,
  isWeekend,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
} from './calendar.ts';
export { canExtend, daysUntil, dueDateFor, extendedDueDate, maxExtendedDueDate } from './due-date.ts';
