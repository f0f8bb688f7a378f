import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/contract';
import { I18N_OPTIONS, resources } from '../../../shared/i18n/resources';
import { matchLocale } from '../../../shared/i18n/match-locale';

export { matchLocale };

export function systemLocale(): Locale {
  return matchLocale(navigator.languages?.[0] ?? navigator.language);
}

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next
    .use(initReactI18next)
    .init({ ...I18N_OPTIONS, ns: [...I18N_OPTIONS.ns], resources, lng: locale });
  document.documentElement.lang = locale;
  return i18next;
}

export async function switchLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
