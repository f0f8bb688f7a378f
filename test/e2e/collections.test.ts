import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { pdfText, pdfToPngs, startHarness, type Harness } from './harness';

/**
 * Today is 2026-06-15, 09:00 UTC (17:00 in Shanghai, the borrowers' time zone). Two car-title
 * loans, both unpaid since their first installment: 王芳's (60,000, disbursed 2026-03-10, first due
 * 2026-04-10, 66 DPD) and 李强's (20,000, disbursed 2026-04-20, first due 2026-05-20, 26 DPD).
 */
async function call(app: PledgebookApp, method: string, input: unknown) {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as { id: number; number: string };
}

async function seedBook(app: PledgebookApp) {
  const person = { kind: 'person', idType: 'resident-id', altPhone: '', employer: '', notes: '' };
  const wang = await call(app, 'borrowers.create', {
    ...person,
    name: '王芳',
    idNumber: '110101199003071234',
    phone: '13800138000',
    address: '北京市东城区东四十条 8 号',
  });
  const li = await call(app, 'borrowers.create', {
    ...person,
    name: '李强',
    idNumber: '110101198501015678',
    phone: '13900139000',
    address: '北京市朝阳区',
  });
  await call(app, 'loans.create', {
    borrowerId: wang.id,
    product: 'car-title',
    terms: {
      method: 'annuity',
      principal: 6_000_000,
      annualRatePercent: '12',
      months: 12,
      startDate: '2026-03-10',
    },
    guarantorIds: [li.id],
  });
  await call(app, 'loans.create', {
    borrowerId: li.id,
    product: 'car-title',
    terms: {
      method: 'annuity',
      principal: 2_000_000,
      annualRatePercent: '12',
      months: 12,
      startDate: '2026-04-20',
    },
  });
}

