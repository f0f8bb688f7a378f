import type { Locale } from '../contract';
import { isValidIsoDate, type IsoDate } from '../dates';

/**
 * A date as a clerk types it into a date field, read into 'YYYY-MM-DD', or null when it is not a
 * real calendar day. Accepted everywhere: ISO (2026-12-03), the year first with any of / . 年月日
 * (2026/12/3, 2026.12.03, 2026年12月3日) and eight digits (20261203). A year-last date follows the
 * locale's order: month first in English, as formatDate writes it there (12/03/2026); Chinese
 * locales never write the year last, so there a year-last date is refused rather than guessed.
 */
export function parseTypedDate(text: string, locale: Locale): IsoDate | null {
  const s = text.trim().replace(/\s+/g, '');
  if (s === '') return null;
  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  const yearFirst = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const yearLast = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (yearFirst) [, year, month, day] = yearFirst;
  else if (compact) [, year, month, day] = compact;
  else if (yearLast && locale === 'en') [, month, day, year] = yearLast;
  if (year === undefined || month === undefined || day === undefined) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}
