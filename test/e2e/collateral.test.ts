import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { givenACarTitleLoan } from '../support/fixtures';

// A 2×2 red PNG: small enough to inline, real enough for the browser to decode.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Given today is 2026-06-15 and a car-title loan of 60,000 at 12% over 12 months disbursed
 * 2026-03-10 and never paid (so exposure is about 60,000 plus overdue interest and penalty),
 * a clerk records the car with a 120,000 appraisal: LTV is about 50%, under the 80% threshold.
 * A new valuation of 50,000 puts LTV well above it, and the alert says so.
 */
describe('collateral, end to end in Chromium', () => {
  let h: Harness;
  let loanId = 0;
  beforeAll(async () => {
    h = await startHarness({
      today: '2026-06-15',
      locale: 'en-US',
      seed: async (app) => {
        ({ loanId } = await givenACarTitleLoan(app.dispatch));
      },
    });
  });
  afterAll(async () => h?.close());

  it('adds a car with a valuation to a loan, raises an LTV alert after a lower valuation, and previews a photo', async () => {
    const { page } = h;
    await h.open(`/loans/${loanId}`);
    await page.getByRole('heading', { name: 'Collateral', exact: true }).waitFor();
    await page.getByText('No collateral recorded for this loan.').waitFor();

    await page.getByRole('button', { name: 'Add collateral' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('VIN').fill('LSVAU218XN2183294');
    await dialog.getByLabel('Plate').fill('京A12345');
    await dialog.getByLabel('Make', { exact: true }).fill('Volkswagen');
    await dialog.getByLabel('Model', { exact: true }).fill('Lavida');
    await dialog.getByLabel('Year').fill('2022');
    await dialog.getByLabel('Insurance expires').fill('2027-01-31');
    await dialog.getByLabel('We hold the registration certificate').check();
    await dialog.getByLabel('Value', { exact: true }).fill('120,000');
    await dialog.getByLabel('Valuation date').fill('2026-06-01');
    await dialog.getByLabel('Valued by').fill('Li Appraiser');
    await dialog.getByRole('button', { name: 'Save' }).click();

    const card = page.locator('.loan-collateral');
    await card.getByRole('link', { name: /京A12345 · Volkswagen Lavida 2022/ }).waitFor();
    expect(await page.getByTestId('stat-collateral-value').textContent()).toContain('CN¥120,000.00');
    const ltvBefore = await page.getByTestId('stat-ltv').textContent();
    expect(ltvBefore).toMatch(/LTV5\d\.\d\d%/);
    expect(await card.getByTestId('collateral-alerts').count()).toBe(0);
    await card.getByText('No alerts.').waitFor();

    // A lower valuation on the item page.
    await card.getByRole('link', { name: /京A12345/ }).click();
    await page.getByRole('heading', { level: 1, name: /京A12345 · Volkswagen Lavida 2022/ }).waitFor();
    await page.getByTestId('valuation-chart').waitFor();
    await page.getByRole('button', { name: 'Add valuation' }).click();
    const valuation = page.getByRole('dialog');
    await valuation.getByLabel('Value', { exact: true }).fill('50000');
    await valuation.getByLabel('Valuation date').fill('2026-06-14');
    await valuation.getByLabel('Source').selectOption('market-quote');
    await valuation.getByLabel('Valued by').fill('Dealer quote');
    await valuation.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('current-value').getByText('CN¥50,000.00').waitFor();
    const alert = page.getByTestId('collateral-alerts').locator('li[data-kind="ltv"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/LTV 1\d\d\.\d\d% is above the 80\.00% threshold/);
    expect(await page.getByTestId('depreciated-estimate').textContent()).toContain('Estimate only');

    // A photo, previewed from the content-addressed store.
    await page.getByLabel('Kind of file').selectOption('photo');
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: PHOTO });
    await page.getByRole('button', { name: 'Attach' }).click();
    const preview = page.getByTestId('attachment-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toBe(`data:image/png;base64,${PHOTO.toString('base64')}`);
    expect(
      await preview.evaluate(
        (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth,
      ),
    ).toBe(2);
    await h.screenshot('collateral-item');

    // The loan shows the alert too, with its reason.
    await page
      .getByRole('link', { name: /^PB-2026-/ })
      .first()
      .click();
    const loanAlert = page.locator('.loan-collateral li[data-kind="ltv"]');
    await loanAlert.waitFor();
    expect(await loanAlert.textContent()).toContain('is above the 80.00% threshold');
    await h.screenshot('collateral-loan-card');

    // And the register finds the car by plate, flagged.
    await h.open('/collateral');
    await page
      .getByRole('searchbox', { name: 'Find collateral' })
      .or(page.getByLabel('Find collateral'))
      .fill('a123');
    await page
      .getByText(/京A12345 · Volkswagen/)
      .first()
      .waitFor();
    expect(h.consoleErrors).toEqual([]);
  });
});
