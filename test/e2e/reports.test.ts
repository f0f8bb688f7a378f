import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import { monthlyReport } from '../../electron/services/reports/report.service';
import { formatAmount } from '../../shared/money';
import { pdfText, pdfToPngs, startHarness, type Harness } from './harness';

describe('dashboard and the monthly recovery report on a seeded book', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      today: '2026-06-30',
      locale: 'en-US',
      seed: async (app) => {
        await seedLoanBook(app.ctx, { loans: 400, seed: 11, asOf: '2026-06-30' });
        await app.handlers['settings.update']({ companyName: 'Harbour Credit Co.' });
      },
    });
  }, 120_000);
  afterAll(async () => h?.close());

  it('opens the dashboard with its key figures and three charts', async () => {
    await h.open('/');
    await h.page.getByTestId('dashboard-figures').waitFor();
    expect(await h.page.locator('.recharts-wrapper').count()).toBe(3);
    const expected = await h.app.handlers['reports.dashboard']({});
    expect(await h.page.getByTestId('dashboard-figures').textContent()).toContain(
      `CN¥${Number(formatAmount(expected.outstanding)).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    await h.screenshot('dashboard');
  });

  it('prints May to an A4 PDF whose totals match the service, with masked IDs and a header on every page', async () => {
    await h.open('/reports');
    await h.page.getByLabel('Month', { exact: true }).selectOption('2026-05');
    await h.page.getByTestId('collected-total').waitFor();
    await h.screenshot('report-screen');
    const pdf = await h.pdf('monthly-report-2026-05');
    const text = pdfText(pdf);
    const report = await monthlyReport(h.app.ctx, '2026-05');
    const money = (minor: number) =>
      Number(formatAmount(minor)).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(text).toContain(money(report.collections.total));
    expect(text).toContain(money(report.summary.outstanding));
    for (const top of report.topOverdue.slice(0, 3)) expect(text).toContain(top.borrowerIdMasked);
    expect(text).not.toMatch(/\b\d{17}[\dX]\b/); // no whole resident ID anywhere
    const pages = pdfToPngs(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages.length; p++) {
      const t = pdfText(pdf, p);
      expect(t, `page ${p} header`).toContain('Harbour Credit Co.');
      expect(t, `page ${p} footer`).toContain(`Page ${p} of ${pages.length}`);
    }
    expect(h.consoleErrors).toEqual([]);
  });
});
