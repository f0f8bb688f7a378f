/**
 * Calendar dates as `YYYY-MM-DD` strings (proleptic Gregorian, years 0000–9999).
 *
 * A due date is a day on the lender's calendar, not an instant, so it never passes through a
 * `Date` (whose time zone and DST rules would shift it). Day arithmetic goes through a day number
 * — days since 1970-01-01 — computed with Howard Hinnant's integer days-from-civil algorithm.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;
/** A calendar month written `YYYY-MM`. */
export type IsoMonth = string;

interface Civil {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_SHAPE = /^(\d{4})-(\d{2})$/;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const length = MONTH_LENGTHS[month - 1];
  if (length === undefined) throw new RangeError(`no month ${month}`);
  return length;
}

function parseCivil(s: string): Civil | null {
  const m = DATE_SHAPE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function civilOf(date: IsoDate): Civil {
  const c = parseCivil(date);
  if (!c) throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  return c;
}

const pad = (n: number, width: number): string => `${n}`.padStart(width, '0');

function formatCivil({ year, month, day }: Civil): IsoDate {
  if (year < 0 || year > MAX_YEAR) throw new RangeError(`year ${year} is outside 0000–${MAX_YEAR}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for real calendar dates only: rejects 2026-02-30, 2025-02-29, 2026-1-5, "2026-01-05 ". */
export function isValidIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && parseCivil(s) !== null;
}

/** Days since 1970-01-01 (negative before it). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = civilOf(date);
  // Count years from March so the leap day is the last day of the "year".
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of `toDayNumber`. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`${dayNumber} is not a day number`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatCivil({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** b − a in days: daysBetween('2026-01-31', '2026-02-28') === 28. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The same day of the month k calendar months later (k may be negative); when that month is too
 * short, its last day. Always count from the original date — 2026-01-31 + 2 is 2026-03-31, not the
 * 28th that stepping through February would give — which is why schedules call this with k = 1…n.
 */
export function addMonthsClamped(date: IsoDate, k: number): IsoDate {
  return shiftMonths(civilOf(date), k);
}

/**
 * The dates 1, 2, … `count` months after `date`, each by `addMonthsClamped` — a monthly schedule's
 * due dates, without re-reading the start date for every installment.
 */
export function monthlyDatesAfter(date: IsoDate, count: number): IsoDate[] {
  const start = civilOf(date);
  return Array.from({ length: count }, (_, i) => shiftMonths(start, i + 1));
}

function shiftMonths({ year, month, day }: Civil, k: number): IsoDate {
  if (!Number.isSafeInteger(k)) throw new RangeError(`${k} is not a whole number of months`);
  const monthIndex = year * 12 + (month - 1) + k;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < 0 || targetYear > MAX_YEAR) {
    throw new RangeError(`${formatCivil({ year, month, day })} + ${k} months is outside 0000–${MAX_YEAR}`);
  }
  return formatCivil({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Chronological order, for sorting. Both arguments must be valid dates (ISO text sorts by time). */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** '2026-02-14' → '2026-02'. */
export function monthOf(date: IsoDate): IsoMonth {
  civilOf(date);
  return date.slice(0, 7);
}

/** Accepts a month ('2026-02') or any date in it ('2026-02-14'). */
function monthParts(monthOrDate: string): { year: number; month: number } {
  const m = MONTH_SHAPE.exec(monthOrDate);
  if (!m) return civilOf(monthOrDate);
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`"${monthOrDate}" is not a month written YYYY-MM`);
  return { year, month };
}

/** '2028-02' (or any date in it) → '2028-02-29'. */
export function lastDayOfMonth(monthOrDate: IsoMonth | IsoDate): IsoDate {
  const { year, month } = monthParts(monthOrDate);
  return formatCivil({ year, month, day: daysInMonth(year, month) });
}

/** '2026-02-14' (or '2026-02') → '2026-02-01'. */
export function startOfMonth(monthOrDate: IsoMonth | IsoDate): IsoDate {
  const { year, month } = monthParts(monthOrDate);
  return formatCivil({ year, month, day: 1 });
}
