import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { startHarness, type Harness } from './harness';

/**
 * A collector's morning without the mouse. Today is 2026-06-15; two car-title loans are unpaid
 * since their first installment, 王芳's 66 days past due (worked first) and 李强's 26 days.
 */
async function call(app: PledgebookApp, method: string, input: unknown) {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as { id: number };
}

async function seedBook(app: PledgebookApp) {
  const person = { kind: 'person', idType: 'resident-id', altPhone: '', employer: '', notes: '' };
  const loans = [
    { name: '王芳', idNumber: '110101199003071234', phone: '13800138000', startDate: '2026-03-10' },
    { name: '李强', idNumber: '110101198501015678', phone: '13900139000', startDate: '2026-04-20' },
  ];
  for (const l of loans) {
    const b = await call(app, 'borrowers.create', {
      ...person,
      name: l.name,
      idNumber: l.idNumber,
      phone: l.phone,
      address: '北京市朝阳区',
    });
    await call(app, 'loans.create', {
      borrowerId: b.id,
      product: 'car-title',
      terms: {
        method: 'annuity',
        principal: 2_000_000,
        annualRatePercent: '12',
        months: 12,
        startDate: l.startDate,
      },
    });
  }
}

describe('keyboard-first daily work, end to end in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'en-US', seed: seedBook });
  });
  afterAll(async () => h?.close());

  /** The id (or tag) of the focused element, read in the page as a string. */
  const focused = () =>
    h.page.evaluate(
      'document.activeElement ? document.activeElement.id || document.activeElement.tagName : ""',
    );
  const insideOpenDialog = () =>
    h.page.evaluate(
      'Boolean(document.activeElement && document.activeElement.closest("[role=dialog][aria-modal=true]"))',
    );

  it('records a payment, logs a call and opens the next account with keys only', async () => {
    const { page, keyboard } = { page: h.page, keyboard: h.page.keyboard };
    await h.open('/collections');
    await page.getByTestId('worklist-count').waitFor();
    expect(await page.getByRole('button', { name: /Work next account/ }).textContent()).toContain('Alt+N');

    await keyboard.press('Alt+N');
    await page.getByRole('heading', { level: 1, name: /Collect: PB-2026-000001/ }).waitFor();

    // Alt+P: the payment dialog, on Amount; Enter posts and the collector stays on the account.
    // The key works once the screen knows today's date, as the button shows by turning enabled.
    await page.locator('button[aria-keyshortcuts="Alt+P"]:enabled').waitFor();
    await keyboard.press('Alt+P');
    await page.locator('[role=dialog][aria-modal=true]').waitFor();
    expect(await focused()).toBe('p-amount');
    await keyboard.type('500');
    await page.getByTestId('payment-preview').waitFor();
    await keyboard.press('Enter');
    await page.getByText('Payment recorded.').waitFor();
    expect(await page.locator('[role=dialog][aria-modal=true]').count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: /Collect: PB-2026-000001/ }).waitFor();

    // Alt+L: the contact form; Tab to the minutes, type, Enter saves.
    await keyboard.press('Alt+L');
    expect(await focused()).toBe('c-channel');
    for (let i = 0; i < 20 && (await focused()) !== 'c-minutes'; i++) await keyboard.press('Tab');
    expect(await focused()).toBe('c-minutes');
    await keyboard.type('3');
    await keyboard.press('Enter');
    await page.getByTestId('contact-list').waitFor();

    await keyboard.press('Alt+N');
    await page.getByRole('heading', { level: 1, name: /Collect: PB-2026-000002/ }).waitFor();
    expect(h.consoleErrors).toEqual([]);
  });

  it('moves through a list with the arrows and opens a row with Enter, or with one click', async () => {
    const { page } = h;
    await h.open('/loans');
    const body = page.locator('.vtable-body');
    await page.locator('.vtable-row').first().waitFor();
    await body.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.vtable-row[aria-selected="true"]').textContent()).toContain('PB-2026-000002');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /PB-2026-000002/ }).waitFor();

    await h.open('/loans');
    await page.locator('.vtable-row').first().click();
    await page.getByRole('heading', { level: 1, name: /PB-2026-000001/ }).waitFor();
  });

  it('closes Ctrl+K with one Esc, keeps Tab inside a dialog and gives focus back', async () => {
    const { page, keyboard } = { page: h.page, keyboard: h.page.keyboard };
    await h.open('/');
    await keyboard.press('Control+K');
    await page.locator('[role=dialog][aria-modal=true] input[type="search"]').waitFor();
    await keyboard.type('王');
    await keyboard.press('Escape');
    expect(await page.locator('[role=dialog][aria-modal=true]').count()).toBe(0);

    await h.open('/collections/loans/1');
    const pay = page.getByRole('button', { name: /Record payment/ });
    await pay.focus();
    await keyboard.press('Enter');
    await page.locator('[role=dialog][aria-modal=true]').waitFor();
    for (let i = 0; i < 25; i++) {
      await keyboard.press('Tab');
      expect(await insideOpenDialog()).toBe(true);
    }
    await keyboard.press('Escape');
    expect(await page.locator('[role=dialog][aria-modal=true]').count()).toBe(0);
    await page.waitForFunction(
      'document.activeElement && /Record payment/.test(document.activeElement.textContent)',
    );
  });
});
