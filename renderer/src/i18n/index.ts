import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/contract';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { zhTW } from './locales/zh-TW';

export const catalogues = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const;

/** Maps an OS/browser language tag to one of ours: Traditional for TW/HK/MO and zh-Hant. */
export function matchLocale(tag: string | undefined): Locale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('zh')) {
    return /hant|-tw|-hk|-mo/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  return 'en';
}

export function systemLocale(): Locale {
  return matchLocale(navigator.languages?.[0] ?? navigator.language);
}

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([k, v]) => [k, { translation: v }])),
    lng: locale,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18next;
}

export async function switchLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
