import { describe, expect, it } from 'vitest';
import { readBook } from '../../../shared/import/book';
import type { Cell } from '../../../shared/import/values';

const TODAY = '2026-06-15';
const LOAN = ['合同编号', '借款人', '身份证号', '贷款金额', '年利率', '期限', '放款日期', '还款方式', '产品'];
const carLoan = (n: string, id: string) => [
  n,
  '王芳',
  id,
  '60000',
  '12',
  '12',
  '2026-01-05',
  '等额本息',
  '车辆抵押',
];
const read = (name: string, rows: Cell[][]) => readBook([{ name, rows }], {}, TODAY);

describe('collateral columns of a loan book', () => {
  it('reads English headers, separate make and model columns and a model year', () => {
    const book = read('Loans', [
      [
        'Loan number',
        'Borrower',
        'ID number',
        'Principal',
        'Rate',
        'Term',
        'Start date',
        'Method',
        'Product',
        'Plate',
        'VIN',
        'Make',
        'Model',
        'Year',
        'Appraised value',
        'Appraisal date',
      ],
      [
        'A-1',
        'Wang Fang',
        '110101199003071234',
        60000,
        12,
        12,
        '2026-01-05',
        'annuity',
        'car-title',
        '京A12345',
        'lsvau2180n2184847',
        'Land Rover',
        'Defender 110',
        '2021款',
        '300,000',
        '2026/1/2',
      ],
    ]);
    expect(book.errors).toEqual([]);
    expect(book.collateral).toEqual([
      {
        at: { sheet: 'Loans', row: 2 },
        loanNumbers: ['A-1'],
        details: expect.objectContaining({
          kind: 'vehicle',
          vin: 'LSVAU2180N2184847',
          make: 'Land Rover',
          model: 'Defender 110',
          year: 2021,
        }),
        appraisal: { date: '2026-01-02', value: 30_000_000 },
      },
    ]);
  });

  it('rejects a row with both car and property columns, and a VIN pledged twice in the file', () => {
    const book = read('贷款', [
      [...LOAN, '车牌号', '车架号', '品牌型号', '抵押物地址'],
      [...carLoan('A-1', '110101199003071234'), '京A1', 'LSVAU2180N2184847', '大众 帕萨特', '北京市东城区'],
      [...carLoan('A-2', '110101199003071234'), '京A2', 'LSVAU2180N2184847', '大众 帕萨特', null],
      [...carLoan('A-3', '110101199003071234'), '京A3', 'LSVAU2180N2184847', '大众 帕萨特', null],
    ]);
    expect(book.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '', 'collateral.bothKinds'],
      [4, '车架号', 'vin.repeated'],
    ]);
    expect(book.errors[1]!.reason).toBe('VIN LSVAU2180N2184847 already appears in 贷款 row 3');
    // A rejected row yields neither its loan nor its item.
    expect(book.loans.map((l) => l.number)).toEqual(['A-2']);
    expect(book.collateral.map((c) => c.loanNumbers)).toEqual([['A-2']]);
  });

  it('needs only what identifies an item: a plate or VIN for a car, an address or title deed for a property', () => {
    const book = read('贷款', [
      [...LOAN, '车架号', '品牌型号', '房产证号', '评估价值', '评估日期'],
      // A VIN alone is enough; no make, model or year is invented.
      [...carLoan('A-1', '110101199003071234'), 'LSVAU2180N2184847', null, null, null, null],
      // A make and model identify no car.
      [...carLoan('A-2', '110101199003071234'), null, '大众 帕萨特', null, null, null],
      // A title-deed number alone is enough for a property.
      [
        ...carLoan('A-3', '110101199003071234').slice(0, 8),
        '房产抵押',
        null,
        null,
        '京(2020)东城区不动产权第1号',
        '200万',
        '2026-01-01',
      ],
      // An appraisal alone on a mortgage says nothing of which property.
      [
        ...carLoan('A-4', '110101199003071234').slice(0, 8),
        '房产抵押',
        null,
        null,
        null,
        '200万',
        '2026-01-01',
      ],
    ]);
    expect(book.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [3, 'value.invalid', '车架号'],
      [5, 'value.invalid', '房产证号'],
    ]);
    expect(book.collateral.map((c) => c.details)).toMatchObject([
      { kind: 'vehicle', vin: 'LSVAU2180N2184847', plate: '', make: '', model: '', year: 0 },
      { kind: 'property', address: '', titleCertificateNo: '京(2020)东城区不动产权第1号' },
    ]);
  });

  it('makes a loan without a product column car-title or mortgage by the columns it has', () => {
    const header = LOAN.slice(0, 8);
    const book = read('贷款', [
      [...header, '车牌号', '房产证号'],
      [...carLoan('A-1', '110101199003071234').slice(0, 8), '京A12345', null],
      [...carLoan('A-2', '110101199003071234').slice(0, 8), null, '京(2020)东城区不动产权第1号'],
      [...carLoan('A-3', '110101199003071234').slice(0, 8), null, null],
    ]);
    expect(book.errors).toEqual([]);
    expect(book.loans.map((l) => [l.number, l.product])).toEqual([
      ['A-1', 'car-title'],
      ['A-2', 'mortgage'],
      ['A-3', 'other-secured'],
    ]);
  });

  it('reads a separate collateral sheet matched by loan numbers, one item securing two loans', () => {
    const withCollateral = (row: Cell[]) =>
      readBook(
        [
          {
            name: '贷款',
            rows: [LOAN, carLoan('A-1', '110101199003071234'), carLoan('A-2', '110101199003071234')],
          },
          { name: '抵押物', rows: [['合同编号', '房产证号', '抵押物地址', '评估价'], row] },
        ],
        {},
        TODAY,
      );
    const book = withCollateral(['A-1, A-2', '京(2020)东城区不动产权第0000001号', '北京市东城区1号', null]);
    expect(book.sheets.map((s) => s.kind)).toEqual(['loans', 'collateral']);
    expect(book.errors).toEqual([]);
    expect(book.collateral.map((c) => [c.loanNumbers, c.details.kind, c.appraisal])).toEqual([
      [['A-1', 'A-2'], 'property', null],
    ]);
    const undated = withCollateral(['A-1', '京(2020)东城区不动产权第0000001号', '北京市东城区1号', '500万']);
    expect(undated.errors.map((e) => [e.sheet, e.column, e.code])).toEqual([
      ['抵押物', 'Appraisal date', 'appraisal.needsDate'],
    ]);
  });
});

describe('borrower type and ID type', () => {
  it('takes a company ID as a business licence, and an ID type column as written', () => {
    const book = read('Borrowers', [
      ['Borrower', 'Borrower type', 'ID type', 'ID number'],
      ['北京恒通商贸有限公司', '企业', null, '110105012345678'],
      ['陈静', '个人', '护照', 'E12345678'],
      ['李雷', null, null, '11010119900307123'],
    ]);
    expect(book.borrowers.map((b) => [b.kind, b.idType])).toEqual([
      ['company', 'business-licence'],
      ['person', 'passport'],
    ]);
    // A person's 17 digits without an ID type column is a resident ID missing a digit.
    expect(book.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, 'ID number', 'value.invalid']]);
  });
});
