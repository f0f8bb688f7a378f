import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { CAR_TITLE_60K, WANG_FANG_BORROWER } from '../support/fixtures';
import { callersOf } from '../support/test-app';
import { pdfText, startHarness, type Harness } from './harness';

/**
 * Given today is 2026-05-25 and two of the fixtures' car-title loans (60,000.00 at 12% over 12
 * months from 2026-03-10, installments of 5,330.93), each with installments 1 and 2 paid on time:
 * the clerk settles the first early from the payment dialog, and prepays 10,000.00 on the second
 * to reduce its installment. Both receipts say what happened.
 */
const INSTALLMENT = 5_330_93;
let loans: number[] = [];

async function seed(app: PledgebookApp) {
  const { call } = callersOf(app);
  const { id: borrowerId } = await call('borrowers.create', WANG_FANG_BORROWER);
  loans = [];
  for (let k = 0; k < 2; k++) {
    const { id } = await call('loans.create', { borrowerId, ...CAR_TITLE_60K });
    for (const date of ['2026-04-10', '2026-05-10'])
      await call('payments.record', { loanId: id, date, amount: INSTALLMENT, method: 'cash' });
    loans.push(id);
  }
}

describe('early settlement and partial prepayment, end to end in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-05-25', locale: 'en-US', seed });
  });
  afterAll(async () => h?.close());

  it('settles a loan early from the payment dialog and prints a receipt that says so', async () => {
    const { page } = h;
    const { call } = callersOf(h.app);
    const loan = await call('loans.get', { id: loans[0]! });
    // Installment 3's period runs 05-10 → 06-10 (31 days); 15 have passed. Its whole interest
    // (1% of the balance) is not owed, only those days' share.
    const third = loan.statement.installments[2]!;
    expect(loan.payoff).toBe(loan.statement.outstandingPrincipal + Math.round((third.interest * 15) / 31));

    await h.open(`/loans/${loans[0]}`);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel('Amount').fill((loan.payoff / 100).toFixed(2));
    await page.getByTestId('payment-settles').waitFor();
    await h.screenshot('payment-settlement-preview');
    await page.getByRole('button', { name: 'Post payment' }).click();

    await page.getByTestId('receipt-settled').waitFor();
    const text = pdfText(await h.pdf('receipt-settlement'));
    expect(text).toContain('This payment settled the loan in full.');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Outstanding principal after this payment\s*CN¥0\.00/);
    expect((await call('loans.get', { id: loans[0]! })).status).toBe('closed');
    // A closed loan is shown as closed, not as a green "Current".
    await h.open(`/loans/${loans[0]}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText('Closed').waitFor();
    expect(await heading.textContent()).not.toContain('Current');
  });

  it('prepays 10,000.00 to reduce the installment, with the new schedule shown before posting', async () => {
    const { page } = h;
    await h.open(`/loans/${loans[1]}`);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel('Amount').fill('10000');
    await page.getByTestId('prepay-choice').waitFor();
    await page.getByLabel('Reduce the installment').check();
    const outcome = page.getByTestId('prepay-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(
      /New installment CN¥[\d,]+\.\d\d, 10 left, last due 03\/10\/2027/,
    );
    await h.screenshot('payment-prepay-preview');
    await page.getByRole('button', { name: 'Post payment' }).click();

    await page.getByRole('heading', { level: 1, name: 'Payment receipt' }).waitFor();
    const text = pdfText(await h.pdf('receipt-prepayment'));
    expect(text).toContain('CN¥10,000.00');
    expect(text).not.toContain('settled the loan');

    const after = await callersOf(h.app).call('loans.get', { id: loans[1]! });
    expect(after.activeVersion).toBe(2);
    expect(after.statement.nextDue!.amount).toBeLessThan(INSTALLMENT);
    expect(h.consoleErrors).toEqual([]);
  });

  it('opens on Amount, posts with Enter, and remembers the method for the next payment', async () => {
    const { page } = h;
    await h.open(`/loans/${loans[1]}`);
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByTestId('payment-preview').or(page.getByText('Enter an amount')).first().waitFor();
    // Evaluated in the page as a string: the node side has no DOM types.
    expect(await page.evaluate('document.activeElement?.id')).toBe('p-amount');
    // Nothing to post yet: the button says why it waits.
    expect(await page.getByRole('button', { name: 'Post payment' }).getAttribute('title')).toMatch(/waits/);
    await page.keyboard.type('1000');
    await page.getByLabel('Method').selectOption('bank-transfer');
    await page.getByLabel('Amount').focus();
    await page.getByTestId('payment-preview').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Payment receipt' }).waitFor();

    await h.open(`/loans/${loans[1]}`);
    await page.getByRole('button', { name: 'Record payment' }).click();
    expect(await page.getByLabel('Method').inputValue()).toBe('bank-transfer');
  });
});
