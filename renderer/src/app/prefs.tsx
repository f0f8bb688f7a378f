import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Settings } from '../../../shared/contract';
import { useApi } from '../api/hooks';
import {
  formatCompactMoney,
  formatCompactNumber,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
} from '../format/format';

export interface Prefs {
  locale: Locale;
  settings: Settings;
  money(minor: number): string;
  date(iso: string): string;
  /** 'YYYY-MM-DD HH:mm' or an ISO timestamp, with the day in the locale's one date format. */
  dateTime(stamp: string): string;
  /** A month (YYYY-MM): short in tables and charts (2026/05), long in headings (2026年5月). */
  month(isoMonth: string, style?: 'short' | 'long'): string;
  number(value: number, fractionDigits?: number): string;
  percent(ratio: number, fractionDigits?: number): string;
  /** A large figure the locale's short way (3.3亿, 333.8M): chart axes; the exact one goes beside it. */
  compact(value: number): string;
  compactMoney(minor: number): string;
}

export const PrefsContext = createContext<Prefs | null>(null);

/** Locale-aware formatting bound to the current language and the company's currency. */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const settings = useApi('settings.get', {});
  const locale = i18n.language as Locale;
  const value = useMemo<Prefs | null>(() => {
    if (!settings.data) return null;
    const s = settings.data;
    return {
      locale,
      settings: s,
      money: (minor) => formatMoney(minor, s.currency, locale),
      date: (iso) => formatDate(iso, locale),
      dateTime: (stamp) => formatDateTime(stamp, locale),
      month: (m, style) => formatMonth(m, locale, style),
      number: (v, d) => formatNumber(v, locale, d),
      percent: (r, d) => formatPercent(r, locale, d),
      compact: (v) => formatCompactNumber(v, locale),
      compactMoney: (minor) => formatCompactMoney(minor, s.currency, locale),
    };
  }, [settings.data, locale]);
  if (settings.error) throw settings.error;
  if (!value) return null;
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): Prefs {
  const prefs = useContext(PrefsContext);
  if (!prefs) throw new Error('usePrefs must be used inside PrefsProvider');
  return prefs;
}
