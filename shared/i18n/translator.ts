/**
 * A translator for code outside the window — the native menu, OS notifications, exports, letter
 * defaults, the CLI — reading the same JSON resources as the screens, through its own i18next
 * instance so a language chosen for an export never changes the language of the window.
 */
import { createInstance, type TFunction } from 'i18next';
import type { Locale } from '../contract/system';
import { I18N_OPTIONS, resources } from './resources';

const cache = new Map<Locale, TFunction>();

/** `t` for one locale, with the keys typed as on the renderer side (see i18next.d.ts). */
export function translator(locale: Locale): TFunction {
  const known = cache.get(locale);
  if (known) return known;
  const instance = createInstance();
  // With resources given and initAsync off, init finishes before it returns: no promise to await.
  void instance.init({ ...I18N_OPTIONS, ns: [...I18N_OPTIONS.ns], resources, lng: locale, initAsync: false });
  const t = instance.t.bind(instance) as TFunction;
  cache.set(locale, t);
  return t;
}
