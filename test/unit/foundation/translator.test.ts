import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n/translator';

describe('the main-side translator reads the same resources as the screens', () => {
  it('counts in English with singular and plural forms, so there is no "1 loans"', () => {
    const t = translator('en');
    expect(t('loans.count', { count: 1, formatted: '1' })).toBe('1 loan');
    expect(t('loans.count', { count: 2, formatted: '2' })).toBe('2 loans');
    expect(t('reports.dashboard.loans', { count: 1, overdue: 0 })).toBe('1 loan in the book, 0 overdue');
    expect(t('loans.dpdExplain', { n: 1, date: '2026/06/01', count: 1 })).toBe(
      'Installment 1 due 2026/06/01 is unpaid: 1 day past due.',
    );
  });

  it('uses the one Chinese form for any count', () => {
    expect(translator('zh-CN')('collections.count', { count: 1 })).toBe(
      translator('zh-CN')('collections.count', { count: 5 }).replace('5', '1'),
    );
    expect(translator('zh-TW')('common.rows', { count: 3 })).toContain('3');
    expect(translator('zh-TW')('common.rows', { count: 3 })).not.toMatch(/rows/);
  });

  it('keeps one instance per language, so an export in English leaves Chinese untouched', () => {
    expect(translator('en')('app.menu.quit')).toBe('Quit');
    expect(translator('zh-CN')('app.menu.quit')).toBe('退出');
    expect(translator('zh-TW')('app.menu.quit')).toBe('結束');
    expect(translator('en')('app.menu.quit')).toBe('Quit');
  });
});
