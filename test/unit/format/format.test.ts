import { describe, expect, it } from 'vitest';
import {
  compareNames,
  formatDateTime,
  formatCompactMoney,
  formatDate,
  formatMonth,
  formatLongDate,
  formatMoney,
} from '../../../shared/format/format';

describe('formatting as Chinese lenders write', () => {
  it('writes dates as 2026/11/20 in tables and 2026年11月20日 in documents', () => {
    expect(formatDate('2026-11-20', 'zh-CN')).toBe('2026/11/20');
    expect(formatDate('2026-11-20', 'zh-TW')).toBe('2026/11/20');
    expect(formatLongDate('2026-11-20', 'zh-CN')).toBe('2026年11月20日');
    expect(formatLongDate('2026-11-20', 'zh-TW')).toBe('2026年11月20日');
    expect(formatLongDate('2026-11-20', 'en')).toBe('20 November 2026');
  });

  it('never moves a date with the time zone, and leaves what is not a date as it is', () => {
    expect(formatDate('2026-01-01', 'zh-CN')).toBe('2026/01/01');
    expect(formatLongDate('2026-12-31', 'zh-CN')).toBe('2026年12月31日');
    expect(formatLongDate('soon', 'zh-CN')).toBe('soon');
  });

  it('prints ¥ in zh-CN and NT$ for Taiwan dollars in zh-TW, to the cent', () => {
    expect(formatMoney(99_999_999_999_999, 'CNY', 'zh-CN')).toBe('¥999,999,999,999.99');
    expect(formatMoney(5_737_00, 'TWD', 'zh-TW')).toBe('NT$5,737.00');
    expect(formatMoney(-5, 'TWD', 'zh-TW')).toBe('-NT$0.05');
  });

  it('shortens large figures with 万 and 亿 in Chinese, M in English', () => {
    expect(formatCompactMoney(33_382_302_111, 'CNY', 'zh-CN')).toBe('¥3.338亿');
    expect(formatCompactMoney(1_500_000_00, 'CNY', 'zh-CN')).toBe('¥150万');
    expect(formatCompactMoney(33_382_302_111, 'CNY', 'zh-TW')).toBe('CN¥3.338億');
    expect(formatCompactMoney(33_382_302_111, 'CNY', 'en')).toBe('CN¥333.8M');
  });
});

describe('names in the reader’s order', () => {
  it('uses pinyin in zh-CN, strokes in zh-TW and the alphabet in English', () => {
    const names = ['王芳', '张伟', '李强', '赵敏', '安然'];
    expect([...names].sort((a, b) => compareNames(a, b, 'zh-CN'))).toEqual([
      '安然',
      '李强',
      '王芳',
      '张伟',
      '赵敏',
    ]);
    expect([...names].sort((a, b) => compareNames(a, b, 'zh-TW'))).toEqual([
      '王芳',
      '安然',
      '张伟',
      '李强',
      '赵敏',
    ]);
    expect(['wang', 'Li', 'an'].sort((a, b) => compareNames(a, b, 'en'))).toEqual(['an', 'Li', 'wang']);
  });
});

describe('moments in the one date format', () => {
  it('writes the day as formatDate does and keeps the wall-clock time', () => {
    expect(formatDateTime('2026-06-14 23:00', 'en')).toBe('06/14/2026 23:00');
    expect(formatDateTime('2026-06-14T23:05:09.000Z', 'zh-CN')).toBe('2026/06/14 23:05');
    expect(formatDateTime('2026-06-14 23:00', 'zh-TW')).toBe('2026/06/14 23:00');
  });
});

describe('months in the one date format', () => {
  it('writes a month as the table date without its day, and long in headings', () => {
    expect(formatMonth('2026-05', 'zh-CN')).toBe('2026/05');
    expect(formatMonth('2026-05', 'zh-TW')).toBe('2026/05');
    expect(formatMonth('2026-05', 'en')).toBe('05/2026');
    expect(formatMonth('2026-05', 'zh-CN', 'long')).toBe('2026年5月');
    expect(formatMonth('2026-05', 'en', 'long')).toBe('May 2026');
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
  });
});
