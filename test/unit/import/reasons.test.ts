import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n/resources';
import {
  REJECTION_CODES,
  REJECTION_TEXT_EN,
  fillTemplate,
  rejection,
  rejectionKey,
} from '../../../shared/import/reasons';

const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('rejection codes', () => {
  it.each(LANGUAGES)('every code has a text in %s that uses the same parameters as the English', (lang) => {
    const texts = (resources[lang].import as { reject: Record<string, string> }).reject;
    for (const code of REJECTION_CODES) {
      const text = texts[rejectionKey(code)];
      expect(text, code).toMatch(/\S/);
      expect(placeholders(text!), code).toEqual(placeholders(REJECTION_TEXT_EN[code]));
    }
    expect(Object.keys(texts).sort()).toEqual(REJECTION_CODES.map(rejectionKey).sort());
  });

  it('builds the English reason from the code and parameters', () => {
    expect(rejection('loan.repeated', { number: 'E-01', sheet: '贷款', row: 2 })).toEqual({
      code: 'loan.repeated',
      params: { number: 'E-01', sheet: '贷款', row: 2 },
      reason: 'loan E-01 already appears in 贷款 row 2',
    });
    expect(fillTemplate('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
  });
});
