import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { pdfText, pdfToPngs, startHarness, type Harness } from './harness';
import type { PledgebookApp } from '../../electron/services/app';
import { givenACarTitleLoan, WANG_FANG_BORROWER } from '../support/fixtures';
import type { Actor } from '../../electron/services/auth/actor';

const LI: Actor = { userId: 1, username: 'li', displayName: 'Li Na', role: 'collector' };
const ZHANG: Actor = { userId: 2, username: 'zhang', displayName: 'Zhang Wei', role: 'manager' };
const CHEN: Actor = { userId: 3, username: 'chen', displayName: 'Chen Jie', role: 'owner' };

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
const callOn = (app: PledgebookApp) => async (method: string, input: unknown) => {
  const r = await app.dispatch(method as never, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as { id: number };
};

async function seed(app: PledgebookApp, borrower: Record<string, unknown> = WANG_FANG_BORROWER) {
  const call = callOn(app);
  const loan = { id: (await givenACarTitleLoan(app.dispatch, borrower)).loanId };
  await call('payments.record', { loanId: loan.id, date: '2026-04-10', amount: 533_093, method: 'cash' });
  await app.ctx.db
    .insertInto('collection_assignments')
    .values({
      loan_id: loan.id,
      collector: LI.displayName,
      collector_id: LI.userId,
      assigned_at: '2026-06-15T09:00:00.000Z',
    })
    .execute();
}

describe('negotiated plans, end to end in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'en-US', seed });
  });
  afterAll(async () => h?.close());

  /**
   * There is no user switcher in the UI yet: the test switches the server-side session, then
   * reloads so the screen asks who is signed in again.
   */
  async function openAs(actor: Actor, route: string) {
    h.app.session.signIn(actor);
    await h.open(route);
    await h.page.reload();
    await h.page.locator('nav').first().waitFor();
  }

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

    // Arrears instead of the regular installments: the nine due after today move 6 months later,
    // so the plan ends on 2027-09-10 instead of the contract's 2027-03-10.
    expect(await page.getByTestId('figure-0-endDate').textContent()).toBe('03/10/2027');
    await page.getByLabel('Regular installments meanwhile').selectOption('suspend');
    await page.getByTestId('figure-0-endDate').getByText('09/10/2027').waitFor();

    await page.getByLabel('Note for the approver').fill('Borrower lost a contract; can pay from July');
    await page
      .locator('.plan-columns .card')
      .nth(1)
      .getByRole('button', { name: 'Propose this plan' })
      .click();
    await page.getByTestId('proposed').waitFor();

    // Li has no approval rights: no Approve/Reject to press, and the screen says who decides.
    await h.open('/plans');
    await page.getByText('Waiting for a user with approval rights to approve or reject it.').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByTestId('plan-status-1').textContent()).toBe('Proposed');

    // Were Li a manager, she still could not decide her own proposal: the buttons say why.
    await openAs({ ...LI, role: 'manager' }, '/plans');
    await page.getByTestId('plan-own-1').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Approve' }).getAttribute('title')).toBe(
      'Your own proposal: another user must decide it.',
    );

    // A second user with approval rights. There is no user switcher in the UI yet, so the test
    // switches the server-side session, then approves through the UI.
    await openAs(ZHANG, '/plans');
    await page.getByLabel('Comment').fill('Agreed at the visit');
    await page.getByRole('button', { name: 'Approve' }).click();
    // Approval is never one click: the dialog names the request by its number and asks to confirm.
    const confirm = page.getByRole('dialog', { name: 'Approve P-1' });
    await confirm.getByText(/^Approve P-1: Term extension/).waitFor();
    await confirm.getByRole('button', { name: 'Approve' }).click();
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
  it('writes the loan off through the approvals list and records later money as a recovery', async () => {
    const { page } = h;
    await openAs(ZHANG, '/loans/1');
    await page.getByRole('button', { name: 'Request write-off' }).click();
    const payoff = await page.getByTestId('write-off-amount').textContent();
    expect(payoff).toMatch(/^CN¥[\d,]+\.\d\d$/);
    await page.getByLabel('Reason').fill('Borrower left the city; car not found');
    await page.getByRole('button', { name: 'Send for approval' }).click();
    await page.getByTestId('write-off-requests').getByText('Waiting for approval').waitFor();
    expect(await page.getByRole('button', { name: 'Request write-off' }).count()).toBe(0);

    // Zhang asked, so in the approvals list his own request cannot be approved by him.
    await openAs(ZHANG, '/settings/approvals');
    const ownRow = page.getByTestId('write-off-approval-1');
    await ownRow.getByText('You asked for this write-off').waitFor();
    expect(await ownRow.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);

    await openAs(CHEN, '/settings/approvals');
    expect(await page.getByTestId('write-off-approval-1').getByRole('cell').first().textContent()).toBe(
      'W-1',
    );
    await page.getByTestId('write-off-approval-1').getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog', { name: 'Approve W-1' }).getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('write-off-approval-1').waitFor({ state: 'detached' });

    await h.open('/loans/1');
    await page.getByTestId('written-off-amount').waitFor();
    expect(await page.locator('h1').textContent()).toContain('Written off');
    // The amount written off is what remained on the approval day: the payoff the request showed.
    expect(await page.getByTestId('written-off-amount').textContent()).toBe(payoff);
    expect(await page.getByRole('button', { name: 'Record payment' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Record recovery' }).click();
    await page.getByLabel('Amount').fill('800');
    await page.getByLabel('Reference').fill('B-77');
    await page.getByRole('button', { name: 'Save recovery' }).click();
    await page.getByRole('table', { name: 'Recoveries after write-off' }).getByText('B-77').waitFor();
    expect(await page.getByTestId('recovered-total').textContent()).toBe('CN¥800.00');
    await h.screenshot('plans-written-off');
    expect(h.consoleErrors).toEqual([]);
  });
});

/** The printed agreement in Chinese: the same approved extension, for a borrower named 王芳. */
const CHINESE = [
  {
    locale: 'zh-CN',
    title: '还款计划协议',
    parties: ['协议各方', '出借人', '借款人'],
    signatures: ['签署', '借款人 · 日期', '出借人代表 · 日期'],
  },
  {
    locale: 'zh-TW',
    title: '還款計劃協議',
    parties: ['協議各方', '出借人', '借款人'],
    signatures: ['簽署', '借款人 · 日期', '出借人代表 · 日期'],
  },
] as const;

describe.each(CHINESE)('the plan agreement printed in $locale', (expected) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      today: '2026-06-15',
      locale: expected.locale,
      seed: async (app) => {
        await seed(app, { ...WANG_FANG_BORROWER, name: '王芳' });
        const call = callOn(app);
        app.session.signIn(LI);
        const plan = await call('plans.propose', {
          loanId: 1,
          spec: { type: 'extension', months: 24, arrears: 'keep' },
          note: '',
        });
        app.session.signIn(ZHANG);
        await call('plans.decide', { planId: plan.id, decision: 'approve', note: '' });
      },
    });
  });
  afterAll(async () => h?.close());

  it('prints the title, the parties and the signature lines in Chinese on A4', async () => {
    const { page } = h;
    await h.open('/plans/1/agreement');
    await page.getByRole('article', { name: expected.title }).waitFor();
    await page.locator('.plan-agreement table').last().locator('tbody tr').nth(23).waitFor();
    const pdf = await h.pdf(`plans-agreement-${expected.locale}`);
    const text = pdfText(pdf);
    expect(text).toContain(expected.title);
    for (const label of expected.parties) expect(text).toContain(label);
    expect(text).toContain('王芳');
    expect(text).toContain('110***********1234');
    expect(text).toContain('1,166.89');
    for (const line of expected.signatures) expect(text).toContain(line);
    const pngs = pdfToPngs(pdf);
    // 24 installments and the terms fit on two A4 pages, as in English.
    expect(pngs.length).toBe(2);
    expect(statSync(pngs[0]!).size).toBeGreaterThan(5_000);
    expect(h.consoleErrors).toEqual([]);
  });
});
