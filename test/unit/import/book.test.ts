import { describe, expect, it } from 'vitest';
import { fieldForHeader, mapHeaders } from '../../../shared/import/fields';
import { readBook } from '../../../shared/import/book';

describe('header dictionary', () => {
  it.each([
    ['借款人', 'borrowerName'],
    ['姓名', 'borrowerName'],
    ['客户名称', 'borrowerName'],
    ['身份证号', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['手机', 'phone'],
    ['电话', 'phone'],
    ['地址', 'address'],
    ['合同编号', 'loanNumber'],
    ['贷款编号', 'loanNumber'],
    ['贷款金额', 'principal'],
    ['借款金额', 'principal'],
    ['本金', 'principal'],
    ['年利率', 'annualRate'],
    ['利率(%)', 'annualRate'],
    ['年利率（%）', 'annualRate'],
    ['期限', 'months'],
    ['期数', 'months'],
    ['贷款期限(月)', 'months'],
    ['放款日期', 'startDate'],
    ['起息日', 'startDate'],
    ['还款方式', 'method'],
    ['产品', 'product'],
    ['贷款类型', 'product'],
    ['还款日期', 'paymentDate'],
    ['还款金额', 'paymentAmount'],
    ['Loan Number', 'loanNumber'],
    ['Annual rate (%)', 'annualRate'],
    ['Rate (decimal)', 'annualRateFraction'],
    ['Start date', 'startDate'],
  ])('maps %s to %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('leaves unknown headers unmapped and lets a saved mapping teach or silence one', () => {
    expect(fieldForHeader('放款额(元)')).toBeNull();
    expect(fieldForHeader('客户来源')).toBeNull();
    // Columns a lender's book has beside the terms are imported now, in either script.
    expect(['客户经理', '業務員', '催收员', '服務費', '担保人', '狀態', '备注'].map(fieldForHeader)).toEqual([
      'officer',
      'officer',
      'collector',
      'upfrontFee',
      'guarantorName',
      'status',
      'notes',
    ]);
    expect(fieldForHeader('车架号/VIN')).toBe('vin');
    expect(fieldForHeader('房产证号/不动产权证号')).toBe('titleDeedNo');
    expect(fieldForHeader('评估价')).toBe('appraisedValue');
    const mapped = mapHeaders(['放款额(元)', '借款人', '本金'], { '放款额（元）': 'principal', 本金: null });
    expect(mapped).toEqual(['principal', 'borrowerName', null]);
  });
});

describe('reading a book', () => {
  const headers = ['合同编号', '借款人', '身份证号', '贷款金额', '年利率', '期限', '放款日期', '还款方式'];
  const row = (n: string, id: string, name = '王芳') => [
    n,
    name,
    id,
    '10000',
    '12',
    '12',
    '2026-01-05',
    '等额本息',
  ];

  it('takes borrowers from a flat loans sheet, one per ID number', () => {
    const book = readBook(
      [{ name: 'L', rows: [headers, row('A', '110101199003071234'), row('B', '110101199003071234')] }],
      {},
      '2026-06-15',
    );
    expect(book.errors).toEqual([]);
    expect(book.borrowers.map((b) => b.idNumber)).toEqual(['110101199003071234']);
    expect(book.loans.map((l) => [l.number, l.product, l.terms.principal])).toEqual([
      ['A', 'other-secured', 1_000_000],
      ['B', 'other-secured', 1_000_000],
    ]);
  });

  it('names sheet, spreadsheet row and column for each problem, and skips blank rows', () => {
    const book = readBook(
      [
        {
          name: 'L',
          rows: [
            [],
            headers,
            row('A', '110101199003071234'),
            [],
            row('A', '110101199003072345', '李雷'),
            row('C', '110101199003071234', '张三'),
          ],
        },
      ],
      {},
      '2026-06-15',
    );
    expect(book.errors).toMatchObject([
      { sheet: 'L', row: 5, column: '合同编号', reason: 'loan A already appears in L row 3' },
      { sheet: 'L', row: 6, column: '借款人', reason: 'ID 110101199003071234 is 王芳 in L row 3' },
    ]);
    expect(book.loans.map((l) => l.number)).toEqual(['A']);
  });

  it('requires a borrowers sheet entry when a loans sheet names its borrower by ID only', () => {
    const book = readBook(
      [
        {
          name: 'P',
          rows: [
            ['姓名', '证件号码'],
            ['陈静', 'P1234567'],
          ],
        },
        {
          name: 'L',
          rows: [
            ['合同编号', '证件号码', '本金', '年利率', '期限', '放款日期', '还款方式'],
            ['A', 'P1234567', '5000', '10', '6', '2026-01-05', '先息后本'],
            ['B', 'X9999999', '5000', '10', '6', '2026-01-05', '先息后本'],
          ],
        },
      ],
      {},
      '2026-06-15',
    );
    expect(book.sheets.map((s) => s.kind)).toEqual(['borrowers', 'loans']);
    expect(book.loans.map((l) => [l.number, l.borrowerIdNumber])).toEqual([['A', 'P1234567']]);
    expect(book.errors).toMatchObject([
      {
        sheet: 'L',
        row: 3,
        column: '证件号码',
        reason: 'no borrower with ID X9999999 in the borrowers sheet',
      },
    ]);
  });
});
