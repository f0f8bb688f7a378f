import type { Locale } from '../contract/system';

/**
 * Maps an OS or browser language tag to one of Pledgebook's locales: Traditional Chinese for
 * Taiwan, Hong Kong, Macau and any zh-Hant tag; Simplified for other Chinese; English otherwise.
 * The native menu (main) and the UI (renderer) both use this, so they never disagree.
 */
export function matchLocale(tag: string | undefined): Locale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('zh')) {
    return /hant|-tw|-hk|-mo/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  return 'en';
}
