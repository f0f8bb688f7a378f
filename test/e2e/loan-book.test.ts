import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { pdfText, pdfToPngs, startHarness, type Harness } from './harness';

/**
 * Given today is 2026-06-15, a clerk creates a borrower and a car-title loan of 60,000 at 12% over
 * 12 months (annuity) disbursed 2026-03-10, penalty 0.05% a day, 3 grace days. The borrower pays
 * 3,000 late, on 2026-05-20.
 *
 * Worked by hand:
 *   A = round(60000 × 0.01 × 1.01^12 / (1.01^12 − 1)) = 5,330.93; installment 1 is due 2026-04-10,
 *   interest = 600.00, principal 4,730.93.
 *   Penalty on installment 1 through 2026-05-20: 40 days × 5,330.93 × 0.0005 = 106.6186 → 106.62.
 *   The 3,000 pays installment 1: penalty 106.62, interest 600.00, principal 3000 − 706.62 = 2,293.38.
 *   On 2026-06-15 installment 1 is still short, so DPD = 2026-06-15 − 2026-04-10 = 66 → bucket 61-90.
 */
describe('the loan book, end to end in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'en-US' });
  });
  afterAll(async () => h?.close());

  it('creates a borrower and a car-title loan, previews a late partial payment, posts it and prints the receipt', async () => {
    const { page } = h;
    await h.open('/borrowers');
    await page.getByRole('button', { name: 'New borrower' }).click();
    await page.getByLabel('Name').fill('Wang Fang');
    await page.getByLabel('ID number').fill('110101199003071234');
    await page.getByLabel('Phone', { exact: true }).fill('13800138000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wang Fang' }).waitFor();
    // The full ID never reaches the screen.
    expect(await page.locator('main').textContent()).toContain('110***********1234');
    expect(await page.locator('main').textContent()).not.toContain('110101199003071234');

    await page.getByRole('button', { name: 'New loan for this borrower' }).click();
    await page.getByRole('heading', { level: 1, name: 'New loan' }).waitFor();
    await page.getByText('Wang Fang').waitFor();
    await page.getByLabel('Product').selectOption('car-title');
    await page.getByLabel('Principal').fill('60,000');
    await page.getByLabel('Annual rate (%)').fill('12');
    await page.getByLabel('Term (months)').fill('12');
    await page.getByLabel('Repayment method').selectOption('annuity');
    await page.getByLabel('Disbursement date').fill('2026-03-10');
    await page.getByLabel('Penalty rate (% a day)').fill('0.05');
    await page.getByLabel('Grace days').fill('3');
    // The schedule preview comes from the same engine as everything else.
    const preview = page.getByRole('table', { name: 'Schedule preview' });
    await preview.getByText('CN¥5,330.93').first().waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(12);
    await page.getByRole('button', { name: 'Create loan' }).click();

    await page.getByTestId('dpd-explanation').waitFor();
    expect(await page.getByTestId('stat-dpd').textContent()).toBe('66');

    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel('Payment date').fill('2026-05-20');
    await page.getByLabel('Amount').fill('3000');
    await page.getByTestId('payment-preview').waitFor();
    expect(await page.getByTestId('split-penalty').textContent()).toBe('CN¥106.62');
    expect(await page.getByTestId('split-interest').textContent()).toBe('CN¥600.00');
    expect(await page.getByTestId('split-principal').textContent()).toBe('CN¥2,293.38');
    await h.screenshot('loan-book-payment-preview');
    await page.getByRole('button', { name: 'Post payment' }).click();

    await page.getByRole('heading', { level: 1, name: 'Payment receipt' }).waitFor();
    expect(await page.getByTestId('receipt-amount').textContent()).toBe('CN¥3,000.00');
    const pdf = await h.pdf('loan-book-receipt');
    const text = pdfText(pdf);
    expect(text).toContain('R-2026-000001');
    expect(text).toContain('110***********1234');
    expect(text).not.toContain('110101199003071234');
    expect(text).toContain('2,293.38');
    const pngs = pdfToPngs(pdf);
    expect(pngs).toHaveLength(1);
    expect(statSync(pngs[0]!).size).toBeGreaterThan(5_000);

    // Back on the loan: still 66 days past due, because installment 1 is not fully paid.
    await page.goBack();
    await page.getByTestId('dpd-explanation').waitFor();
    expect(await page.getByTestId('dpd-explanation').textContent()).toContain(
      'Installment 1 due 04/10/2026 is unpaid: 66 days past due.',
    );
    expect(await page.getByTestId('dpd-explanation').textContent()).toContain('61-90 days');
    await h.screenshot('loan-book-loan-detail');
    expect(existsSync(pngs[0]!)).toBe(true);
    expect(h.consoleErrors).toEqual([]);
  });

  it('finds the loan with Ctrl+K by the last digits of the ID', async () => {
    const { page } = h;
    await h.open('/');
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Name, phone, ID tail or loan number').fill('1234');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Wang Fang' }).waitFor();
  });
});
