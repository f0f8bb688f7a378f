import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, startHarness, type Harness } from './harness';
import { SETTINGS_SECTIONS } from './screens';

/**
 * Every screen and main dialog, in both Chinese locales, on a seeded book: no run of English may
 * show. Allowed are what a Chinese lender also writes in Latin letters — the product name, loan
 * numbers, VINs, plates, currency codes, units, file formats, industry abbreviations — and the
 * seeded data's own Latin words (car makes and models), read from the book itself.
 */
const ALLOWED = new Set(
  [
    'Pledgebook',
    // The example beside the field for a contact outcome's code.
    'reached-callback',
    'PARx',
    'MOP',
    'SGD',
    'CNY',
    'TWD',
    'USD',
    'HKD',
    'NT',
    'CN',
    'US',
    'HK',
    'KB',
    'MB',
    'GB',
    'km',
    'PAR',
    // The accounting standard's name, as Chinese accountants write it (IFRS 9 三阶段).
    'IFRS',
    'DPD',
    'LTV',
    'VIN',
    'GPS',
    'PDF',
    'XLSX',
    'CSV',
    'Excel',
    'UTF',
    'GBK',
    'Big',
    'PNG',
    'JPEG',
    'WebP',
    'ISO',
    'Ctrl',
    'Alt',
    'Shift',
    'Enter',
    'Esc',
    'Tab',
    'SQLite',
    'English',
  ].map((w) => w.toLowerCase()),
);

/**
 * Codes go before words are read: identifiers mixing letters and digits (loan numbers PB-2026-000123,
 * VINs, plates, policy numbers), time-zone names (Asia/Shanghai), file paths, and letter merge
 * fields ({{company}}). Text the app marks as code (<code>, <kbd>) is not read at all.
 */
const CODES = [
  /\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{3,}\b/g,
  /\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g,
  /(?:[A-Za-z]:\\|\/)[^\s]+/g,
  /\{\{[^}]*\}\}/g,
];

function englishLeftovers(text: string, dataWords: Set<string>): string[] {
  let rest = text;
  for (const code of CODES) rest = rest.replace(code, ' ');
  const words = rest.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) ?? [];
  return words.filter(
    (w) => w.length >= 3 && !ALLOWED.has(w.toLowerCase()) && !dataWords.has(w.toLowerCase()),
  );
}

