import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSchedule } from '../../../shared/engine';
import { readImportFile } from '../../../electron/services/import/read-file';
import { openTestApp, type TestApp } from '../../support/test-app';
import { fixture, importInto } from './support';

async function loansByNumber(app: TestApp) {
  const { rows } = await app.call('loans.list', { limit: 1000 });
  const out = new Map<string, Awaited<ReturnType<TestApp['handlers']['loans.get']>>>();
  for (const r of rows) out.set(r.number, await app.call('loans.get', { id: r.id }));
  return out;
}

describe('importing a Chinese loan book made in a spreadsheet', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('reads every date, amount and rate form of the LibreOffice XLSX into exact terms', async () => {
    const result = await importInto(app, [fixture('book-zh.xlsx')]);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ committed: true, borrowers: 4, loans: 5, payments: 4, collateral: 4 });
    const loans = await loansByNumber(app);
    const terms = (n: string) => {
      const l = loans.get(n)!;
      return [l.product, l.principal, l.annualRatePercent, l.months, l.method, l.startDate, l.borrower.name];
    };
    expect(terms('PB-001')).toEqual(['car-title', 6_000_000, '12', 12, 'annuity', '2026-01-05', '王芳']);
    expect(terms('PB-002')).toEqual([
      'mortgage',
      120_000_000,
      '12',
      36,
      'equal-principal',
      '2026-01-05',
      '李雷',
    ]);
    expect(terms('PB-003')).toEqual([
      'car-title',
      12_500_000,
      '9.5',
      24,
      'interest-only',
      '2026-02-10',
      '韩梅梅',
    ]);
    expect(terms('PB-004')).toEqual(['mortgage', 8_000_000, '18', 6, 'bullet', '2026-03-01', '王芳']);
    expect(terms('PB-005')).toEqual(['car-title', 5_000_050, '8.5', 12, 'annuity', '2026-01-05', '张伟']);
    // One person with two loans is one borrower.
    expect(loans.get('PB-001')!.borrower.id).toBe(loans.get('PB-004')!.borrower.id);
    expect(loans.get('PB-001')!.status).toBe('active');
  });

  it('pledges the car or property of each flat loans row, with its appraisal as first valuation', async () => {
    await importInto(app, [fixture('book-zh.xlsx')]);
    const loans = await loansByNumber(app);
    const itemOf = async (n: string) => {
      const { items } = await app.call('collateral.forLoan', { loanId: loans.get(n)!.id });
      return Promise.all(items.map((i) => app.call('collateral.get', { id: i.id })));
    };
    const [car] = await itemOf('PB-001');
    expect(car!.details).toMatchObject({
      kind: 'vehicle',
      plate: '京A12345',
      vin: 'LSVAU2180N2184847',
      make: '大众',
      model: '帕萨特',
      // No model year in the sheet: none is made up (0 is "to complete").
      year: 0,
    });
    expect(car!.valuations.map((v) => [v.date, v.value, v.source])).toEqual([
      ['2025-12-28', 12_000_000, 'appraiser'],
    ]);
    const [home] = await itemOf('PB-002');
    expect(home!.details).toMatchObject({
      kind: 'property',
      titleCertificateNo: '沪(2021)浦东新区不动产权第0012345号',
      address: '上海市浦东新区世纪大道100号1801室',
    });
    expect(home!.valuations.map((v) => [v.date, v.value])).toEqual([['2025-12-20', 260_000_000]]);
    const [ev] = await itemOf('PB-003');
    expect(ev!.details).toMatchObject({ vin: 'LGBH52E05MY123456', make: '比亚迪', model: '汉 EV' });
    expect(ev!.valuations[0]!.value).toBe(21_000_000);
    // No appraisal in the row: an item without valuations; a one-word make is the make, the
    // model left to complete rather than copied from it.
    const [plain] = await itemOf('PB-005');
    expect(plain!.details).toMatchObject({ make: '丰田', model: '' });
    expect(plain!.valuations).toEqual([]);
    expect(await itemOf('PB-004')).toEqual([]);
  });

  it('builds schedules with the engine and applies payments to them', async () => {
    await importInto(app, [fixture('book-zh.xlsx')]);
    const loans = await loansByNumber(app);
    const pb001 = loans.get('PB-001')!;
    const schedule = buildSchedule({
      method: 'annuity',
      principal: 6_000_000,
      annualRatePercent: '12',
      months: 12,
      startDate: '2026-01-05',
    });
    expect(pb001.statement.installments.map((i) => [i.dueDate, i.principal, i.interest])).toEqual(
      schedule.map((i) => [i.dueDate, i.principal, i.interest]),
    );
    expect(pb001.payments.map((p) => [p.date, p.amount])).toEqual([
      ['2026-02-05', 533_093],
      ['2026-03-05', 533_093],
    ]);
    // Two installments paid in full: principal outstanding drops by exactly their principal.
    expect(pb001.statement.outstandingPrincipal).toBe(
      6_000_000 - schedule[0]!.principal - schedule[1]!.principal,
    );
    expect(loans.get('PB-003')!.payments.map((p) => [p.date, p.amount])).toEqual([['2026-03-10', 98_958]]);
  });

  it('reads separate borrower, loan and payment sheets with English headers and a fraction rate column', async () => {
    const result = await importInto(app, [fixture('book-en.xlsx')]);
    expect(result.errors).toEqual([]);
    expect(result.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Borrowers', 'borrowers'],
      ['Loans', 'loans'],
      ['Payments', 'payments'],
    ]);
    const loan = (await loansByNumber(app)).get('EN-1')!;
    expect([loan.borrower.name, loan.annualRatePercent, loan.principal, loan.startDate]).toEqual([
      'Chen Jing',
      '12',
      3_000_000,
      '2026-03-31',
    ]);
    expect(loan.payments.map((p) => p.amount)).toEqual([517_645]);
  });

  it('detects a GBK CSV from Chinese Excel and matches a UTF-8 (BOM) payments CSV by loan number', async () => {
    const result = await importInto(app, [fixture('loans-gbk.csv'), fixture('payments-utf8-bom.csv')]);
    expect(result.files).toEqual([
      { name: 'loans-gbk.csv', encoding: 'gb18030' },
      { name: 'payments-utf8-bom.csv', encoding: 'utf8' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ borrowers: 2, loans: 2, payments: 1 });
    const loans = await loansByNumber(app);
    expect(loans.get('G-1')!.borrower.name).toBe('刘洋');
    expect(loans.get('G-2')!.principal).toBe(3_000_000);
    expect(loans.get('G-2')!.annualRatePercent).toBe('10.5');
    expect(loans.get('G-1')!.payments.map((p) => p.amount)).toEqual([175_832]);
  });

  it('lets the user override the detected encoding', async () => {
    const bytes = fixture('loans-gbk.csv').bytes;
    const asGbk = await readImportFile('loans-gbk.csv', bytes, 'gbk');
    expect(asGbk.sheets[0]!.rows[0]![1]).toBe('客户名称');
    const asUtf8 = await readImportFile('loans-gbk.csv', bytes, 'utf8');
    expect(asUtf8.encoding).toBe('utf8');
    expect(asUtf8.sheets[0]!.rows[0]![1]).not.toBe('客户名称');
    const result = await importInto(app, [fixture('loans-gbk.csv')], { encoding: 'utf8', dryRun: true });
    expect(result.sheets[0]!.kind).toBe('unknown');
    expect(result.loans).toBe(0);
  });
});

