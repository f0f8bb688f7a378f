import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, SUPPORTED_LOCALES } from '../../../shared/contract';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NAMESPACES, resources as catalogues } from '../../../shared/i18n/resources';
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

/** Keys whose text is rightly the same in every language: codes, format names, language names. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'app.languages.en',
  'app.languages.zh-CN',
  'app.languages.zh-TW',
  'import.encodings.utf8',
  'import.encodings.gbk',
  'import.encodings.gb18030',
  'import.encodings.big5',
  'import.formats.xlsx',
  'import.formats.csv',
  'reports.dashboard.par30',
  'reports.dashboard.par90',
]);

/**
 * Latin words a Chinese text may carry: the product name, file formats, units, key names and
 * industry abbreviations a Chinese lender writes in Latin letters too, and the example of a code.
 */
const LATIN_ALLOWED = new Set(
  [
    'Pledgebook PAR PARx IFRS XLSX CSV Excel LTV VIN GPS PDF UTF PNG JPEG WebP GIF ISO GBK Big SQLite UTC SHA',
    // Office mode: the database server's product name, its URL scheme and its search extension.
    'PostgreSQL postgres pg_trgm trgm',
    'Ctrl Alt Shift Enter Esc Tab',
    'reached-callback',
  ]
    .join(' ')
    .split(' '),
);
/**
 * Runs of Latin letters (3 or more) outside what is code: {{placeholders}}, `commands` and tokens
 * mixing letters and digits (base64, SHA-256, UTF-8).
 */
const latinWords = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]+\b/g, ' ')
    .match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [];

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

  it.each(others)('%s is actually translated: no value is a copy of its English', (locale) => {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    const same = [...messages]
      .filter(([key, text]) => english.get(key) === text && !SAME_IN_EVERY_LANGUAGE.has(key))
      .map(([key]) => key);
    expect(same).toEqual([]);
  });

  it.each(others)('%s has no English words left in it, only codes, units and names', (locale) => {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    const leftovers = [...messages]
      .map(([key, text]) => ({ key, words: latinWords(String(text)).filter((w) => !LATIN_ALLOWED.has(w)) }))
      .filter((m) => m.words.length > 0 && !SAME_IN_EVERY_LANGUAGE.has(m.key));
    expect(leftovers).toEqual([]);
  });

  it('has a file for every namespace in every locale, and no file the loader leaves out', () => {
    const dir = join(__dirname, '../../../shared/i18n/locales');
    for (const locale of SUPPORTED_LOCALES) {
      const files = readdirSync(join(dir, locale))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .sort();
      expect(files, locale).toEqual([...NAMESPACES].sort());
    }
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
