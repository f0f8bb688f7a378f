import { describe, expect, it } from 'vitest';
import { checkChart, codeReusedAcrossMonths, DEFAULT_CHART, type Chart } from '../../../shared/ledger/chart';
import type { JournalEntry } from '../../../shared/ledger/journal';
import { trialBalance, withRetainedEarnings, tie } from '../../../shared/ledger/trial-balance';
import { voucherLines } from '../../../shared/ledger/vouchers';
import { computeStatement } from '../../../shared/engine';
import { interestReceivable } from '../../../shared/ledger/accrual';

const withCode = (role: keyof Chart, code: string, chart: Chart = DEFAULT_CHART): Chart => ({
  ...chart,
  [role]: { ...chart[role], code },
});

describe('the chart of accounts', () => {
  it('takes the default chart', () => {
    expect(checkChart(DEFAULT_CHART)).toEqual([]);
  });

  it('refuses a code used twice, naming both accounts', () => {
    expect(checkChart(withCode('interestIncome', '1303'))).toEqual([
      { code: 'ledger.codeUsedTwice', role: 'interestIncome', params: { code: '1303', first: 'loans' } },
    ]);
  });

  it('refuses a code a package cannot take and an account without a name', () => {
    expect(checkChart(withCode('bank', '10 02'))[0]).toMatchObject({
      code: 'ledger.accountCode',
      role: 'bank',
    });
    expect(checkChart(withCode('bank', '1002.01'))).toEqual([]);
    const unnamed = {
      ...DEFAULT_CHART,
      fee: undefined,
      feeIncome: { ...DEFAULT_CHART.feeIncome, name: ' ' },
    };
    expect(checkChart(unnamed as Chart)[0]).toMatchObject({ code: 'ledger.accountName', role: 'feeIncome' });
  });

  it('refuses a code that meant another account in a closed month, and takes a new one', () => {
    const october = { month: '2026-10', chart: DEFAULT_CHART };
    // 6011 was interest income in October: it cannot become the penalty account now.
    const swapped = withCode('penaltyIncome', '6011', withCode('interestIncome', '6011.01'));
    expect(codeReusedAcrossMonths([october], swapped)).toEqual({
      code: 'ledger.codeMeantOther',
      role: 'penaltyIncome',
      params: { code: '6011', month: '2026-10', other: 'interestIncome' },
    });
    expect(codeReusedAcrossMonths([october], withCode('penaltyIncome', '6011.02'))).toBeNull();
  });
});

const payment = (key: string, date: string, principal: number, interest: number): JournalEntry => ({
  key,
  date,
  kind: 'payment',
  loanId: 1,
  loanNumber: `PB-${key}`,
  reference: `R-${key}`,
  lines: [
    { account: 'bank', debit: principal + interest, credit: 0 },
    { account: 'loans', debit: 0, credit: principal },
    { account: 'interestIncome', debit: 0, credit: interest },
  ],
});

describe('vouchers', () => {
  const entries = [
    payment('2', '2026-03-02', 900, 100),
    payment('1', '2026-03-02', 450, 50),
    payment('3', '2026-03-05', 10, 1),
  ];
  const summarize = (kind: string, group: readonly JournalEntry[]) => `${kind}×${group.length}`;

  it('one per day and kind adds the lines up per account, debits first, numbered in date order', () => {
    const lines = voucherLines(entries, DEFAULT_CHART, 'day-kind', '记', summarize);
    expect(
      lines.map((l) => [l.date, l.number, l.summary, l.accountCode, l.accountName, l.debit, l.credit]),
    ).toEqual([
      ['2026-03-02', 1, 'payment×2', '1002', '银行存款', 1_500, 0],
      ['2026-03-02', 1, 'payment×2', '1303', '贷款', 0, 1_350],
      ['2026-03-02', 1, 'payment×2', '6011', '利息收入', 0, 150],
      ['2026-03-05', 2, 'payment×1', '1002', '银行存款', 11, 0],
      ['2026-03-05', 2, 'payment×1', '1303', '贷款', 0, 10],
      ['2026-03-05', 2, 'payment×1', '6011', '利息收入', 0, 1],
    ]);
    expect(lines.every((l) => l.word === '记' && l.loan === '')).toBe(true);
  });

  it('one per transaction keeps each entry its own voucher with its loan', () => {
    const lines = voucherLines(entries, DEFAULT_CHART, 'transaction', '记', summarize);
    expect([...new Set(lines.map((l) => `${l.number}:${l.loan}`))]).toEqual(['1:PB-2', '2:PB-1', '3:PB-3']);
    for (const n of [1, 2, 3]) {
      const own = lines.filter((l) => l.number === n);
      expect(own.reduce((s, l) => s + l.debit, 0)).toBe(own.reduce((s, l) => s + l.credit, 0));
    }
  });
});

