import type { Locale } from '../contract';
import { formatAmount } from '../money/amount';
import { isValidIsoDate, toDayNumber } from '../dates';

/**
 * Display formatting only. Amounts arrive as integer minor units and dates as YYYY-MM-DD; both are
 * turned into text here and nowhere else. Intl takes an instant, so a date is handed over as the
 * epoch milliseconds of its UTC noon and formatted in UTC: the calendar day can never shift with
 * the PC's time zone.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    moneyFormats.set(key, format);
  }
  // Intl formats a decimal string exactly, so cents never pass through a binary fraction.
  return withLocalSymbol(format.format(formatAmount(minor) as Intl.StringNumericLiteral), currency, locale);
}

export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/**
 * CLDR gives Taiwan's dollar a bare "$" in zh-TW, which reads as US dollars on a loan document;
 * Taiwanese lenders write NT$.
 */
function withLocalSymbol(text: string, currency: string, locale: Locale): string {
  return currency === 'TWD' && locale === 'zh-TW' ? text.replace('$', 'NT$') : text;
}

function utcNoon(iso: string): number {
  return (toDayNumber(iso) * 24 + 12) * 3_600_000;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The locale's one table date format (2026/11/20, 11/20/2026). */
function tableDateFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, format);
  }
  return format;
}

export function formatDate(iso: string, locale: Locale): string {
  if (!isValidIsoDate(iso)) return iso;
  return tableDateFormat(locale).format(utcNoon(iso));
}

/**
 * A wall-clock moment written 'YYYY-MM-DD HH:mm' (or an ISO timestamp): the day as formatDate
 * writes it and the time as it stands, so one date format holds across the app.
 */
export function formatDateTime(stamp: string, locale: Locale): string {
  return `${formatDate(stamp.slice(0, 10), locale)} ${stamp.slice(11, 16)}`.trim();
}

const longMonthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar month (YYYY-MM). Short, for tables and chart axes: the table date `formatDate`
 * writes, without its day (2026/05, 05/2026), so a month never reads differently from a day (Intl's
 * own year-and-month style writes 2026年5月 in zh-CN beside 2026/05/01). Long, for headings: as
 * documents write it (2026年5月, May 2026).
 */
export function formatMonth(isoMonth: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const first = `${isoMonth}-01`;
  if (!/^\d{4}-\d{2}$/.test(isoMonth) || !isValidIsoDate(first)) return isoMonth;
  if (style === 'short') {
    const parts = tableDateFormat(locale).formatToParts(utcNoon(first));
    const day = parts.findIndex((p) => p.type === 'day');
    // The day goes with the separator that follows it, or, when it comes last, the one before.
    const drop = parts[day + 1]?.type === 'literal' ? [day, day + 1] : [day - 1, day];
    return parts
      .filter((_, i) => !drop.includes(i))
      .map((p) => p.value)
      .join('');
  }
  let format = longMonthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    longMonthFormats.set(locale, format);
  }
  return format.format(utcNoon(first));
}

export function formatPercent(ratio: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/**
 * A date as documents write it: 2026年11月20日 in Chinese, 20 November 2026 in English. Tables use
 * the shorter `formatDate` (2026/11/20).
 */
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatLongDate(iso: string, locale: Locale): string {
  if (!isValidIsoDate(iso)) return iso;
  let format = longDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    longDateFormats.set(locale, format);
  }
  return format.format(utcNoon(iso));
}

/**
 * A large figure shortened the way the locale counts: 3.34亿 / 3,338.2万 in Chinese, 333.8M in
 * English. For chart axes and dashboard cards; the exact figure goes in a tooltip beside it.
 */
export function formatCompactMoney(minor: number, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}|compact`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumSignificantDigits: 4,
    });
    moneyFormats.set(key, format);
  }
  return withLocalSymbol(format.format(formatAmount(minor) as Intl.StringNumericLiteral), currency, locale);
}

/** A plain count or amount shortened by the locale (万/亿, K/M), without a currency. */
export function formatCompactNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 4 }).format(value);
}

const nameCollators = new Map<Locale, Intl.Collator>();

/**
 * Orders people's names as the lender reads a list: pinyin in zh-CN (王 after 李), stroke count in
 * zh-TW, dictionary order in English, instead of by code point.
 */
export function compareNames(a: string, b: string, locale: Locale): number {
  let collator = nameCollators.get(locale);
  if (!collator) {
    const tag = { en: 'en', 'zh-CN': 'zh-CN-u-co-pinyin', 'zh-TW': 'zh-TW-u-co-stroke' }[locale];
    collator = new Intl.Collator(tag, { sensitivity: 'base', numeric: true });
    nameCollators.set(locale, collator);
  }
  return collator.compare(a, b);
}