describe.each(['zh-CN', 'zh-TW'])('every screen in %s', (locale) => {
  let h: Harness;
  const dataWords = new Set<string>();
  const ids = { loan: 0, borrower: 0, item: 0 };

  beforeAll(async () => {
    h = await startHarness({
      today: '2026-06-30',
      locale,
      seed: async (app) => {
        await seedLoanBook(app.ctx, { loans: 40, seed: 7, asOf: '2026-06-30' });
      },
    });
    const db = h.app.ctx.db;
    const items = await db.selectFrom('collateral_items').select(['id', 'make', 'model', 'colour']).execute();
    for (const i of items) {
      for (const w of `${i.make ?? ''} ${i.model ?? ''} ${i.colour ?? ''}`.match(/[A-Za-z]+/g) ?? []) {
        dataWords.add(w.toLowerCase());
      }
    }
    ids.item = items[0]!.id;
    const overdue = await sql<{ id: number; borrower_id: number }>`
      SELECT l.id, l.borrower_id FROM loans l JOIN loan_status s ON s.loan_id = l.id
      WHERE s.oldest_unpaid_due_date IS NOT NULL AND l.status = 'active'
      ORDER BY s.oldest_unpaid_due_date LIMIT 1`.execute(db);
    ids.loan = overdue.rows[0]!.id;
    ids.borrower = overdue.rows[0]!.borrower_id;
  }, 120_000);
  afterAll(async () => h?.close());

  /** Opens a route, lets its data arrive, and returns the English it shows. */
  async function sweep(route: string): Promise<string[]> {
    await h.open(route);
    await h.page.waitForLoadState('networkidle');
    await h.page.locator('h1').first().waitFor();
    return leftoversOnPage(route);
  }
  async function leftoversOnPage(where: string): Promise<string[]> {
    // A string, because this side is type-checked without the DOM library.
    // The app's CSP refuses an injected <style>, so code is hidden through each element's style.
    const text = (await h.page.evaluate(`(() => {
      const codes = [...document.querySelectorAll('code, kbd')];
      for (const c of codes) c.style.display = 'none';
      const text = document.body.innerText;
      for (const c of codes) c.style.display = '';
      return text;
    })()`)) as string;
    // What was read, beside the screenshots, so a failure can be looked at.
    writeFileSync(join(ARTIFACTS, `i18n-sweep-${locale}-${where.replace(/[^\w-]+/g, '_')}.txt`), text);
    return englishLeftovers(text, dataWords).map((w) => `${where}: ${w}`);
  }

  it('shows no English on any screen', async () => {
    const routes = [
      '/',
      '/borrowers',
      `/borrowers/${ids.borrower}`,
      '/loans',
      '/loans/new',
      `/loans/${ids.loan}`,
      `/loans/${ids.loan}/plans`,
      '/collateral',
      `/collateral/${ids.item}`,
      '/collections',
      `/collections/loans/${ids.loan}`,
      `/collections/loans/${ids.loan}/letter`,
      '/collections/legal',
      '/plans',
      '/reports',
      '/ledger',
      '/import',
      ...SETTINGS_SECTIONS.map((s) => `/settings/${s}`),
    ];
    const found: string[] = [];
    for (const route of routes) found.push(...(await sweep(route)));
    expect(found).toEqual([]);
  }, 180_000);

  it('shows no English in the payment dialog, nor when it refuses input', async () => {
    await sweep(`/loans/${ids.loan}`);
    const record = locale === 'zh-CN' ? '登记还款' : '登記還款';
    await h.page.getByRole('button', { name: record }).first().click();
    const dialog = h.page.getByRole('dialog');
    await dialog.waitFor();
    const found = await leftoversOnPage('payment dialog');
    // Refused input: an amount that is not one, then one far above what the loan owes.
    await dialog.locator('#p-amount').fill('abc');
    await dialog.locator('#p-receivedBy').focus();
    await h.page.waitForLoadState('networkidle');
    found.push(...(await leftoversOnPage('payment dialog, not an amount')));
    await dialog.locator('#p-amount').fill('99999999');
    // The refusal names the amount, so it shows beside that field.
    await dialog.locator('#p-amount-error').waitFor();
    found.push(...(await leftoversOnPage('payment dialog, above what is owed')));
    expect(found).toEqual([]);
  }, 60_000);

  /** Submits the open form and returns the English on the page once a refusal shows. */
  async function refusedLeftovers(where: string, refusal: string): Promise<string[]> {
    await h.page.locator('form button[type="submit"]').first().click();
    await h.page.locator(refusal).first().waitFor();
    await h.page.waitForLoadState('networkidle');
    return leftoversOnPage(where);
  }

  it('shows no English when the borrower form refuses an empty name and a short ID number', async () => {
    await sweep('/borrowers');
    await h.page.getByRole('button', { name: '新增借款人' }).click();
    await h.page.locator('#b-idType').selectOption('passport');
    await h.page.locator('#b-idNumber').fill('AB');
    const found = await refusedLeftovers('borrower form, refused', '#b-idNumber-error');
    expect(await h.page.locator('#b-name-error').textContent()).toMatch(/必填/);
    expect(await h.page.locator('#b-idNumber-error').textContent()).toContain('4');
    expect(found).toEqual([]);
  }, 60_000);

  it('shows no English when a contact rule blocks a call, nor when it is saved again without a reason', async () => {
    await sweep(`/collections/loans/${ids.loan}`);
    await h.page.locator('#c-time').fill('2026-06-14');
    await h.page.locator('#c-time-hour').fill('23');
    await h.page.locator('#c-time-minute').fill('00');
    const found = await refusedLeftovers('contact blocked', '[data-testid="guard-blocked"]');
    await h.page.locator('form button[type="submit"]').first().click();
    await h.page.locator('[data-testid="guard-blocked"]').waitFor();
    await h.page.waitForLoadState('networkidle');
    found.push(...(await leftoversOnPage('contact blocked, saved again')));
    expect(found).toEqual([]);
  }, 60_000);

  it('shows no English when a plan is refused', async () => {
    await sweep(`/loans/${ids.loan}/plans`);
    await h.page.locator('#plan-0-type').selectOption('settlement');
    await h.page.locator('#plan-0-amount').fill('999999999');
    await h.page.getByTestId('candidate-0').locator('.field-error').first().waitFor();
    await h.page.waitForLoadState('networkidle');
    expect(await leftoversOnPage('plan refused')).toEqual([]);
  }, 60_000);

  it('shows no English when the new-loan form refuses its input', async () => {
    await sweep('/loans/new');
    await h.page.locator('#l-principal').fill('abc');
    await h.page.locator('#l-months').fill('0');
    const found = await refusedLeftovers('new loan, refused', '#l-principal-error');
    expect(await h.page.locator('#l-months-error').count()).toBe(1);
    expect(found).toEqual([]);
  }, 60_000);

  it('shows no English in the search palette', async () => {
    await sweep('/loans');
    await h.page.keyboard.press('Control+k');
    const search = h.page.getByRole('dialog');
    await search.waitFor();
    await search.locator('input').first().fill('PB-20');
    await search.getByRole('option').first().waitFor();
    expect(await leftoversOnPage('search palette')).toEqual([]);
  }, 60_000);
});
