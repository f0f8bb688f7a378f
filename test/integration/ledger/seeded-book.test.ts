/**
 * The ledger of a seeded book (600 loans over three years, with a year of collections work:
 * plans, legal cases, write-offs, repossessions), month by month, on both bases: every month
 * balances and ties, and each month opens where the one before closed.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { addMonthsClamped, monthOf } from '../../../shared/dates';
import { DEFAULT_CHART, DEFAULT_LEDGER, PROFIT_AND_LOSS } from '../../../shared/ledger/chart';
import { formatAmount } from '../../../shared/money';
import { openTestAppWithClock, rawSql, type TestApp } from '../../support/test-app';

const SEEDED_ON = '2026-11-20';
/** November's sale and recovery are in the book: the month has ended since. */
let today = SEEDED_ON;
let app: TestApp;
let months: string[];

const ledger = (month: string) => app.call('ledger.month', { month, limit: 1, offset: 0 });

beforeAll(async () => {
  app = await openTestAppWithClock({ today: () => today, now: () => `${today}T09:00:00.000Z` });
  await seedLoanBook(app.ctx, { loans: 600, seed: 7, asOf: SEEDED_ON, activity: true });
  today = '2026-12-02';
  const first = await rawSql(app.ctx.db).all<{ d: string }>('SELECT min(start_date) AS d FROM loans');
  months = [];
  for (let m = monthOf(first[0]!.d); m < monthOf(today); m = monthOf(addMonthsClamped(`${m}-01`, 1)))
    months.push(m);
}, 180_000);
afterAll(async () => app.dispose());

/**
 * The ledger carries on from month to month: each account opens where it closed, except income
 * and expenses, which the month before's profit carries into retained earnings.
 */
async function expectEveryMonthToTieAndCarryOn() {
  let before: Awaited<ReturnType<typeof ledger>> | null = null;
  for (const month of months) {
    const m = await ledger(month);
    expect({ month, ties: m.ties.filter((t) => t.difference !== 0) }).toEqual({ month, ties: [] });
    expect(m.totals.debit).toBe(m.totals.credit);
    expect(m.trialBalance.reduce((s, r) => s + r.closing, 0)).toBe(0);
    if (before) {
      const closed = new Map(before.trialBalance.map((r) => [r.account, r.closing]));
      const profit = before.trialBalance
        .filter((r) => PROFIT_AND_LOSS.includes(r.account))
        .reduce((s, r) => s + r.closing, 0);
      for (const r of m.trialBalance) {
        const expected = PROFIT_AND_LOSS.includes(r.account)
          ? 0
          : r.account === 'retainedEarnings'
            ? closed.get(r.account)! + profit
            : closed.get(r.account)!;
        expect({ month, account: r.account, opening: r.opening }).toEqual({
          month,
          account: r.account,
          opening: expected,
        });
      }
    }
    before = m;
  }
}

describe('the ledger of a seeded book', () => {
  it('posts every kind of event the book has: write-off, recovery, sale, legal costs, plans', async () => {
    expect(months.length).toBeGreaterThan(24);
    const seen = new Map<string, number>();
    for (const kind of [
      'disbursement',
      'payment',
      'writeOff',
      'recovery',
      'collateralSale',
      'saleCosts',
      'legalCharge',
      'repossession',
    ] as const) {
      let n = 0;
      for (const month of months)
        n += (await app.call('ledger.month', { month, kind, limit: 1, offset: 0 })).matching;
      seen.set(kind, n);
    }
    expect([...seen].filter(([, n]) => n === 0)).toEqual([]);
  }, 60_000);

  it('ties and carries on every month on the cash basis', async () => {
    await expectEveryMonthToTieAndCarryOn();
  }, 180_000);

  it('holds loans receivable equal to the monthly report’s outstanding principal', async () => {
    for (const month of months.slice(-4)) {
      const [m, report] = [await ledger(month), await app.call('reports.monthly', { month })];
      expect(m.trialBalance.find((r) => r.account === 'loans')!.closing).toBe(report.summary.outstanding);
      expect(-m.trialBalance.find((r) => r.account === 'interestIncome')!.closing).toBeGreaterThanOrEqual(0);
    }
  }, 60_000);

  it('exports vouchers a spreadsheet reader reads back with the same totals', async () => {
    const month = months.at(-1)!;
    const m = await app.call('ledger.month', { month, limit: 1000, offset: 0 });
    const file = await app.call('ledger.export', {
      month,
      format: 'xlsx',
      preset: 'kingdee',
      language: 'zh-CN',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '日期',
      '凭证字',
      '凭证号',
      '摘要',
      '科目代码',
      '科目名称',
      '借方金额',
      '贷方金额',
    ]);
    let debit = 0;
    let credit = 0;
    const codes = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      debit += Math.round(Number(row.getCell(7).value ?? 0) * 100);
      credit += Math.round(Number(row.getCell(8).value ?? 0) * 100);
      codes.add(String(row.getCell(5).value));
    });
    expect(debit).toBe(m.totals.debit);
    expect(credit).toBe(m.totals.credit);
    expect(codes.has(DEFAULT_CHART.loans.code)).toBe(true);
    expect(m.entries.length).toBeGreaterThan(50);

    // CSV with the accountant's own columns, per transaction: the loan numbers come along.
    await app.call('settings.update', { ledger: { ...DEFAULT_LEDGER, vouchers: 'transaction' } });
    const csv = await app.call('ledger.export', {
      month,
      format: 'csv',
      preset: 'custom',
      columns: [
        { field: 'number', header: 'Voucher' },
        { field: 'accountCode', header: 'Account' },
        { field: 'debit', header: 'Dr' },
        { field: 'credit', header: 'Cr' },
        { field: 'loan', header: 'Loan' },
      ],
      language: 'en',
    });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(Object.keys(rows[0]!)).toEqual(['Voucher', 'Account', 'Dr', 'Cr', 'Loan']);
    const sum = (k: 'Dr' | 'Cr') => rows.reduce((s, r) => s + Math.round(Number(r[k] || 0) * 100), 0);
    expect(formatAmount(sum('Dr'))).toBe(formatAmount(m.totals.debit));
    expect(sum('Cr')).toBe(m.totals.credit);
    const payments = m.entries.filter((e) => e.kind === 'payment').length;
    expect(new Set(rows.map((r) => r.Voucher)).size).toBeGreaterThanOrEqual(payments);
    expect(rows.some((r) => r.Loan?.startsWith('PB-'))).toBe(true);
  }, 60_000);

  it('ties and carries on every month on the accrual basis', async () => {
    // Written straight to the settings (no history): every month, not only this one, on accrual.
    await rawSql(app.ctx.db).run(
      "UPDATE settings SET value = ? WHERE key = 'ledger'",
      JSON.stringify({ ...DEFAULT_LEDGER, basis: 'accrual' }),
    );
    await rawSql(app.ctx.db).run("DELETE FROM settings WHERE key = 'ledgerByMonth'");
    const m = await ledger(months.at(-1)!);
    expect(m.basis).toBe('accrual');
    expect(m.trialBalance.find((r) => r.account === 'interestReceivable')!.closing).toBeGreaterThan(0);
    await expectEveryMonthToTieAndCarryOn();
  }, 180_000);
});
