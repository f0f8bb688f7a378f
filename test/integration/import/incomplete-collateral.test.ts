import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { importInto } from './support';

const csv = (rows: string[][]) => ({
  name: 'book.csv',
  bytes: new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n')),
});

const HEADER = ['合同编号', '借款人', '身份证号', '贷款金额', '年利率', '期限', '放款日期', '还款方式'];
const loan = (n: string, id: string) => [n, '王芳', id, '60000', '12', '12', '2026-01-05', '等额本息'];

describe('given a lender book with plates, VINs and title deeds but no make, model or address', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  const importTheBook = () =>
    importInto(app, [
      csv([
        [...HEADER, '车牌号', '车架号', '房产证号', '评估价值', '评估日期'],
        [...loan('C-1', '110101199003071234'), '京A12345', '', '', '80000', '2026-01-02'],
        [...loan('C-2', '110101199003071234'), '', 'LSVAU2180N2184847', '', '', ''],
        [
          ...loan('M-1', '110101199003071234'),
          '',
          '',
          '京(2020)东城区不动产权第1号',
          '2000000',
          '2026-01-03',
        ],
      ]),
    ]);

  it('imports each item with only what identifies it, the loan taking its product from the columns', async () => {
    const result = await importTheBook();
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ committed: true, loans: 3, collateral: 3 });
    const { rows } = await app.call('loans.list', { limit: 10 });
    expect(Object.fromEntries(rows.map((r) => [r.number, r.product]))).toEqual({
      'C-1': 'car-title',
      'C-2': 'car-title',
      'M-1': 'mortgage',
    });
    const items = await app.ctx.db
      .selectFrom('collateral_items')
      .select(['kind', 'plate', 'vin', 'make', 'model', 'year', 'address', 'title_certificate_no'])
      .orderBy('id')
      .execute();
    // Nothing invented: what the sheet lacks is NULL in the book.
    expect(items).toEqual([
      {
        kind: 'vehicle',
        plate: '京A12345',
        vin: null,
        make: null,
        model: null,
        year: null,
        address: null,
        title_certificate_no: null,
      },
      {
        kind: 'vehicle',
        plate: null,
        vin: 'LSVAU2180N2184847',
        make: null,
        model: null,
        year: null,
        address: null,
        title_certificate_no: null,
      },
      {
        kind: 'property',
        plate: null,
        vin: null,
        make: null,
        model: null,
        year: null,
        address: null,
        title_certificate_no: '京(2020)东城区不动产权第1号',
      },
    ]);
  });

  it('flags every item with details to complete, naming the missing fields, until they are filled in', async () => {
    await importTheBook();
    const details = await app.call('collateral.alerts', { kind: 'details' });
    expect(details.map((a) => [a.loanNumber, a.code, a.params.missing, a.item])).toEqual([
      ['C-1', 'details-incomplete', 'vin,make,model,year', '京A12345'],
      ['C-2', 'details-incomplete', 'plate,make,model,year', 'LSVAU2180N2184847'],
      ['M-1', 'details-incomplete', 'address', '京(2020)东城区不动产权第1号'],
    ]);
    // The register's filter and the dashboard card read the same alerts.
    const register = await app.call('collateral.list', { alert: 'details', limit: 50 });
    expect(register.total).toBe(3);
    const summary = await app.call('collateral.alertSummary', { limit: 10 });
    expect(summary.first.filter((a) => a.kind === 'details')).toHaveLength(3);

    const car = await app.call('collateral.get', { id: details[0]!.itemId });
    expect(car.details.kind).toBe('vehicle');
    if (car.details.kind !== 'vehicle') return;
    await app.call('collateral.update', {
      id: car.id,
      description: '',
      notes: '',
      details: { ...car.details, vin: 'LGBH52E05MY123456', make: '大众', model: '帕萨特', year: 2021 },
    });
    const after = await app.call('collateral.alerts', { kind: 'details' });
    expect(after.map((a) => a.loanNumber)).toEqual(['C-2', 'M-1']);
  });

  it('refuses a car row with neither plate nor VIN, and a property row with neither address nor title deed', async () => {
    const result = await importInto(app, [
      csv([
        [...HEADER, '产品', '品牌型号', '评估价值', '评估日期'],
        [...loan('C-1', '110101199003071234'), '车辆抵押', '大众 帕萨特', '', ''],
        [...loan('M-1', '110101199003071234'), '房产抵押', '', '2000000', '2026-01-03'],
      ]),
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.code, e.reason])).toEqual([
      [2, 'value.invalid', 'a vehicle needs its plate or VIN'],
      [3, 'value.invalid', 'a property needs its address or title-deed number'],
    ]);
  });
});
