import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { startHarness, type Harness } from './harness';
import { NAV_ITEMS } from '../../renderer/src/app/nav';

const EXPECTED = [
  { locale: 'en-US', dashboard: 'Dashboard', settings: 'Settings', loans: 'Loans', lang: 'en' },
  { locale: 'zh-CN', dashboard: '总览', settings: '设置', loans: '贷款', lang: 'zh-CN' },
  { locale: 'zh-TW', dashboard: '總覽', settings: '設定', loans: '貸款', lang: 'zh-TW' },
];

describe.each(EXPECTED)('the app frame in $locale', (expected) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ locale: expected.locale });
  });
  afterAll(async () => h?.close());

  it('follows the OS language, shows the sidebar, and navigates by keyboard', async () => {
    await h.open('/');
    const nav = h.page.getByRole('navigation');
    await nav.getByRole('link', { name: expected.dashboard }).waitFor();
    expect(await h.page.locator('html').getAttribute('lang')).toBe(expected.lang);
    expect(await h.page.getByRole('heading', { level: 1 }).textContent()).toBe(expected.dashboard);
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toHaveLength(NAV_ITEMS.length);
    expect(links).toContain(expected.loans);

    // Keyboard only: focus the Settings link and press Enter.
    await nav.getByRole('link', { name: expected.settings }).focus();
    await h.page.keyboard.press('Enter');
    await h.page.getByRole('heading', { level: 1, name: expected.settings }).waitFor();
    expect(h.page.url()).toContain('#/settings');
    const shot = await h.screenshot(`frame-${expected.locale}`);
    expect(existsSync(shot)).toBe(true);
    expect(h.consoleErrors).toEqual([]);
  });
});

describe('switching the language in Settings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ locale: 'en-US' });
  });
  afterAll(async () => h?.close());

  it('saves the choice and re-renders in 繁體中文, surviving a reload', async () => {
    await h.open('/settings');
    // Settings opens on its General section, whose form holds the language.
    const general = h.page.locator('form').filter({ has: h.page.locator('#locale') });
    await general.locator('#locale').selectOption('zh-TW');
    await general.getByRole('button', { name: 'Save', exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
    await h.page.reload();
    await h.page.getByRole('heading', { level: 1, name: '設定' }).waitFor();
    expect(await h.page.getByRole('navigation').getByRole('link').first().textContent()).toBe('總覽');
  });

  it('refuses an invalid loan number prefix with a message on the field', async () => {
    await h.open('/settings');
    const general = h.page.locator('form').filter({ has: h.page.locator('#locale') });
    await general.getByLabel('貸款編號前綴').fill('PB 2026!');
    await general.getByRole('button', { name: '儲存', exact: true }).click();
    await h.page.getByRole('alert').first().waitFor();
    expect((await h.app.handlers['settings.get']({})).loanNumberPrefix).toBe('PB');
  });
});
