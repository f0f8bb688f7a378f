import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loansCsv } from '../support/loans-csv';
import { startHarness, type Harness } from './harness';

/**
 * Long work as the clerk meets it: an import of a few thousand loans shows how far it has got,
 * and Cancel stops it with nothing written; the same file then imports whole.
 */
describe('an import the clerk stops, in Chinese', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'zh-CN' });
  });
  afterAll(async () => h?.close());

  const loansInBook = async () =>
    (
      await h.app.handlers['loans.list']({
        query: '',
        locale: 'en',
        overdueOnly: false,
        sort: 'number',
        offset: 0,
        limit: 1,
      })
    ).total;

  it('shows the rows written so far, stops on Cancel with nothing saved, then imports whole', async () => {
    const { page } = h;
    await h.open('/import');
    await page.locator('#import-files').setInputFiles({
      name: 'loans.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(loansCsv(8000)),
    });
    const confirm = page.getByRole('button', { name: '确认导入' });
    await page.getByTestId('import-files').waitFor({ timeout: 60_000 });
    const accept = page.getByLabel('我已核对这些提示，仍然导入');
    if (await accept.isVisible()) await accept.check();
    // The bar carries the figures once the service knows them; the clerk presses Cancel then.
    // Watched from inside the page: this process also runs the services, busy with the import.
    // A string, because this side is type-checked without the DOM library.
    const seen = page.evaluate(`new Promise((resolve) => {
      const cancelOnFigures = () => {
        const bar = [...document.querySelectorAll('.work-progress')]
          .find((e) => /\\d+ \\/ \\d+/.test(e.textContent || ''));
        if (!bar) return false;
        resolve(bar.textContent || '');
        bar.querySelector('button').click();
        return true;
      };
      if (cancelOnFigures()) return;
      new MutationObserver((_, watching) => cancelOnFigures() && watching.disconnect())
        .observe(document.body, { subtree: true, childList: true, characterData: true });
    })`) as Promise<string>;
    await confirm.click();
    // Row counts are written as numbers in the reader's locale.
    expect(await seen).toMatch(/：第 [\d,]+ \/ 24,000 行取消$/);
    await page.getByText('已按您的要求停止导入，账簿中未写入任何内容。').waitFor({ timeout: 30_000 });
    expect(await loansInBook()).toBe(0);

    await confirm.click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    expect(await loansInBook()).toBe(8000);
  }, 240_000);
});