describe('loan status after import', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('closes a loan whose imported payments settle it, and leaves the others active', async () => {
    const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));
    const loans = csv([
      ['合同编号', '借款人', '身份证号', '贷款金额', '年利率', '期限', '放款日期', '还款方式'],
      ['C-1', '王芳', '110101199003071234', '10000', '12', '1', '2026-01-05', '到期一次还本付息'],
      ['C-2', '王芳', '110101199003071234', '10000', '12', '1', '2026-01-05', '到期一次还本付息'],
    ]);
    // One month at 12% a year on 10,000.00 is 100.00 of interest: 10,100.00 settles it.
    const payments = csv([
      ['合同编号', '还款日期', '还款金额'],
      ['C-1', '2026-02-05', '"10,100.00"'],
      ['C-2', '2026-02-05', '"10,000.00"'],
    ]);
    const result = await importInto(app, [
      { name: 'loans.csv', bytes: loans },
      { name: 'payments.csv', bytes: payments },
    ]);
    expect(result.errors).toEqual([]);
    const book = await loansByNumber(app);
    expect(book.get('C-1')!.status).toBe('closed');
    expect(book.get('C-2')!.status).toBe('active');
    expect(book.get('C-2')!.payoff).toBeGreaterThan(0);
  });
});

describe('rejections', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('lists every rejected row by sheet, row and column, and writes nothing at all', async () => {
    const result = await importInto(app, [fixture('book-errors.xlsx')]);
    expect(result.committed).toBe(false);
    const found = result.errors.map((e) => [e.sheet, e.row, e.column, e.reason]);
    const expected: [string, number, string, RegExp][] = [
      ['贷款', 2, '放款日期', /"2026-02-30" is not a real calendar date/],
      ['贷款', 3, '贷款金额', /"一万" is not an amount/],
      ['贷款', 4, '贷款金额', /more than 2 decimals/],
      ['贷款', 4, '年利率', /"twelve" is not a yearly percentage/],
      ['贷款', 5, '期限', /0 months is outside 1 to 600/],
      ['贷款', 5, '还款方式', /"随便还" is not a repayment method/],
      ['贷款', 6, '产品', /"船舶抵押" is not a product/],
      ['贷款', 7, '合同编号', /合同编号 is required/],
      ['贷款', 8, '合同编号', /loan E-01 already appears in 贷款 row 2/],
      ['贷款', 9, '身份证号', /a resident ID has 18 characters/],
      ['贷款', 10, '放款日期', /after today \(2026-06-15\)/],
      ['贷款', 12, '借款人', /ID 110101199003079012 is 子 in 贷款 row 11/],
      ['贷款', 13, '放款日期', /"yesterday" is not a date/],
      ['抵押物', 2, '车架号', /the VIN must not contain the letters I, O or Q/],
      ['抵押物', 3, '评估日期', /an appraisal cannot be dated after today \(2026-06-15\)/],
      ['抵押物', 4, '评估价值', /an appraisal date needs its appraised value/],
      ['抵押物', 5, '合同编号', /there is no loan NOPE-2/],
      ['抵押物', 6, '合同编号', /loan E-14 is a car-title loan; its collateral is a vehicle/],
      ['还款', 2, '合同编号', /there is no loan NOPE-1/],
      ['还款', 4, '还款金额', /more than the payoff on/],
      ['还款', 5, '还款日期', /cannot be dated after today/],
      ['还款', 6, '还款金额', /must be greater than zero/],
    ];
    expect(found).toHaveLength(expected.length);
    // A payment before its disbursement is a warning now, not an error (plausibility, issue 17).
    expect(result.warnings.filter((w) => w.sheet === '还款').map((w) => [w.row, w.code])).toEqual([
      [3, 'warn.paymentBeforeDisbursement'],
    ]);
    expected.forEach(([sheet, row, column, reason], i) => {
      expect(found[i]!.slice(0, 3)).toEqual([sheet, row, column]);
      expect(found[i]![3]).toMatch(reason);
    });
    expect((await app.call('borrowers.list', {})).total).toBe(0);
    expect((await app.call('loans.list', {})).total).toBe(0);
    expect((await app.call('collateral.list', {})).total).toBe(0);
  });

  it('gives every rejection a code and parameters the screen translates', async () => {
    const result = await importInto(app, [fixture('book-errors.xlsx')]);
    const byRow = (sheet: string, row: number) =>
      result.errors.filter((e) => e.sheet === sheet && e.row === row).map((e) => [e.code, e.params]);
    expect(byRow('贷款', 2)).toEqual([['date.notReal', { value: '2026-02-30' }]]);
    expect(byRow('贷款', 8)).toEqual([['loan.repeated', { number: 'E-01', sheet: '贷款', row: 2 }]]);
    expect(byRow('抵押物', 6)).toEqual([['collateral.carNeedsVehicle', { number: 'E-14' }]]);
    expect(byRow('还款', 4)[0]![0]).toBe('payment.abovePayoff');
  });

  it('writes nothing on a dry run, yet counts what it would write', async () => {
    const result = await importInto(app, [fixture('book-zh.xlsx')], { dryRun: true });
    expect(result).toMatchObject({
      committed: false,
      borrowers: 4,
      loans: 5,
      collateral: 4,
      payments: 4,
      errors: [],
    });
    expect((await app.call('loans.list', {})).total).toBe(0);
    expect((await app.call('borrowers.list', {})).total).toBe(0);
  });
});

