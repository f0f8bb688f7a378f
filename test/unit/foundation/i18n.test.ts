import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, SUPPORTED_LOCALES } from '../../../shared/contract';
import { resources as catalogues } from '../../../shared/i18n/resources';
import { matchLocale } from '../../../shared/i18n/match-locale';

type Tree = { [key: string]: string | Tree };

/** Every message as `path.to.key` → text. Non-string leaves are kept so they can be reported. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/**
 * i18next plural forms differ by language (English has _one/_other, Chinese only _other), so
 * `rows_one` and `rows_other` both count as the key `rows` when comparing locales.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (messages: Map<string, unknown>) =>
  new Set([...messages.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const english = flatten(catalogues.en as unknown as Tree);
const others = SUPPORTED_LOCALES.filter((l) => l !== 'en');

describe('the message catalogues', () => {
  it('exist for exactly the supported locales', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it.each([...SUPPORTED_LOCALES])('%s has no missing, empty or non-text message', (locale) => {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    const bad = [...messages].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(bad).toEqual([]);
    expect(messages.size).toBeGreaterThan(0);
  });

  it.each(others)('%s has every key English has, and no others', (locale) => {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    const mine = baseKeys(messages);
    const reference = baseKeys(english);
    expect(
      [...reference].filter((k) => !mine.has(k)),
      'missing keys',
    ).toEqual([]);
    expect(
      [...mine].filter((k) => !reference.has(k)),
      'extra keys',
    ).toEqual([]);
  });

  it.each(others)('%s uses the same {{placeholders}} as English in every message', (locale) => {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    const englishByBase = new Map(
      [...english].map(([k, v]) => [k.replace(PLURAL, ''), placeholders(String(v))]),
    );
    const mismatched = [...messages]
      .map(([key, text]) => ({
        key,
        mine: placeholders(String(text)),
        english: englishByBase.get(key.replace(PLURAL, '')),
      }))
      .filter((m) => JSON.stringify(m.mine) !== JSON.stringify(m.english));
    expect(mismatched).toEqual([]);
  });

  it.each(others)('%s is actually translated, not a copy of English', (locale) => {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    const same = [...messages].filter(([key, text]) => english.get(key) === text).map(([key]) => key);
    // Proper names and the language picker may legitimately stay the same.
    expect(same.filter((k) => !k.startsWith('app.languages.') && k !== 'app.name').length).toBeLessThan(
      messages.size / 10,
    );
  });

  it.each([...SUPPORTED_LOCALES])('%s explains every API error code', (locale) => {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    const missing = API_ERROR_CODES.filter((code) => !messages.get(`common.errors.codes.${code}`));
    expect(missing).toEqual([]);
  });

  it('names each language in its own script in the language picker', () => {
    for (const locale of SUPPORTED_LOCALES) {
      expect(flatten(catalogues[locale] as unknown as Tree).get('app.languages.zh-TW')).toBe('繁體中文');
      expect(flatten(catalogues[locale] as unknown as Tree).get('app.languages.zh-CN')).toBe('简体中文');
    }
  });
});

describe('choosing the UI language from the OS', () => {
  it.each([
    ['en-US', 'en'],
    [undefined, 'en'],
    ['de', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
  ] as const)('%s → %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });
});
