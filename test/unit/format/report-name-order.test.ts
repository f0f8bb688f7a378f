import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../../shared/contract';
import { inReadersOrder } from '../../../shared/reports/name-order';

const collector = (name: string) => ({ collector: name, contacts: 1, promisesDue: 0, kept: 0, broken: 0 });
const borrower = (name: string, outstanding: number) => ({
  borrower: name,
  borrowerIdMasked: '110***********1234',
  outstanding,
  share: '0.1000',
});

// Only the two lists ordered by name matter here; the rest of the report passes through.
const report = {
  month: '2026-05',
  concentration: {
    top: [borrower('王小明', 500), borrower('林美玲', 900), borrower('黃志明', 500)],
    topShare: '0.3000',
  },
  activity: { collectors: [collector('林美玲'), collector('王小明'), collector('黃志明')] },
} as unknown as MonthlyReport;

describe("the monthly report's names in the reader's order", () => {
  it('orders collectors by pinyin in zh-CN and by strokes in zh-TW', () => {
    const names = (locale: 'zh-CN' | 'zh-TW') =>
      inReadersOrder(report, locale).activity.collectors.map((c) => c.collector);
    expect(names('zh-CN')).toEqual(['黃志明', '林美玲', '王小明']);
    expect(names('zh-TW')).toEqual(['王小明', '林美玲', '黃志明']);
  });

  it('keeps the top borrowers by amount, and equal amounts by name', () => {
    const top = (locale: 'zh-CN' | 'zh-TW') =>
      inReadersOrder(report, locale).concentration.top.map((b) => b.borrower);
    expect(top('zh-CN')).toEqual(['林美玲', '黃志明', '王小明']);
    expect(top('zh-TW')).toEqual(['林美玲', '王小明', '黃志明']);
    expect(report.activity.collectors[0]!.collector).toBe('林美玲');
  });
});
