import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import { sqliteOf } from '../../electron/services/context';
import { pdfText, pdfToPngs, startHarness, type Harness } from './harness';

/**
 * The general ledger as a Chinese lender's accountant meets it, at 1366×768 on a seeded book:
 * the chart of accounts in Settings → Accounting (a code used twice refused in Chinese, naming
 * both accounts), the Ledger page's ties, trial balance and journal with their figures those of
 * the service, and the page printed to A4.
 */
const TODAY = '2026-06-30';
const MONTH = '2026-05';
const ENGLISH = /[A-Za-z]{3,}/;
const yuan = (minor: number) =>
  `${minor < 0 ? '-' : ''}¥${(Math.abs(minor) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

describe('the ledger in Chinese', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      today: TODAY,
      locale: 'zh-CN',
      seed: async (app) => {
        await seedLoanBook(app.ctx, { loans: 300, seed: 11, asOf: TODAY, activity: true });
      },
    });
    await h.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => h?.close());

  it('refuses a code used twice in Chinese, naming both accounts, and keeps the chart', async () => {
    const { page } = h;
    await h.open('/settings/accounting');
    await page.getByLabel('手续费及佣金收入的科目代码').fill('1303');
    await page.getByRole('button', { name: '保存会计科目' }).click();
    const refusal = page.getByText('科目代码 1303 用了两次：贷款和手续费及佣金收入。');
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toMatch(ENGLISH);
    expect((await h.app.handlers['settings.get']({})).ledger.chart.feeIncome.code).toBe('6021');
    await h.screenshot('settings-chart-refused-zh-CN');
    await page.getByLabel('手续费及佣金收入的科目代码').fill('6021');
  });

  it('shows last month’s ties, trial balance and journal with the service’s figures', async () => {
    const { page } = h;
    await h.open('/ledger');
    const ties = page.getByTestId('ledger-ties');
    await ties.waitFor();
    expect(await page.getByLabel('月份', { exact: true }).inputValue()).toBe(MONTH);
    const ledger = await h.app.handlers['ledger.month']({ month: MONTH, offset: 0, limit: 100 });
    expect(ledger.ties.every((t) => t.difference === 0)).toBe(true);
    expect(await ties.locator('.badge-ok').count()).toBe(ledger.ties.length);
    expect(await ties.locator('tr.tie-differs').count()).toBe(0);

    const loans = ledger.trialBalance.find((r) => r.account === 'loans')!;
    const report = await h.app.handlers['reports.monthly']({ month: MONTH });
    expect(loans.closing).toBe(report.summary.outstanding);
    const loansRow = page.getByTestId('trial-balance').locator('tr[data-account="loans"]');
    expect(await loansRow.textContent()).toContain(`借 ${yuan(loans.closing)}`);
    expect(await loansRow.textContent()).toContain('1303 贷款');

    // Only the repayments, then only one loan's.
    await page.getByLabel('业务类型').selectOption('payment');
    const payments = await h.app.handlers['ledger.month']({
      month: MONTH,
      kind: 'payment',
      offset: 0,
      limit: 1,
    });
    await page
      .getByTestId('ledger-matching')
      .getByText(`${payments.matching.toLocaleString('zh-CN')} 笔中的`)
      .waitFor();
    const one = (await h.app.handlers['ledger.month']({ month: MONTH, kind: 'payment', offset: 0, limit: 1 }))
      .entries[0]!;
    await page.getByLabel('贷款编号').fill(one.loanNumber!);
    const journal = page.getByTestId('journal');
    await journal.getByText(one.loanNumber!).first().waitFor();
    const rows = await journal.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('收回贷款本息');
    expect(rows.join('\n')).toContain(yuan(one.lines[0]!.debit));
    expect(rows.join('\n')).not.toMatch(ENGLISH);
    await h.screenshot('ledger-zh-CN');
  });

  it('shows a tie that does not hold in red, with the loan that causes it', async () => {
    const { page } = h;
    // Bend one loan's month-end figure behind the ledger's back: the ties must catch it.
    const loan = (
      await h.app.handlers['ledger.month']({ month: MONTH, kind: 'payment', offset: 0, limit: 1 })
    ).entries[0]!;
    const db = sqliteOf(h.app.ctx);
    db.prepare(
      'UPDATE loan_month_ends SET outstanding_principal = outstanding_principal + 12345 WHERE loan_id = ? AND month = ?',
    ).run(loan.loanId, MONTH);
    await h.open('/ledger');
    await page.getByLabel('业务类型').selectOption('all');
    const differs = page.getByTestId('ledger-ties').locator('tr.tie-differs[data-tie="loans"]');
    await differs.waitFor();
    const text = (await differs.textContent()) ?? '';
    expect(text).toContain('相差');
    expect(text).toContain(loan.loanNumber!);
    const color = await h.page.evaluate(
      `getComputedStyle(document.querySelector('tr.tie-differs[data-tie="loans"] th')).color`,
    );
    expect(color).toBe('rgb(180, 35, 24)');
    await h.screenshot('ledger-tie-differs-zh-CN');
    db.prepare(
      'UPDATE loan_month_ends SET outstanding_principal = outstanding_principal - 12345 WHERE loan_id = ? AND month = ?',
    ).run(loan.loanId, MONTH);
  });

  it('prints the ledger on A4 with the trial balance and ties', async () => {
    const { page } = h;
    // A fresh window: the screen reads the book as it is now (the test before bent and mended it).
    await h.open('/ledger');
    await page.reload();
    await page.getByTestId('trial-balance').waitFor();
    await page.getByTestId('ledger-ties').locator('.badge-ok').first().waitFor();
    const ledger = await h.app.handlers['ledger.month']({ month: MONTH, offset: 0, limit: 1 });
    const pdf = await h.pdf(`ledger-${MONTH}-zh-CN`);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('试算平衡表');
    expect(text).toContain('勾稽核对');
    expect(text).toContain('总账 · 2026年5月 · 收付实现制');
    expect(text).toContain('第 1 页');
    const bank = ledger.trialBalance.find((r) => r.account === 'bank')!;
    expect(text).toContain(yuan(bank.debit));
    expect(text).not.toContain('导出凭证');
    expect(pdfToPngs(pdf).length).toBeGreaterThan(0);
    expect(h.consoleErrors).toEqual([]);
  });
});