describe('importing loan numbers the book already has', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    await importInto(app, [fixture('book-zh.xlsx')]);
  });
  afterEach(async () => app.dispose());

  it('skips them, with their payments, when asked to skip', async () => {
    const result = await importInto(app, [fixture('book-zh.xlsx')]);
    expect(result).toMatchObject({
      committed: true,
      borrowers: 0,
      loans: 0,
      collateral: 0,
      payments: 0,
      skipped: 13,
    });
    const loans = await loansByNumber(app);
    expect(loans.size).toBe(5);
    expect(loans.get('PB-001')!.payments).toHaveLength(2);
  });

  it('refuses to update a loan that has payments, and so updates nothing', async () => {
    const result = await importInto(app, [fixture('book-zh.xlsx')], { existing: 'update' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, '合同编号', 'loan PB-001 already has payments in Pledgebook, so it cannot be updated'],
      [4, '合同编号', 'loan PB-003 already has payments in Pledgebook, so it cannot be updated'],
      [5, '合同编号', 'loan PB-004 already has payments in Pledgebook, so it cannot be updated'],
    ]);
    expect((await loansByNumber(app)).get('PB-002')!.versions).toHaveLength(1);
  });

  it('updates a loan without payments by giving it a new schedule version', async () => {
    const sheet = [
      ['合同编号', '借款人', '身份证号', '贷款金额', '年利率', '期限', '放款日期', '还款方式'],
      ['PB-002', '李雷', '310101198502021238', '100万', '10', '24', '2026-01-05', '等额本息'],
    ];
    const csv = new TextEncoder().encode(sheet.map((r) => r.join(',')).join('\r\n'));
    const result = await importInto(app, [{ name: 'fix.csv', bytes: csv }], { existing: 'update' });
    expect(result).toMatchObject({ committed: true, updated: 1, loans: 0, errors: [] });
    const loan = (await loansByNumber(app)).get('PB-002')!;
    expect([loan.principal, loan.annualRatePercent, loan.months, loan.method]).toEqual([
      100_000_000,
      '10',
      24,
      'annuity',
    ]);
    expect(loan.versions.map((v) => [v.version, v.reason, v.active])).toEqual([
      [1, 'contract', false],
      [2, 'import', true],
    ]);
    expect(loan.statement.installments).toHaveLength(24);
  });
});
