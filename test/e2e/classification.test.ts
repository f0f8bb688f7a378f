import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import type { Actor } from '../../electron/services/auth/actor';
import { pdfText, startHarness, type Harness } from './harness';

/**
 * Risk classification as a Chinese lender meets it, at 1366×768 on a seeded book: the grade and
 * its reasons on a loan page, the rates in Settings → Accounting (a rate over 100% refused in
 * Chinese, naming the grade), and the report's classification section printed to A4.
 */
const TODAY = '2026-06-30';
const ENGLISH = /[A-Za-z]{3,}/;
const ZHANG: Actor = { userId: 2, username: 'zhang', displayName: '张伟', role: 'manager' };
const CHEN: Actor = { userId: 3, username: 'chen', displayName: '陈杰', role: 'owner' };

describe('risk classification in Chinese', () => {
  let h: Harness;
  let substandardLoan = 0;
  beforeAll(async () => {
    h = await startHarness({
      today: TODAY,
      locale: 'zh-CN',
      seed: async (app) => {
        await seedLoanBook(app.ctx, { loans: 300, seed: 11, asOf: TODAY });
      },
    });
    await h.page.setViewportSize({ width: 1366, height: 768 });
    const book = await h.app.handlers['reports.classification']({ perLoan: true });
    substandardLoan = book.perLoan!.find((l) => l.grade === 'substandard')!.loanId;
  }, 120_000);
  afterAll(async () => h?.close());

  it('says on the loan page which grade, why, and the provision', async () => {
    await h.open(`/loans/${substandardLoan}`);
    const line = h.page.getByTestId('risk-explanation');
    await line.waitFor();
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(/风险分类\s*次级/);
    expect(text).toMatch(/逾期 \d+ 天：次级/);
    expect(text).toContain('拨备 25% ×');
    expect(text).not.toMatch(ENGLISH);
    // How it got there: its grade at each month end it changed, the months written the Chinese way.
    const history = h.page.getByTestId('grade-history');
    await history.waitFor();
    const expected = await h.app.handlers['loans.gradeHistory']({ loanId: substandardLoan });
    expect(expected.length).toBeGreaterThan(0);
    const historyText = (await history.textContent()) ?? '';
    expect(historyText).toContain('月末分类变化：');
    expect(historyText.split(' → ')).toHaveLength(expected.length);
    expect(historyText).toContain(`${expected[0]!.month.replace('-', '/')} `);
    expect(historyText).not.toContain(expected[0]!.month);
  });

  it('refuses a rate over 100% in Chinese naming the grade, then applies a new rate to the loan', async () => {
    const { page } = h;
    await h.open('/settings/accounting');
    await page.getByLabel('损失的拨备比例（%）').fill('150');
    await page.getByRole('button', { name: '保存分类设置' }).click();
    const refusal = page.getByText('损失的拨备比例必须在 0% 到 100% 之间', { exact: false });
    await refusal.waitFor();
    expect(await refusal.textContent()).not.toMatch(ENGLISH);
    expect((await h.app.handlers['settings.get']({})).riskRules.provisionPercent.loss).toBe('100');
    await h.screenshot('settings-accounting-refused-zh-CN');

    await page.getByLabel('损失的拨备比例（%）').fill('100');
    await page.getByLabel('次级的拨备比例（%）').fill('30');
    await page.getByRole('button', { name: '保存分类设置' }).click();
    await page.getByText('已保存，自本月起生效。').waitFor();
    await h.open(`/loans/${substandardLoan}`);
    await page.getByText('拨备 30% ×', { exact: false }).waitFor();
  });

  it('a manager overrides the grade with a reason, and it applies once a second manager approves', async () => {
    const { page } = h;
    const openAs = async (actor: Actor, route: string) => {
      h.app.session.signIn(actor);
      await h.open(route);
      await page.reload();
      await page.locator('nav').first().waitFor();
    };
    await openAs(ZHANG, `/loans/${substandardLoan}`);
    await page.getByRole('button', { name: '调整分类…' }).click();
    await page.getByRole('dialog').getByLabel('分类').selectOption('doubtful');
    await page.getByRole('dialog').getByLabel('原因（必填）').fill('借款人已失联');
    await page.getByRole('button', { name: '提交审批' }).click();
    const pending = page.getByTestId('override-pending');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('等待另一位经理审批：可疑，由张伟提出（借款人已失联）');

    await openAs(CHEN, '/settings/approvals');
    const row = page.getByRole('row').filter({ hasText: '风险分类调整' });
    expect(await row.textContent()).toContain('→ 可疑：借款人已失联');
    await row.getByRole('button', { name: '批准' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await row.waitFor({ state: 'detached' });

    await h.open(`/loans/${substandardLoan}`);
    const line = page.getByTestId('risk-explanation');
    await line.getByText('经理调整为可疑：借款人已失联').waitFor();
    expect(await line.getByTestId('risk-grade').textContent()).toBe('可疑');
    expect(await line.textContent()).toContain('由陈杰批准');
    await h.screenshot('loan-grade-override-zh-CN');
  });

  it('prints the report’s classification section on A4, its figures those of the service', async () => {
    const { page } = h;
    await h.open('/reports');
    await page.getByLabel('月份', { exact: true }).selectOption('2026-05');
    await page.getByTestId('classification-grades').waitFor();
    const report = await h.app.handlers['reports.monthly']({ month: '2026-05' });
    const pdf = await h.pdf('classification-2026-05-zh-CN');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('风险分类与拨备');
    expect(text).toContain('分类迁徙');
    expect(text).toContain('不良贷款率');
    const yuan = (minor: number) => `¥${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(text).toContain(yuan(report.classification.provision));
    expect(text).toContain(yuan(report.classification.movement.opening));
    expect(h.consoleErrors).toEqual([]);
  });
});
