import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLoanBook } from '../../electron/services/seed/seed.service';
import { startHarness, type Harness } from './harness';

/** The loan list on a 20,000-loan book: only the rows in view exist, and filters still bite. */
describe('the loan list at 20,000 loans', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      today: '2026-06-30',
      seed: (app) =>
        seedLoanBook(app.ctx, { loans: 20_000, seed: 3, asOf: '2026-06-30' }).then(() => undefined),
    });
  }, 240_000);
  afterAll(async () => h?.close());

  it(
    'keeps fewer than 300 rows in the DOM while scrolling, and filtering updates the view',
    { timeout: 180_000 },
    async () => {
      await h.open('/loans');
      const count = h.page.getByTestId('loan-count');
      await count.waitFor();
      expect(await count.textContent()).toBe('20,000 loans');
      const rows = h.page.locator('.vtable-row');
      expect(await rows.count()).toBeLessThan(300);

      // Scroll far down: still only a window of rows, now from deep in the book.
      await h.page.locator('.vtable-body').hover();
      await h.page.mouse.wheel(0, 600 * 32);
      await h.page
        .locator('.vtable-row[aria-rowindex="602"]')
        .waitFor({ state: 'attached', timeout: 45_000 });
      // And the keyboard moves the selection from there.
      await h.page.locator('.vtable-body').focus();
      await h.page.keyboard.press('ArrowDown');
      await h.page
        .locator('.vtable-row[aria-selected="true"][aria-rowindex="3"]')
        .waitFor({ state: 'attached' });
      expect(h.consoleErrors).toEqual([]);
      expect(await rows.count()).toBeLessThan(300);

      const result = await h.app.dispatch('loans.list', { bucket: '181+', offset: 0, limit: 1 });
      if (!result.ok) throw new Error(result.error.message);
      const expected = result.value as { total: number; rows: { number: string }[] };
      await h.page.getByLabel('Bucket').selectOption('181+');
      await h.page
        .getByTestId('loan-count')
        .filter({ hasText: `${expected.total.toLocaleString('en-US')} loans` })
        .waitFor();
      expect(expected.total).toBeGreaterThan(0);
      expect(expected.total).toBeLessThan(20_000);
      const firstRow = await rows.first().textContent();
      expect(firstRow).toContain(expected.rows[0]!.number);
      expect(await rows.count()).toBeLessThan(300);
    },
  );
});
