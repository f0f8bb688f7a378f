import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import { startHarness, type Harness } from './harness';

/**
 * The book's long lists on a 20,000-loan book: only the rows in view exist, and filters still
 * bite. One seeded book serves every list, because seeding it is most of the file's run time.
 */
describe('the long lists at 20,000 loans', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      today: '2026-06-30',
      seed: (app) =>
        seedLoanBook(app.ctx, { loans: 20_000, seed: 3, asOf: '2026-06-30' }).then(() => undefined),
    });
  }, 240_000);
  afterAll(async () => h?.close());

  /** What the service says, so the screen is checked against the same filter, not a guess. */
  async function ask<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await h.app.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  const rows = () => h.page.locator('.vtable-row');
  const firstRow = () => h.page.locator('.vtable-row[aria-rowindex="2"]');

  /** Wheels the table far down and waits for a row from deep in the list to be drawn. */
  async function scrollDeep() {
    await h.page.locator('.vtable-body').hover();
    await h.page.mouse.wheel(0, 600 * 32);
    await h.page.locator('.vtable-row[aria-rowindex="602"]').waitFor({ state: 'attached', timeout: 45_000 });
  }

  it(
    'keeps fewer than 300 loan rows in the DOM while scrolling, and filtering updates the view',
    { timeout: 180_000 },
    async () => {
      await h.open('/loans');
      const count = h.page.getByTestId('loan-count');
      await count.waitFor();
      expect(await count.textContent()).toBe('20,000 loans');
      expect(await rows().count()).toBeLessThan(300);

      // Scroll far down: still only a window of rows, now from deep in the book.
      await scrollDeep();
      // And the keyboard moves the selection from there.
      await h.page.locator('.vtable-body').focus();
      await h.page.keyboard.press('ArrowDown');
      await h.page
        .locator('.vtable-row[aria-selected="true"][aria-rowindex="3"]')
        .waitFor({ state: 'attached' });
      expect(h.consoleErrors).toEqual([]);
      expect(await rows().count()).toBeLessThan(300);

      const expected = await ask('loans.list', { bucket: '181+', offset: 0, limit: 1 });
      await h.page.getByLabel('Bucket').selectOption('181+');
      await h.page
        .getByTestId('loan-count')
        .filter({ hasText: `${expected.total.toLocaleString('en-US')} loans` })
        .waitFor();
      expect(expected.total).toBeGreaterThan(0);
      expect(expected.total).toBeLessThan(20_000);
      expect(await rows().first().textContent()).toContain(expected.rows[0]!.number);
      expect(await rows().count()).toBeLessThan(300);
    },
  );

  it(
    'keeps the collateral register to a window of rows, and its kind filter updates the view',
    { timeout: 180_000 },
    async () => {
      const all = await ask('collateral.list', { offset: 0, limit: 1 });
      // Deep scrolling below means nothing unless the register is far longer than a screen.
      expect(all.total).toBeGreaterThan(10_000);
      await h.open('/collateral');
      await h.page
        .getByTestId('collateral-count')
        .filter({ hasText: `${all.total.toLocaleString('en-US')} items` })
        .waitFor();
      await firstRow().filter({ hasText: all.rows[0]!.loans[0]!.number }).waitFor();
      expect(await rows().count()).toBeLessThan(300);

      await scrollDeep();
      expect(await rows().count()).toBeLessThan(300);

      const vehicles = await ask('collateral.list', { kind: 'vehicle', offset: 0, limit: 1 });
      expect(vehicles.total).toBeGreaterThan(0);
      expect(vehicles.total).toBeLessThan(all.total);
      await h.page.getByLabel('Kind', { exact: true }).selectOption('vehicle');
      await h.page
        .getByTestId('collateral-count')
        .filter({ hasText: `${vehicles.total.toLocaleString('en-US')} items` })
        .waitFor();
      // A new filter starts at the top: the first row is the service's first vehicle.
      const car = vehicles.rows[0]!;
      await firstRow().filter({ hasText: car.loans[0]!.number }).filter({ hasText: car.label }).waitFor();
      expect(await rows().count()).toBeLessThan(300);

      // The alerts card under the register lists only the first few of the book's thousands of
      // alerts; "All alerts" puts the rest in the table through the register's alert filter.
      const alerts = await ask('collateral.alerts', {});
      expect(alerts.length).toBeGreaterThan(100);
      const card = h.page.getByTestId('collateral-alerts');
      await card.waitFor();
      expect(await card.locator('li').count()).toBeLessThanOrEqual(20);
      const alerted = await ask('collateral.list', { kind: 'vehicle', alert: 'any', offset: 0, limit: 1 });
      expect(alerted.total).toBeGreaterThan(0);
      expect(alerted.total).toBeLessThan(vehicles.total);
      await h.page.getByRole('button', { name: 'All alerts' }).click();
      await h.page
        .getByTestId('collateral-count')
        .filter({ hasText: `${alerted.total.toLocaleString('en-US')} items` })
        .waitFor();
      expect(await rows().count()).toBeLessThan(300);
      expect(h.consoleErrors).toEqual([]);
    },
  );

  it(
    'keeps the collections worklist to a window of rows, and its bucket filter updates the view',
    { timeout: 180_000 },
    async () => {
      // The whole list (no offset or limit), so the count is what the collector should see.
      const all = await ask('collections.worklist', {});
      expect(all.rows.length).toBeGreaterThan(1_000);
      expect(all.total).toBe(all.rows.length);
      await h.open('/collections');
      await h.page
        .getByTestId('worklist-count')
        .filter({ hasText: accounts(all.rows.length) })
        .waitFor();
      await firstRow().filter({ hasText: all.rows[0]!.loanNumber }).waitFor();
      expect(await rows().count()).toBeLessThan(300);

      await scrollDeep();
      expect(await rows().count()).toBeLessThan(300);

      const bucket = '61-90';
      const inBucket = await ask('collections.worklist', { bucket });
      expect(inBucket.rows.length).toBeGreaterThan(0);
      expect(inBucket.rows.length).toBeLessThan(all.rows.length);
      await h.page.getByLabel('Bucket').selectOption(bucket);
      await h.page
        .getByTestId('worklist-count')
        .filter({ hasText: accounts(inBucket.rows.length) })
        .waitFor();
      await firstRow().filter({ hasText: inBucket.rows[0]!.loanNumber }).waitFor();
      expect(await rows().count()).toBeLessThan(300);
      expect(h.consoleErrors).toEqual([]);
    },
  );
});

/** "1234 accounts", with or without a thousands separator, and no longer number ending in it. */
function accounts(n: number): RegExp {
  return new RegExp(`(^|[^\\d,])(${n}|${n.toLocaleString('en-US')}) accounts`);
}