describe('the trial balance', () => {
  it('opens income at zero, balances with the earlier months’ profit, and closes on the entries', () => {
    const openings = withRetainedEarnings({
      bank: -5_000,
      loans: 6_000,
      foreclosed: 0,
      interestReceivable: 0,
      otherReceivables: 0,
      provision: -60,
      otherPayables: 0,
      interestIncome: 0,
      penaltyIncome: 0,
      feeIncome: 0,
      impairmentLoss: 0,
      adminExpense: 0,
    });
    expect(openings.retainedEarnings).toBe(-940);
    const rows = trialBalance(openings, [payment('1', '2026-03-02', 450, 50)]);
    const row = (a: string) => rows.find((r) => r.account === a)!;
    expect(row('bank')).toEqual({ account: 'bank', opening: -5_000, debit: 500, credit: 0, closing: -4_500 });
    expect(row('loans').closing).toBe(5_550);
    expect(row('interestIncome')).toMatchObject({ opening: 0, credit: 50, closing: -50 });
    expect(rows.reduce((s, r) => s + r.closing, 0)).toBe(0);
    expect(rows.reduce((s, r) => s + r.opening, 0)).toBe(0);
  });

  it('names the loans behind a tie’s difference, largest first', () => {
    const t = tie('loans', 1_000, 900, [
      { loanId: 1, number: 'PB-1', difference: 0 },
      { loanId: 2, number: 'PB-2', difference: 30 },
      { loanId: 3, number: 'PB-3', difference: -70 },
    ]);
    expect(t.difference).toBe(100);
    expect(t.loans.map((l) => l.number)).toEqual(['PB-3', 'PB-2']);
  });
});

describe('interest receivable (the accrual basis)', () => {
  const installments = [
    { n: 1, dueDate: '2026-02-01', principal: 50_000, interest: 1_000 },
    { n: 2, dueDate: '2026-03-01', principal: 50_000, interest: 1_000 },
  ];
  const on = (asOf: string, payments: { date: string; amount: number }[] = []) =>
    interestReceivable(
      computeStatement({
        installments,
        penaltyDailyRatePercent: '0',
        graceDays: 0,
        payments,
        asOf,
        startDate: '2026-01-01',
      }),
      '2026-01-01',
    );

  it('is the running period’s interest to the day', () => {
    // 15 of the first period's 31 days: 1,000 × 15 / 31 = 483.87 → 484.
    expect(on('2026-01-16')).toBe(484);
  });

  it('adds the interest due and unpaid, and subtracts what was paid', () => {
    // Installment 1's 1,000, and 14 of the second period's 28 days: 500.
    expect(on('2026-02-15')).toBe(1_500);
    expect(on('2026-02-15', [{ date: '2026-02-01', amount: 51_000 }])).toBe(500);
  });

  it('goes negative by interest paid ahead of its period', () => {
    // 52,000 on day 9 (short of settling): installment 1's interest and principal, and the
    // second's 1,000 of interest, against 290 earned (1,000 × 9 / 31): −1,710.
    expect(on('2026-01-10', [{ date: '2026-01-10', amount: 52_000 }])).toBe(-1_710);
    // Enough to settle: the interest not yet earned is cancelled, nothing is left either way.
    expect(on('2026-01-10', [{ date: '2026-01-10', amount: 102_000 }])).toBe(0);
  });
});
