import { describe, expect, it } from 'vitest';
import {
  ERROR_CODES,
  ERROR_TEXT_EN,
  errorTextEn,
  placeholdersOf,
  type ErrorCode,
} from '../../../shared/contract/error-codes';
import { resources } from '../../../shared/i18n/resources';
import { SUPPORTED_LOCALES as LOCALES } from '../../../shared/contract/system';

const textOf = (locale: (typeof LOCALES)[number], code: ErrorCode): unknown => {
  const [group, name] = code.split('.') as [string, string];
  const errors = resources[locale].errors as Record<string, Record<string, unknown> | undefined>;
  return errors[group]?.[name];
};

const placeholders = (text: string) =>
  placeholdersOf(text)
    .map((p) => `${p.name}:${p.format ?? ''}`)
    .sort();

describe('error codes', () => {
  it.each(LOCALES)(
    'has a message for every code in %s, naming the same figures as the registry',
    (locale) => {
      for (const code of ERROR_CODES) {
        const text = textOf(locale, code);
        expect(typeof text, `${locale} ${code}`).toBe('string');
        expect(placeholders(text as string), `${locale} ${code}`).toEqual(placeholders(ERROR_TEXT_EN[code]));
      }
    },
  );

  it('words no code in Chinese with English left in it', () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      for (const code of ERROR_CODES) {
        const words = (textOf(locale, code) as string)
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(
            /Pledgebook|JPEG|PNG|GIF|WebP|XLSX|PDF|SHA-256|UTC|MB|base64|`pledgebook restore`|`office init`/g,
            '',
          )
          // Office mode: the server's product name, URL scheme and search extension.
          .replace(/PostgreSQL|postgres:\/\/|pg_trgm/g, '');
        expect(words, `${locale} ${code}`).not.toMatch(/[A-Za-z]{2,}/);
      }
    }
  });

  it('holds no message in the resources for a code the registry does not know', () => {
    for (const locale of LOCALES) {
      const errors = resources[locale].errors as Record<string, Record<string, unknown>>;
      const keys = Object.entries(errors).flatMap(([group, texts]) =>
        Object.keys(texts).map((k) => `${group}.${k}`),
      );
      expect(
        keys.filter((k) => !(k in ERROR_TEXT_EN)),
        locale,
      ).toEqual([]);
    }
  });

  it('writes the English log text with plain amounts and the figures filled in', () => {
    expect(
      errorTextEn('payment.aboveDue', { amount: 50_000_000, payoff: 9_169_600, date: '2026-06-01' }),
    ).toBe('500000.00 is more than the payoff on 2026-06-01 (91696.00)');
    expect(errorTextEn('vin.taken', { vin: 'LSVAM4187C2184847', id: 3, plate: '京A12345' })).toBe(
      'VIN LSVAM4187C2184847 is already recorded on another active item (#3, plate 京A12345)',
    );
  });
});
