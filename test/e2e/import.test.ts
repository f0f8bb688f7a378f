import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/services/import/read-file';
import { startHarness, type Harness } from './harness';

const FIXTURES = join(__dirname, '../fixtures/import');

/**
 * A lender's GBK CSV (as Chinese Excel saves it) whose loan-number column is headed "编号", which
 * the header dictionary does not know: every row is rejected until the clerk maps that column.
 */
describe('importing a loan book through the screen, in Chinese', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'zh-CN' });
  });
  afterAll(async () => h?.close());

  it('previews errors, fixes a mapping, confirms, and downloads the template and an export', async () => {
    const { page } = h;
    await h.open('/import');
    await page.getByRole('heading', { level: 1, name: '导入与导出' }).waitFor();
    await page.locator('#import-files').setInputFiles(join(FIXTURES, 'own-headers-gbk.csv'));

    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await page.getByTestId('import-files').textContent()).toContain('GB18030');
    const rows = await errors.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      // The reason is the code translated; the column the file lacks is named in Chinese too.
      'own-headers-gbk2合同编号合同编号 为必填项',
      'own-headers-gbk3合同编号合同编号 为必填项',
    ]);
    // Every problem at once, by kind, counted in rows.
    expect(await page.getByTestId('import-error-groups').locator('li').allTextContents()).toEqual([
      '2 行 — 合同编号：合同编号 为必填项(第 2, 3 行)',
    ]);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await h.screenshot('import-preview-errors');

    await page.getByLabel('own-headers-gbk 编号').selectOption('loanNumber');
    await page.getByText('所有行均已通过。').waitFor();
    await page.getByRole('button', { name: '保存此列对应关系，下次使用' }).click();
    await page.getByText('已保存对应关系。').waitFor();
    expect(await h.app.handlers['import.savedMapping']({})).toMatchObject({ 编号: 'loanNumber' });

    // A VIN and an ID whose check digits are off: warnings, shown, which the lender accepts.
    expect(await page.getByTestId('import-warnings').locator('tbody tr').allTextContents()).toEqual([
      'own-headers-gbk2车架号车架号 LSVAU2180N2184847 的校验位(第 9 位)不正确，请核对',
      'own-headers-gbk3证件号码证件号 110101199002021238 不是有效的大陆居民身份证号(18 位且校验位正确，或 15 位数字)',
    ]);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await page.getByLabel('我已核对这些提示，仍然导入').check();
    await page.getByRole('button', { name: '确认导入' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('已导入 2 位借款人、2 笔贷款、1 件抵押物、0 笔还款');
    expect(await summary.locator('progress').getAttribute('value')).toBe('1');
    const loans = await h.app.handlers['loans.list']({
      query: '',
      locale: 'en',
      overdueOnly: false,
      sort: 'number',
      offset: 0,
      limit: 10,
    });
    expect(loans.rows.map((r) => [r.number, r.borrowerName, r.principal])).toEqual([
      ['K-1', '周杰', 8_000_000],
      ['K-2', '吴磊', 15_000_000],
    ]);

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载模板' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('pledgebook-import-template-zh-CN.xlsx');
    const templateBook = await readImportFile('t.xlsx', readFileSync((await template.path())!));
    expect(templateBook.sheets[0]!.rows[0]!.slice(0, 3)).toEqual(['合同编号', '借款人', '身份证号']);

    await page.getByLabel('内容', { exact: true }).selectOption('loans');
    await page.getByLabel('格式', { exact: true }).selectOption('xlsx');
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出', exact: true }).click(),
    ]);
    expect(exported.suggestedFilename()).toBe('pledgebook-loans-2026-06-15.xlsx');
    const exportedBook = await readImportFile('e.xlsx', readFileSync((await exported.path())!));
    expect(exportedBook.sheets[0]!.rows.slice(1).map((r) => r[0])).toEqual(['K-1', 'K-2']);
    expect(h.consoleErrors).toEqual([]);
  });
});
