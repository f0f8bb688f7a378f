import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';

const sheet = [
  '合同编号,借款人,身份证号,手机,贷款金额,年利率,期限,放款日期,还款方式',
  'A-1,王芳,11010519491231002X,13800138000,60000,12,12,2026-01-05,等额本息',
  // Not a number, and a landline-length phone: an error and a warning on one row.
  'A-2,李雷,11010519491231002X,1380000,六万,12,12,2026-01-05,等额本息',
  'A-3,韩梅梅,11010519491231002X,13800138000,60000,12,12,2026-07-01,等额本息',
].join('\n');

async function cellsOf(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const ws = workbook.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: 12 }, (_, i) => String(row.getCell(i + 1).value ?? ''));
  });
  return { name: ws.name, rows };
}

describe('the annotated copy of an uploaded sheet', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('is the original columns plus a problems column in the user’s language, and writes nothing', async () => {
    const file = await app.call('import.annotated', {
      files: [{ name: 'book.csv', base64: Buffer.from(sheet).toString('base64') }],
      language: 'zh-CN',
    });
    expect(file.name).toBe('book-problems.xlsx');
    const { rows } = await cellsOf(file.base64);
    expect(rows[0]!.slice(0, 10)).toEqual([...sheet.split('\n')[0]!.split(','), '问题']);
    // Original cells stay as the lender wrote them.
    expect(rows[2]!.slice(0, 9)).toEqual(sheet.split('\n')[2]!.split(','));
    expect(rows[1]![9]).toBe('');
    expect(rows[2]![9]).toContain('贷款金额: “六万”不是金额');
    expect(rows[2]![9]).toContain('提醒: 手机: 1380000');
    expect(rows[3]![9]).toContain('放款日期 2026-07-01 晚于今天');
    expect((await app.call('loans.list', {})).total).toBe(0);
  });

  it('words the problems in English when asked', async () => {
    const file = await app.call('import.annotated', {
      files: [{ name: 'book.csv', base64: Buffer.from(sheet).toString('base64') }],
      language: 'en',
    });
    const { rows } = await cellsOf(file.base64);
    expect(rows[0]![9]).toBe('Problems');
    expect(rows[2]![9]).toContain('贷款金额: "六万" is not an amount');
    expect(rows[2]![9]).toContain('Warning: 手机: 1380000 is not a mainland mobile number');
  });
});

describe('a detail the service refused with its own code', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  // A car-title row whose VIN has 16 characters: the contract's VIN check refuses it with a code.
  const carSheet = [
    '合同编号,借款人,身份证号,手机,贷款金额,年利率,期限,放款日期,还款方式,车牌号,车架号',
    'C-1,王芳,11010519491231002X,13800138000,60000,12,12,2026-01-05,等额本息,京A12345,LSVAU2188N218484',
  ].join('\n');
  const files = [{ name: 'cars.csv', base64: Buffer.from(carSheet).toString('base64') }];

  it('carries the code beside the English detail, and the copy words it in Chinese', async () => {
    const preview = await app.call('import.preview', { files });
    const vin = preview.errors.find((e) => e.code === 'vin.invalid');
    expect(vin?.params).toMatchObject({ detailReason: expect.stringMatching(/^vin\./) });
    expect(String(vin?.params.detail)).toMatch(/[a-z]{3,}/);

    const { rows } = await cellsOf((await app.call('import.annotated', { files, language: 'zh-CN' })).base64);
    const problems = rows[1]![11]!;
    expect(problems).toContain('车架号');
    // Only the VIN itself is in Latin letters; the words around it are Chinese.
    expect(problems.replace('LSVAU2188N218484', '').replace(/VIN/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });
});
