import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { importInto } from './support';

const sheet = {
  name: 'loans.csv',
  bytes: new TextEncoder().encode(
    [
      '合同编号,借款人,身份证号,手机,贷款金额,年利率,期限,放款日期,还款方式,车架号,评估价值,评估日期',
      // A valid resident ID (check digit X), a mobile, a fair rate, a fresh appraisal, a sound VIN.
      'W-1,王芳,11010519491231002X,13800138000,60000,12,12,2026-01-05,等额本息,LSVAU2188N2184847,80000,2026-01-02',
      // An ID of 5 digits, a landline-length phone, 200% a year, a 2024 appraisal, a VIN off by its check digit.
      'W-2,李雷,12345,1380000,60000,200,12,2026-01-05,等额本息,LSVAU2180N2184848,80000,2024-12-01',
    ].join('\n'),
  ),
};

describe('plausibility warnings on an imported sheet', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('lists each warning by row and column, writes nothing until they are accepted, then imports', async () => {
    const unread = await importInto(app, [sheet], { acceptWarnings: false });
    expect(unread.errors).toEqual([]);
    expect(unread.committed).toBe(false);
    expect(unread.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [3, '身份证号', 'warn.idNumber'],
      [3, '手机', 'warn.mobile'],
      [3, '年利率', 'warn.rate'],
      [3, '评估日期', 'warn.appraisalOld'],
      [3, '车架号', 'warn.vinCheckDigit'],
    ]);
    expect(unread.warnings[2]!.reason).toBe('the annual rate 200% is above the 24% ceiling set in Settings');
    expect((await app.call('loans.list', { limit: 5 })).total).toBe(0);

    const accepted = await importInto(app, [sheet], { acceptWarnings: true });
    expect(accepted).toMatchObject({ committed: true, loans: 2 });
  });

  it('warns above the ceiling the Settings hold', async () => {
    await app.ctx.db
      .insertInto('settings')
      .values({ key: 'import.rateCeilingPercent', value: JSON.stringify('300') })
      .execute();
    const result = await importInto(app, [sheet], { acceptWarnings: false });
    expect(result.warnings.map((w) => w.code)).not.toContain('warn.rate');
  });

  it('warns of a payment dated before its disbursement, and imports it once accepted', async () => {
    const payments = {
      name: 'payments.csv',
      bytes: new TextEncoder().encode(['合同编号,还款日期,还款金额', 'W-1,2026-01-02,500'].join('\n')),
    };
    const unread = await importInto(app, [sheet, payments], { acceptWarnings: false });
    expect(unread.errors).toEqual([]);
    expect(unread.committed).toBe(false);
    const early = unread.warnings.filter((w) => w.sheet === 'payments');
    expect(early.map((w) => [w.row, w.column, w.code, w.params])).toEqual([
      [2, '还款日期', 'warn.paymentBeforeDisbursement', { date: '2026-01-02', startDate: '2026-01-05' }],
    ]);
    const accepted = await importInto(app, [sheet, payments], { acceptWarnings: true });
    expect(accepted).toMatchObject({ committed: true, loans: 2, payments: 1 });
  });

  it('checks the ID and phone of a separate borrowers sheet too', async () => {
    const csv = (name: string, lines: string[]) => ({
      name,
      bytes: new TextEncoder().encode(lines.join('\n')),
    });
    const result = await importInto(
      app,
      [
        csv('borrowers.csv', [
          '借款人,身份证号,手机',
          '赵六,12345,1380000',
          '钱七,11010519491231002X,13800138000',
        ]),
        csv('loans.csv', [
          '合同编号,身份证号,贷款金额,年利率,期限,放款日期,还款方式',
          'B-1,12345,60000,12,12,2026-01-05,等额本息',
        ]),
      ],
      { acceptWarnings: false },
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.sheet, w.row, w.column, w.code])).toEqual([
      ['borrowers', 2, '身份证号', 'warn.idNumber'],
      ['borrowers', 2, '手机', 'warn.mobile'],
    ]);
  });

  it('takes the ceiling from Settings → Loans, 24 until changed, and refuses one that is not a percentage', async () => {
    expect((await app.call('settings.get', {}))['import.rateCeilingPercent']).toBe('24');
    await expect(app.call('settings.update', { 'import.rateCeilingPercent': 'high' })).rejects.toThrow(
      /yearly percentage/,
    );
    await app.call('settings.update', { 'import.rateCeilingPercent': '250' });
    const result = await importInto(app, [sheet], { acceptWarnings: false });
    expect(result.warnings.map((w) => w.code)).not.toContain('warn.rate');
    await app.call('settings.update', { 'import.rateCeilingPercent': '150' });
    const lower = await importInto(app, [sheet], { acceptWarnings: false });
    expect(lower.warnings.filter((w) => w.code === 'warn.rate').map((w) => w.params)).toEqual([
      { rate: '200', ceiling: '150' },
    ]);
  });
});
