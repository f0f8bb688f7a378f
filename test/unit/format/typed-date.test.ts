import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../shared/format/typed-date';
import { formatDate } from '../../../shared/format/format';

describe('parseTypedDate: a date typed into a date field', () => {
  it('reads ISO and year-first dates in every language', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
      expect(parseTypedDate('2026-12-03', locale)).toBe('2026-12-03');
      expect(parseTypedDate('2026/12/3', locale)).toBe('2026-12-03');
      expect(parseTypedDate('2026.1.05', locale)).toBe('2026-01-05');
      expect(parseTypedDate(' 2026年12月3日 ', locale)).toBe('2026-12-03');
      expect(parseTypedDate('20261203', locale)).toBe('2026-12-03');
    }
  });

  it('reads a year-last date month first in English, and refuses it in Chinese', () => {
    expect(parseTypedDate('12/03/2026', 'en')).toBe('2026-12-03');
    expect(parseTypedDate('2/7/2026', 'en')).toBe('2026-02-07');
    expect(parseTypedDate('12/03/2026', 'zh-CN')).toBeNull();
    expect(parseTypedDate('03/12/2026', 'zh-TW')).toBeNull();
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(parseTypedDate('2026-02-29', 'en')).toBeNull();
    expect(parseTypedDate('2024-02-29', 'en')).toBe('2024-02-29');
    expect(parseTypedDate('2026-13-01', 'zh-CN')).toBeNull();
    expect(parseTypedDate('02/17/0684x', 'en')).toBeNull();
    expect(parseTypedDate('', 'en')).toBeNull();
    expect(parseTypedDate('tomorrow', 'en')).toBeNull();
  });

  it('reads back whatever formatDate writes, in each language', () => {
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
      for (const iso of ['2026-01-05', '2026-12-31', '2024-02-29', '1999-07-01']) {
        expect(parseTypedDate(formatDate(iso, locale), locale)).toBe(iso);
      }
    }
  });
});
