import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { callersOf } from '../support/test-app';
import { aCarTitleLoanOnACar } from './books';
import { startHarness, type Harness } from './harness';

/**
 * On a 简体中文 screen, refused input is said beside its field in Chinese, with amounts and dates
 * as Chinese lenders write them, once, and with no English or field paths: an overpayment, a
 * payment dated after today, a VIN of 16 characters and an LTV threshold of 250%. Today is
 * 2026-06-15; the fixtures' car-title loan (60,000.00 from 2026-03-10) secures a car.
 */
let itemId = 0;
let loanId = 0;
async function seed(app: PledgebookApp) {
  ({ loanId, itemId } = await aCarTitleLoanOnACar(app));
}

const ENGLISH = /[A-Za-z]{3,}/;

describe('refusals beside the field, in Chinese', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'zh-CN', seed });
  });
  afterAll(async () => h?.close());

  async function fieldError(id: string): Promise<string> {
    const error = h.page.locator(`#${id}-error`);
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }

  it('says an overpayment exceeds the payoff, both amounts in yuan', async () => {
    const { page } = h;
    const payoff = (await callersOf(h.app).call('loans.get', { id: loanId })).payoff;
    await h.open(`/loans/${loanId}`);
    await page.getByRole('button', { name: '登记还款' }).click();
    await page.getByLabel('金额').fill('500000');
    const text = await fieldError('p-amount');
    expect(text).toContain('金额 ¥500,000.00 超过');
    const payoffText = `¥${(payoff / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(text).toContain(`的结清金额 ${payoffText}`);
    expect(text).not.toMatch(ENGLISH);
    expect(await page.getByText('超过', { exact: false }).count()).toBe(1);
    await h.screenshot('refusal-overpayment-zh-CN');
  });

  it('says a payment cannot be dated after today, the date written the Chinese way', async () => {
    const { page } = h;
    await page.getByLabel('金额').fill('100');
    await page.getByLabel('还款日期').fill('2026-06-20');
    const text = await fieldError('p-date');
    expect(text).toContain('还款日期不能晚于今天');
    expect(text).toContain('2026');
    expect(text).not.toContain('2026-06-15');
    expect(text).not.toMatch(ENGLISH);
  });

  it('refuses a VIN of 16 characters beside the VIN field', async () => {
    const { page } = h;
    await h.open(`/collateral/${itemId}`);
    await page.getByRole('button', { name: '编辑抵押物' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('车架号（VIN）').fill('LSVAM4187C218484');
    await dialog.getByRole('button', { name: '保存' }).click();
    const text = await fieldError('ci-vin');
    expect(text).toContain('车架号必须是 17 位（当前 16 位）');
    expect(text).not.toMatch(ENGLISH);
    expect(await dialog.textContent()).not.toContain('details.vin');
  });

  it('refuses an LTV threshold of 250% beside the threshold', async () => {
    const { page } = h;
    await h.open('/settings/collateral');
    await page.getByLabel('车辆抵押率预警线（%）').fill('250');
    await page.getByRole('button', { name: '保存抵押物设置' }).click();
    const text = await fieldError('cs-ltvThresholdVehiclePercent');
    expect(text).toBe('必须大于 0 且不超过 100。');
    expect(await page.locator('.error-panel').count()).toBe(0);
    await h.screenshot('refusal-threshold-zh-CN');
  });
});
