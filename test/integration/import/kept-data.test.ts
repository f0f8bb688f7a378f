import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collateralValueByLoan } from '../../../electron/services/collateral/coverage';
import { keepCollateralValues } from '../../../electron/services/collateral/kept-values';
import { refreshLoanStatus, STATUS_COLUMNS } from '../../../electron/services/loans/status-cache';
import { keepMonthEndsThrough } from '../../../electron/services/reports/month-end-cache';
import { openTestApp, type TestApp } from '../../support/test-app';
import { fixture, importInto } from './support';

const TODAY = '2026-06-15';

const csv = (name: string, rows: string[][]) => ({
  name,
  bytes: new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n')),
});

/** A new borrower's car-title loan with its car, a property for a loan of the book, two payments. */
const MORE = [
  csv('more-loans.csv', [
    ['合同编号', '借款人', '身份证号', '手机', '产品', '贷款金额', '年利率', '期限', '放款日期', '还款方式'],
    [
      'PB-101',
      '赵一敏',
      '110101199505051239',
      '13500135000',
      '车辆抵押',
      '80000',
      '12',
      '12',
      '2026-02-01',
      '等额本息',
    ],
  ]),
  csv('more-collateral.csv', [
    ['合同编号', '车牌号', '车架号/VIN', '品牌型号', '抵押物地址', '评估价值', '评估日期'],
    ['PB-101', '京B67890', 'LSVAU2180N2184855', '大众 朗逸', '', '90000', '2026-01-20'],
    ['PB-004', '', '', '', '北京市东城区和平里1号', '300000', '2026-02-20'],
  ]),
  csv('more-payments.csv', [
    ['合同编号', '还款日期', '还款金额'],
    ['PB-002', '2026-03-05', '50000'],
    ['PB-101', '2026-03-01', '7000'],
  ]),
];

/**
 * The import writes its rows in bulk, not through each screen's own insert. What the book keeps
 * beside its rows — the status cache, the month-end watermark, the search index and the kept
 * collateral values — must come out as if each row had been written the screens' way.
 */
describe('importing into a book that keeps derived data', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp(TODAY);
    expect((await importInto(app, [fixture('book-zh.xlsx')])).errors).toEqual([]);
    await keepMonthEndsThrough(app.ctx.db, '2026-05');
    expect(await keepCollateralValues(app.ctx.db, TODAY)).toBe(true);
  });
  afterEach(async () => app.dispose());

  const loanId = async (number: string) =>
    (await app.ctx.db.selectFrom('loans').select('id').where('number', '=', number).executeTakeFirstOrThrow())
      .id;
  const statusRows = () =>
    app.ctx.db
      .selectFrom('loan_status')
      .select(['loan_id', ...STATUS_COLUMNS])
      .orderBy('loan_id')
      .execute();

  it('leaves every loan with the status the engine gives it', async () => {
    const result = await importInto(app, MORE);
    expect(result).toMatchObject({ committed: true, errors: [], loans: 1, collateral: 2, payments: 2 });
    const written = await statusRows();
    expect(written).toHaveLength(6);
    await app.ctx.db.transaction().execute(async (trx) => {
      for (const { loan_id } of written) await refreshLoanStatus(trx, loan_id, TODAY);
    });
    expect(await statusRows()).toEqual(written);
  });

  it('pulls back the month-end watermark of a loan paid in a month already kept', async () => {
    await importInto(app, MORE);
    const through = async (number: string) =>
      (
        await app.ctx.db
          .selectFrom('loan_status')
          .select('month_ends_through')
          .where('loan_id', '=', await loanId(number))
          .executeTakeFirstOrThrow()
      ).month_ends_through;
    expect(await through('PB-002')).toBe('2026-02');
    expect(await through('PB-001')).toBe('2026-05');
    expect(await through('PB-101')).toBeNull();
    const kept = await app.ctx.db
      .selectFrom('loan_month_ends')
      .select('month')
      .where('loan_id', '=', await loanId('PB-002'))
      .orderBy('month')
      .execute();
    expect(kept.map((r) => r.month)).toEqual(['2026-01', '2026-02']);
  });

  it('puts the new borrower, loan and car in the search index', async () => {
    await importInto(app, MORE);
    const found = async (query: string) =>
      (await app.call('search.global', { query })).map((h) => `${h.kind}:${h.title}`);
    expect(await found('赵一敏')).toEqual(['borrower:赵一敏']);
    expect(await found('PB-101')).toEqual(['loan:PB-101']);
    expect((await found('B67890')).map((h) => h.split(':')[0])).toEqual(['collateral']);
    expect((await found('和平里')).map((h) => h.split(':')[0])).toEqual(['collateral']);
  });

  it('marks the kept collateral value of each newly secured loan stale, then keeps the right one', async () => {
    await importInto(app, MORE);
    const stale = await app.ctx.db
      .selectFrom('loan_status')
      .select('loan_id')
      .where('collateral_stale', '=', 1)
      .orderBy('loan_id')
      .execute();
    expect(stale.map((r) => r.loan_id)).toEqual(
      [await loanId('PB-002'), await loanId('PB-004'), await loanId('PB-101')].sort((a, b) => a - b),
    );
    expect(await keepCollateralValues(app.ctx.db, TODAY)).toBe(true);
    const kept = await app.ctx.db
      .selectFrom('loan_status')
      .select(['loan_id', 'collateral_value'])
      .orderBy('loan_id')
      .execute();
    const truth = await collateralValueByLoan(app.ctx.db, TODAY);
    expect(kept.map((r) => [r.loan_id, r.collateral_value])).toEqual(
      kept.map((r) => [r.loan_id, truth.get(r.loan_id) ?? null]),
    );
    expect(truth.get(await loanId('PB-004'))).toBe(30_000_000);
  });

  it('refuses a car whose VIN is pledged on an item of the book, naming that item, and writes nothing', async () => {
    const pledged = await app.ctx.db
      .selectFrom('collateral_items')
      .select('id')
      .where('vin', '=', 'LSVAU2180N2184847')
      .executeTakeFirstOrThrow();
    const result = await importInto(app, [
      csv('again.csv', [
        [
          '合同编号',
          '借款人',
          '身份证号',
          '产品',
          '贷款金额',
          '年利率',
          '期限',
          '放款日期',
          '还款方式',
          '车牌号',
          '车架号/VIN',
          '品牌型号',
        ],
        [
          'PB-102',
          '赵一敏',
          '110101199505051239',
          '车辆抵押',
          '50000',
          '12',
          '12',
          '2026-02-01',
          '等额本息',
          '京C11111',
          'LSVAU2180N2184847',
          '大众 朗逸',
        ],
      ]),
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, '车架号/VIN', 'vin.taken']]);
    expect(result.errors[0]!.params.detail).toContain(`#${pledged.id}, plate 京A12345`);
    expect((await app.call('loans.list', {})).total).toBe(5);
    expect((await app.call('borrowers.list', {})).total).toBe(4);
  });
});
