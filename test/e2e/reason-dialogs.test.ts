import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { callersOf } from '../support/test-app';
import { appraisal } from '../integration/collateral/support';
import { aCarTitleLoanOnACar } from './books';
import { startHarness, type Harness } from './harness';

/**
 * Decisions recorded with a reason are asked in the app's own dialog (Electron has no
 * window.prompt): voiding a valuation and releasing an item, on a car securing the fixtures'
 * car-title loan, and referring that loan to legal, which opens its case.
 */
let itemId = 0;
let loanId = 0;
async function seed(app: PledgebookApp) {
  ({ loanId, itemId } = await aCarTitleLoanOnACar(app));
  await callersOf(app).call('collateral.addValuation', { itemId, ...appraisal('2026-05-01', 9_000_000) });
}

describe('reasons asked in the app, not in a native prompt', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'en-US', seed });
  });
  afterAll(async () => h?.close());

  it('voids a valuation once a reason of at least 3 characters is given', async () => {
    const { page } = h;
    await h.open(`/collateral/${itemId}`);
    await page.getByRole('button', { name: 'Void' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Why is this valuation wrong?').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Confirm' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('ok');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('typed the wrong figure');
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    const item = await callersOf(h.app).call('collateral.get', { id: itemId });
    expect(item.valuations.filter((v) => v.voided !== null).length).toBe(1);
  });

  it('releases the item with its reason, and Esc closes the dialog without a change', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Release item' }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect((await callersOf(h.app).call('collateral.get', { id: itemId })).status).toBe('active');

    await page.getByRole('button', { name: 'Release item' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('loan repaid, car handed back');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect((await callersOf(h.app).call('collateral.get', { id: itemId })).status).not.toBe('active');
    expect(h.consoleErrors).toEqual([]);
  });

  it('refers the loan to legal by opening its case, with the reason as the first note', async () => {
    const { page } = h;
    await h.open(`/loans/${loanId}`);
    await page.getByRole('button', { name: 'Refer to legal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('a legal case is opened').waitFor();
    await dialog.getByLabel('Reason').fill('no contact for 90 days');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const { call } = callersOf(h.app);
    expect((await call('loans.get', { id: loanId })).status).toBe('legal');
    const cases = await call('collections.legalCases', {});
    expect(cases.map((c) => c.loanId)).toEqual([loanId]);
  });
});