describe('the collections workbench, end to end in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'en-US', seed: seedBook });
  });
  afterAll(async () => h?.close());

  it('works the next account, logs a call with a promise, and sees it kept after a payment', async () => {
    const { page } = h;
    await h.open('/collections');
    await page.getByTestId('worklist-count').waitFor();
    expect(await page.getByTestId('worklist-count').textContent()).toContain('2 accounts');

    // The deeper arrears score higher, so the flow starts with 王芳's loan, then moves on.
    await page.getByRole('button', { name: 'Work next account' }).click();
    await page.getByRole('heading', { level: 1, name: /Collect: PB-2026-000001/ }).waitFor();
    expect(await page.getByTestId('borrower-time').textContent()).toBe('Asia/Shanghai 06/15/2026 17:00');
    await page.getByRole('button', { name: 'Next account' }).click();
    await page.getByRole('heading', { level: 1, name: /Collect: PB-2026-000002/ }).waitFor();
    await page.getByRole('button', { name: 'Next account' }).click();
    await page.getByText('No more accounts left to work in this list.').waitFor();
    await page.getByRole('heading', { level: 1, name: /Collect: PB-2026-000002/ }).waitFor();

    await page.locator('#c-outcome').selectOption('reached-promise');
    await page.locator('#c-minutes').fill('4');
    await page.locator('#c-promise-amount').fill('3,000');
    await page.locator('#c-promise-date').fill('2026-06-18');
    await page.locator('#c-notes').fill('Will pay on Thursday');
    await page.getByRole('button', { name: 'Save contact' }).click();
    const promises = page.getByTestId('promise-list');
    await promises.getByText('Pending').waitFor();
    expect(await page.getByTestId('contact-list').textContent()).toContain('Reached – promise');

    await page.getByRole('link', { name: 'Open loan' }).click();
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel('Amount').fill('3000');
    await page.getByTestId('payment-preview').waitFor();
    await page.getByRole('button', { name: 'Post payment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payment receipt' }).waitFor();

    await h.open('/collections/loans/2');
    await page.getByTestId('promise-list').getByText('Kept').waitFor();
    expect(await page.getByTestId('promise-list').textContent()).toContain('CN¥3,000.00');
    const timeline = await page.getByTestId('collections-timeline').textContent();
    expect(timeline).toContain('Payment');
    expect(timeline).toContain('Promise');
    await h.screenshot('collections-account-kept');
    expect(h.consoleErrors).toEqual([]);
  });

  it('blocks a 23:00 call, then records it with an override reason', async () => {
    const { page } = h;
    await h.open('/collections/loans/1');
    await page.locator('#c-time').fill('2026-06-14');
    // A day without its hour is not sent: the form asks for the time beside the field.
    await page.getByRole('button', { name: 'Save contact' }).click();
    expect(await page.locator('#c-time-error').textContent()).toContain('Enter the time as well');
    await page.locator('#c-time-hour').fill('23');
    await page.locator('#c-time-minute').fill('00');
    await page.getByRole('button', { name: 'Save contact' }).click();
    const blocked = page.getByTestId('guard-blocked');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain(
      'It is 23:00 for the borrower (Asia/Shanghai); contact is allowed only 08:00–22:00 local time.',
    );
    expect(await page.getByTestId('contact-list').count()).toBe(0);

    await page.getByRole('button', { name: 'Save with override' }).click();
    await page.getByText('To go ahead anyway, give an override reason', { exact: false }).waitFor();
    expect(await page.getByTestId('contact-list').count()).toBe(0);

    await page.locator('#c-override').fill('Borrower asked for a late call after his night shift');
    await page.getByRole('button', { name: 'Save with override' }).click();
    await page.getByTestId('contact-list').waitFor();
    expect(await page.getByTestId('contact-list').textContent()).toContain(
      'override: Borrower asked for a late call after his night shift',
    );
    expect(await page.getByTestId('contact-list').textContent()).toContain('06/14/2026 23:00');
    const count = await h.app.dispatch('collections.overrideCount', { month: '2026-06' });
    expect(count).toEqual({ ok: true, value: { month: '2026-06', overrides: 1 } });
    await h.screenshot('collections-override');
  });

  it('plans a visit for two collectors and prints its dossier with IDs masked', async () => {
    const { page } = h;
    await h.open('/collections/loans/1');
    await page.getByRole('button', { name: 'Plan a visit' }).click();
    await page.locator('#v-when').fill('2026-06-16');
    await page.locator('#v-when-hour').fill('10');
    await page.locator('#v-when-minute').fill('00');
    await page.locator('#v-team').fill('张伟\n刘洋');
    await page.locator('#v-purpose').fill('Discuss the arrears and a repayment plan');
    await page.locator('#v-points').fill('Ask about income since April.\nOffer a plan over 6 months.');
    await page.getByRole('button', { name: 'Plan visit' }).click();
    await page.getByTestId('visit-list').getByRole('link', { name: 'Dossier' }).click();
    await page.getByRole('article', { name: 'Visit preparation dossier' }).waitFor();
    expect(await page.getByTestId('dossier-borrower-id').textContent()).toBe('110***********1234');

    const pdf = await h.pdf('collections-dossier');
    const text = pdfText(pdf);
    expect(text).toContain('110***********1234');
    expect(text).toContain('110***********5678');
    expect(text).not.toContain('110101199003071234');
    expect(text).not.toContain('110101198501015678');
    expect(text).toContain('06/16/2026 10:00');
    expect(text).toContain('Risk and safety checklist');
    const pngs = pdfToPngs(pdf);
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    expect(statSync(pngs[0]!).size).toBeGreaterThan(5_000);
    expect(h.consoleErrors).toEqual([]);
  });

  it('prints a demand letter (催收函) in Chinese and logs it as a contact', async () => {
    const { page } = h;
    await h.open('/collections/loans/1/letter');
    await page.getByLabel('Letter', { exact: true }).selectOption('demand');
    await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await page
      .getByTestId('letter-body')
      .getByText('特此正式要求您于2026年6月22日前偿还逾期款项', { exact: false })
      .waitFor();
    const pdf = await h.pdf('collections-demand-letter');
    const text = pdfText(pdf);
    expect(text).toContain('催收函');
    expect(text).toContain('110***********1234');
    expect(text).not.toContain('110101199003071234');
    expect(pdfToPngs(pdf)).toHaveLength(1);

    await page.getByRole('button', { name: 'Print and log as sent' }).click();
    await page.getByRole('link', { name: 'Back to account' }).click();
    await page.getByTestId('contact-list').getByText('Letter sent').waitFor();
    expect(await page.getByTestId('contact-list').textContent()).toContain('催收函');
    expect(h.consoleErrors).toEqual([]);
  });

  it('renames and retires outcomes in Settings, shows promise figures and legal costs charged to a loan', async () => {
    const { page } = h;
    await h.open('/settings/collections');
    const outcomes = page.getByTestId('outcome-settings');
    await outcomes.waitFor();
    const row = (code: string) =>
      outcomes
        .locator('tbody tr')
        .filter({ has: page.locator('code', { hasText: new RegExp(`^${code}$`) }) });
    await row('left-message').getByRole('button', { name: 'Rename' }).click();
    await outcomes.getByLabel('Label').fill('Voicemail');
    await outcomes.getByLabel('Label').press('Enter');
    await row('left-message').getByText('Voicemail').waitFor();
    await row('wrong-number').getByRole('button', { name: 'Retire' }).click();
    await row('wrong-number').getByText('Retired').waitFor();
    await h.screenshot('collections-outcome-settings');

    await h.open('/collections/loans/1');
    await page.locator('#c-outcome').waitFor();
    const offered = await page.locator('#c-outcome option').allTextContents();
    expect(offered).toContain('Voicemail');
    expect(offered).not.toContain('Wrong number');
    expect(offered).not.toContain('Left message');

    // 李强 (borrower 2) kept the promise made in the first test.
    await h.open('/borrowers/2');
    // The figures may first show from the cache of an earlier visit, then refresh.
    await expect
      .poll(() => page.getByTestId('borrower-promise-stats').textContent())
      .toBe('Promises: kept 1, broken 0');
    await h.open('/collections');
    const byCollector = page.getByTestId('collector-promise-stats');
    await byCollector.waitFor();
    const stats = await h.app.dispatch('collections.promiseStats', {});
    if (!stats.ok) throw new Error(stats.error.message);
    const expected = (stats.value as { byCollector: { collector: string; kept: number; broken: number }[] })
      .byCollector;
    expect(expected.map((c) => [c.kept, c.broken])).toEqual([[1, 0]]);
    await expect
      .poll(() => byCollector.locator('tbody tr').allTextContents())
      .toEqual(expected.map((c) => `${c.collector}${c.kept}${c.broken}`));

    // 1,234.00 of legal costs charged to 王芳's loan: shown on the loan and added to the payoff.
    const before = await h.app.dispatch('loans.get', { id: 1 });
    const { id: caseId } = await call(h.app, 'collections.openLegalCase', { loanId: 1, date: '2026-06-15' });
    await call(h.app, 'collections.advanceLegalCase', {
      caseId,
      stage: 'lawyer-engaged',
      date: '2026-06-15',
      cost: 123_400,
      chargeToLoan: true,
    });
    await h.open('/loans/1');
    await page.getByTestId('stat-charges').waitFor();
    expect(await page.getByTestId('stat-charges').textContent()).toBe('Charges (legal costs)CN¥1,234.00');
    const payoffBefore = before.ok ? (before.value as { payoff: number }).payoff : 0;
    const payoff = await page.getByTestId('stat-payoff').textContent();
    expect(payoff).toContain(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY' }).format(
        (payoffBefore + 123_400) / 100,
      ),
    );
    expect(h.consoleErrors).toEqual([]);
  });
});
