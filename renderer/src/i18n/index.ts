import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { wordSchemaIssuesWith, type Locale } from '../../../shared/contract';
import { I18N_OPTIONS, resources } from '../../../shared/i18n/resources';
import { matchLocale } from '../../../shared/i18n/match-locale';

export { matchLocale };

export function systemLocale(): Locale {
  return matchLocale(navigator.languages?.[0] ?? navigator.language);
}

/**
 * Forms word every issue from its code (components/worded-resolver.ts); zod's locales follow the UI
 * language only for text zod words itself anywhere else. The project's own checks carry a code and
 * are worded from the `errors` resources.
 */
const ZOD_LOCALES = { en: z.locales.en, 'zh-CN': z.locales.zhCN, 'zh-TW': z.locales.zhTW } satisfies Record<
  Locale,
  () => Parameters<typeof z.config>[0]
>;

function applyZodLocale(locale: Locale): void {
  z.config(ZOD_LOCALES[locale]());
}

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  applyZodLocale(locale);
  // The contract's own checks word their codes like the service's refusals, figures as they are.
  wordSchemaIssuesWith(
    (code, params) => i18next.t(`errors.${code}` as never, params as never) as unknown as string,
  );
  await i18next
    .use(initReactI18next)
    .init({ ...I18N_OPTIONS, ns: [...I18N_OPTIONS.ns], resources, lng: locale });
  document.documentElement.lang = locale;
  return i18next;
}

export async function switchLocale(locale: Locale): Promise<void> {
  applyZodLocale(locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
