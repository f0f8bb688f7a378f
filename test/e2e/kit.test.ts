import { join } from 'node:path';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { CAR_TITLE_60K, WANG_FANG_BORROWER } from '../support/fixtures';
import { callersOf } from '../support/test-app';
import { ARTIFACTS, startHarness, type Harness } from './harness';

/**
 * The component kit (Mantine) as a clerk meets it in 简体中文, under the app's strict CSP: a date
 * typed in Chinese order or ISO, an amount grouped as it is typed with its currency after it, a
 * calendar that opens on Alt+↓ and whose Esc leaves the dialog open, and a confirmation once a
 * payment is recorded. Given today is 2026-05-25 and one car-title loan of 60,000.00 from
 * 2026-03-10.
 */
let loanId = 0;

async function seed(app: PledgebookApp) {
  const { call } = callersOf(app);
  const { id: borrowerId } = await call('borrowers.create', WANG_FANG_BORROWER);
  loanId = (await call('loans.create', { borrowerId, ...CAR_TITLE_60K })).id;
}

describe('the component kit in the payment dialog, in Chinese, under the CSP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-05-25', locale: 'zh-CN', seed });
    // Every refusal the CSP makes (an inline <style> a component would inject) is counted.
    await h.page.addInitScript(
      "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
  });
  afterAll(async () => h?.close());

  it("draws the first screen's Chinese words, on a machine with no Chinese system font", async () => {
    // The first screen of a session is where text laid out before its font subset arrived stayed
    // blank; the words are there in the DOM either way, so the test counts ink in the heading.
    await h.open('/loans/new');
    const heading = h.page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toBe('新建贷款');
    const png = await heading.screenshot();
    const pixmap = new mupdf.Image(png).toPixmap();
    const pixels = pixmap.getPixels();
    // Bytes per pixel, alpha included: red is the first byte of each.
    const n = pixmap.getStride() / pixmap.getWidth();
    let ink = 0;
    for (let i = 0; i < pixels.length; i += n) if (pixels[i]! < 128) ink++;
    expect(ink).toBeGreaterThan(100);
  });

  it('takes typed dates and grouped amounts, and keeps the dialog open when Esc closes the calendar', async () => {
    const { page } = h;
    await h.open(`/loans/${loanId}`);
    await page.getByRole('button', { name: '登记还款' }).first().click();
    const dialog = page.getByRole('dialog');
    const amount = dialog.locator('#p-amount');
    const date = dialog.locator('#p-date');
    await amount.waitFor();
    // Opens on Amount, with today as the date in the locale's one format.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('p-amount');
    expect(await date.inputValue()).toBe('2026/05/25');

    await page.keyboard.type('1234567.8');
    expect(await amount.inputValue()).toBe('1,234,567.8');
    expect(await dialog.locator('.field-unit').first().textContent()).toBe('CNY');
    await page.setViewportSize({ width: 1366, height: 768 });
    // The window as the clerk sees it (the dialog over the screen), not the whole scrolled page.
    await page.screenshot({ path: join(ARTIFACTS, 'kit-payment-dialog-zh-CN.png') });

    await date.fill('2026年5月20日');
    await amount.focus();
    expect(await date.inputValue()).toBe('2026/05/20');
    await date.fill('2026-05-21');
    await amount.focus();
    expect(await date.inputValue()).toBe('2026/05/21');
    // A day that does not exist leaves the last good one.
    await date.fill('2026/02/30');
    await amount.focus();
    expect(await date.inputValue()).toBe('2026/05/21');

    await date.focus();
    expect(await page.locator('[data-dates-dropdown]').count()).toBe(0);
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('[data-dates-dropdown]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'kit-date-calendar-zh-CN.png') });
    await page.keyboard.press('Escape');
    await page.locator('[data-dates-dropdown]').waitFor({ state: 'detached' });
    expect(await dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('confirms a recorded payment with its amount in the corner, with no CSP refusal on the way', async () => {
    const { page } = h;
    await h.open(`/loans/${loanId}`);
    await page.getByRole('button', { name: '登记还款' }).first().click();
    await page.locator('#p-amount').fill('3000');
    await page.getByRole('button', { name: '确认入账' }).click();
    const notice = page.locator('.mantine-Notification-root');
    await notice.waitFor();
    expect((await notice.textContent())?.replace(/\s+/g, '')).toContain('已登记还款¥3,000.00');
    expect(await page.evaluate('window.__csp')).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });

  it('starts a new loan on today as its disbursement date, written the Chinese way', async () => {
    await h.open('/loans/new');
    const start = h.page.locator('#l-start');
    await start.waitFor();
    await h.page.waitForFunction("document.querySelector('#l-start').value !== ''");
    expect(await start.inputValue()).toBe('2026/05/25');
  });
});
