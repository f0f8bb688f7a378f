import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/services/import/read-file';
import { startHarness, type Harness } from './harness';

const HEADERS = '合同编号,借款人,身份证号,手机,贷款金额,年利率,期限,放款日期,还款方式';
const csvFile = (rows: string[]) => ({
  name: 'book.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADERS, ...rows].join('\n')),
});
const GOOD = 'P-1,王芳,11010519491231002X,13800138000,60000,12,12,2026-01-05,等额本息';
/**
 * Three kinds of problem: an amount in words, a disbursement after today, a short phone number.
 * One borrower with four loans, so these are the only problems.
 */
const withProblems = csvFile([
  GOOD,
  'P-2,王芳,11010519491231002X,13800138000,六万,12,12,2026-01-05,等额本息',
  'P-3,王芳,11010519491231002X,13800138000,60000,12,12,2026-07-01,等额本息',
  'P-4,王芳,11010519491231002X,1380000,60000,12,12,2026-01-05,等额本息',
]);
const fixed = csvFile([
  GOOD,
  'P-2,王芳,11010519491231002X,13800138000,60000,12,12,2026-01-05,等额本息',
  'P-3,王芳,11010519491231002X,13800138000,60000,12,12,2026-06-01,等额本息',
  'P-4,王芳,11010519491231002X,13800138001,60000,12,12,2026-01-05,等额本息',
]);

describe('every problem of a sheet at once, an annotated copy, and the fixed sheet imported', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-15', locale: 'zh-CN' });
  });
  afterAll(async () => h?.close());

  it('shows all three kinds together, downloads the annotated copy, then imports the fixed sheet', async () => {
    const { page } = h;
    await h.open('/import');
    await page.locator('#import-files').setInputFiles(withProblems);

    await page.getByTestId('import-errors').waitFor();
    const groups = await page.getByTestId('import-error-groups').locator('li').allTextContents();
    expect(groups).toHaveLength(2);
    expect(groups[0]).toContain('不是金额');
    expect(groups[0]).toContain('第 3 行');
    expect(groups[1]).toContain('晚于今天');
    expect(groups[1]).toContain('第 4 行');
    const warnings = await page.getByTestId('import-warnings').locator('tbody tr').allTextContents();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('1380000 不是大陆手机号');
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

    const [copy] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载标注问题的副本' }).click(),
    ]);
    expect(copy.suggestedFilename()).toBe('book-problems.xlsx');
    const annotated = await readImportFile('copy.xlsx', readFileSync((await copy.path())!));
    const rows = annotated.sheets[0]!.rows;
    expect(rows[0]).toEqual([...HEADERS.split(','), '问题']);
    expect(rows[1]![9] ?? null).toBeNull();
    expect(rows[2]![9]).toContain('不是金额');
    expect(rows[3]![9]).toContain('晚于今天');
    expect(rows[4]![9]).toContain('提醒');

    await page.locator('#import-files').setInputFiles(fixed);
    await page.getByText('所有行均已通过。').waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('import-summary').waitFor();
    const loans = await h.app.handlers['loans.list']({
      query: '',
      locale: 'en',
      overdueOnly: false,
      sort: 'number',
      offset: 0,
      limit: 10,
    });
    expect(loans.rows.map((r) => r.number)).toEqual(['P-1', 'P-2', 'P-3', 'P-4']);
  });
});
