import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { pdfText, pdfToPngs, startHarness, type Harness } from './harness';
import type { PledgebookApp } from '../../electron/services/app';
import { givenACarTitleLoan } from '../support/fixtures';
import type { Actor } from '../../electron/services/auth/actor';

const LI: Actor = { userId: 1, username: 'li', displayName: 'Li Na', role: 'collector' };
const ZHANG: Actor = { userId: 2, username: 'zhang', displayName: 'Zhang Wei', role: 'manager' };

/**
 * Today is 2026-06-15. The car-title loan of the loan-book test (60,000.00 at 12%, annuity over 12
 * months from 2026-03-10, 5,330.93 a month, penalty 0.05% a day, 3 grace days) has installment 1
 * paid on time and installments 2 (05-10) and 3 (06-10) unpaid.
 *
 * By hand: after installment 1 the balance is 60,000.00 − 4,730.93 = 55,269.07, so installment 2's
 * interest is 552.69 and its principal 4,778.24; the balance is then 50,490.83 and installment 3's
 * interest 504.91. Overdue interest = 552.69 + 504.91 = 1,057.60. Penalty: 5,330.93 × 0.05% × 36 =
 * 95.96 (rounded), plus × 5 = 13.33 → 109.29. An extension that keeps the arrears leaves
 * 1,057.60 + 109.29 = 1,166.89 due now.
 */
async function seed(app: PledgebookApp) {
  const call = async (method: string, input: unknown) => {
    const r = await app.dispatch(method as never, input as never);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as { id: number };
  };
  const loan = { id: (await givenACarTitleLoan(app.dispatch)).loanId };
  await call('payments.record', { loanId: loan.id, date: '2026-04-10', amount: 533_093, method: 'cash' });
  await app.ctx.db
    .insertInto('collection_assignments')
    .values({ loan_id: loan.id, collector: LI.displayName, assigned_at: '2026-06-15T09:00:00.000Z' })
    .execute();
}

describe('negotiated plans, end to end in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'en-US', seed });
  });
  afterAll(async () => h?.close());

  it('compares three options on an overdue car-title loan, proposes one, approves it as a second user and prints the agreement', async () => {
    const { page } = h;
    h.app.session.signIn(LI);
    await h.open('/loans/1');
    await page.getByRole('link', { name: 'Negotiate plan' }).click();
    await page.getByRole('heading', { level: 1, name: /Negotiate a plan/ }).waitFor();

    // Three candidates: arrears installments, an extension and a payment holiday.
    await page.getByTestId('figures-2').waitFor();
    expect(await page.getByLabel('Plan type').count()).toBe(3);
    expect(await page.getByTestId('figure-1-dueNow').textContent()).toBe('CN¥1,166.89');
    // Arrears installments leave nothing due now: it is all spread over the installments.
    expect(await page.getByTestId('figure-0-dueNow').textContent()).toBe('CN¥0.00');
    await page.getByTestId('balance-chart').locator('svg .recharts-line').first().waitFor();
    expect(await page.getByTestId('balance-chart').locator('.recharts-line').count()).toBe(3);
    await h.screenshot('plans-compare');

    await page.getByLabel('Note for the approver').fill('Borrower lost a contract; can pay from July');
    await page
      .locator('.plan-columns .card')
      .nth(1)
      .getByRole('button', { name: 'Propose this plan' })
      .click();
    await page.getByTestId('proposed').waitFor();

    // Li may not approve her own proposal: she has no approval rights, and the service says so.
    await h.open('/plans');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByTestId('plan-status-1').textContent()).toBe('Proposed');

    // A second user with approval rights. There is no user switcher in the UI yet, so the test
    // switches the server-side session, then approves through the UI.
    h.app.session.signIn(ZHANG);
    await h.open('/plans');
    await page.getByLabel('Comment').fill('Agreed at the visit');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('plan-status-1').getByText('Active').waitFor();

    await h.open('/loans/1');
    await page.getByTestId('dpd-explanation').waitFor();
    expect(await page.locator('main').textContent()).toContain('Restructured');

    await h.open('/plans/1/agreement');
    await page.getByRole('article', { name: 'Repayment plan agreement' }).waitFor();
    await page.getByRole('table', { name: 'New schedule' }).locator('tbody tr').nth(23).waitFor();
    const pdf = await h.pdf('plans-agreement');
    const text = pdfText(pdf);
    expect(text).toContain('Wang Fang');
    expect(text).toContain('110***********1234');
    expect(text).not.toContain('110101199003071234');
    expect(text).toContain('1,166.89');
    expect(text).toContain('Signatures');
    const pngs = pdfToPngs(pdf);
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    expect(statSync(pngs[0]!).size).toBeGreaterThan(5_000);
    expect(h.consoleErrors).toEqual([]);
  });
});
