import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { importInto } from './support';

const csv = (name: string, rows: string[][]) => ({
  name,
  bytes: new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n')),
});

const HEADER = [
  '合同编号',
  '借款人',
  '身份证号',
  '贷款金额',
  '年利率',
  '期限',
  '放款日期',
  '还款方式',
  '车牌号',
  '状态',
  '状态日期',
  '手续费',
  '客户经理',
  '催收员',
  '担保人',
  '担保人身份证号',
  '担保人电话',
  '备注',
];
const ID = '110101199003071234';
const GUARANTOR_ID = '11010119880101123X';
const row = (n: string, plate: string, status: string, on: string, more: string[] = []) => [
  n,
  '王芳',
  ID,
  '12000',
  '12',
  '12',
  '2026-01-05',
  '等额本息',
  plate,
  status,
  on,
  ...(more.length ? more : ['', '', '', '', '', '', '']),
];

describe('a lender book with statuses, fees, officers, collectors, guarantors and notes', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('imports each column: status from its day, fee, officer, collector, guarantor and notes', async () => {
    const result = await importInto(app, [
      csv('loans.csv', [
        HEADER,
        row('A-1', '京A00001', '正常', '', [
          '300',
          '李经理',
          '张催收',
          '赵保',
          GUARANTOR_ID,
          '13800138000',
          '老客户',
        ]),
        row('A-2', '京A00002', '诉讼', '2026-05-01'),
        row('A-3', '京A00003', '展期', '2026-04-01'),
        row('A-4', '京A00004', '已核销', '2026-05-20'),
        row('A-5', '京A00005', '逾期', ''),
      ]),
      csv('payments.csv', [
        ['合同编号', '还款日期', '还款金额', '备注'],
        ['A-4', '2026-02-05', '1066.19', '二月'],
        // After the write-off: a recovery, not a payment.
        ['A-4', '2026-06-01', '500', '追回'],
      ]),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.committed).toBe(true);
    const { rows } = await app.call('loans.list', { limit: 10 });
    const byNumber = new Map(rows.map((r) => [r.number, r.id]));
    const loan = (n: string) => app.call('loans.get', { id: byNumber.get(n)! });
    expect((await Promise.all(['A-1', 'A-2', 'A-3', 'A-4', 'A-5'].map(loan))).map((l) => l.status)).toEqual([
      'active',
      'legal',
      'restructured',
      'written-off',
      'active',
    ]);
    const a1 = await loan('A-1');
    // The loan page reads the notes from loans.get, as the sheet had them.
    expect([a1.upfrontFee, a1.officer, a1.notes]).toEqual([30_000, '李经理', '老客户']);
    const stored = await app.ctx.db
      .selectFrom('loans')
      .leftJoin('collection_assignments as c', 'c.loan_id', 'loans.id')
      .leftJoin('loan_parties as p', 'p.loan_id', 'loans.id')
      .leftJoin('borrowers as g', 'g.id', 'p.borrower_id')
      .select(['loans.notes', 'c.collector', 'p.role', 'g.name', 'g.phone'])
      .where('loans.number', '=', 'A-1')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      notes: '老客户',
      collector: '张催收',
      role: 'guarantor',
      name: '赵保',
      phone: '13800138000',
    });
    const changes = await app.ctx.db
      .selectFrom('loan_status_changes')
      .select(['to_status', 'changed_on'])
      .where('loan_id', '=', byNumber.get('A-2')!)
      .where('to_status', '=', 'legal')
      .execute();
    expect(changes).toEqual([{ to_status: 'legal', changed_on: '2026-05-01' }]);
    // The written-off loan keeps its payment history and takes later money as a recovery.
    const a4 = byNumber.get('A-4')!;
    const [writeOff] = await app.call('writeOffs.list', { loanId: a4 });
    expect(writeOff).toMatchObject({ status: 'approved', approvedOn: '2026-05-20' });
    expect((await app.call('recoveries.list', { loanId: a4 })).map((r) => [r.date, r.amount])).toEqual([
      ['2026-06-01', 50_000],
    ]);
    const payments = await app.ctx.db
      .selectFrom('payments')
      .select(['date', 'amount', 'reference'])
      .where('loan_id', '=', a4)
      .execute();
    expect(payments).toEqual([{ date: '2026-02-05', amount: 106_619, reference: '二月' }]);
  });

  it('refuses a loan the sheet calls closed that its payments leave owing, naming the payoff', async () => {
    const result = await importInto(app, [
      csv('loans.csv', [HEADER, row('A-1', '京A00001', '已结清', '2026-03-01')]),
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [2, 'status.closedButOwing', '状态'],
    ]);
    expect(result.errors[0]!.params.payoff).toMatch(/^\d+\.\d\d$/);
  });

  it('reverses the latest earlier payment of the same amount for a negative row, and refuses one with none', async () => {
    const loans = csv('loans.csv', [HEADER, row('A-1', '京A00001', '', '')]);
    const payments = (extra: string[][]) =>
      csv('payments.csv', [
        ['合同编号', '还款日期', '还款金额'],
        ['A-1', '2026-02-05', '1066.19'],
        ['A-1', '2026-03-05', '1066.19'],
        ['A-1', '2026-03-10', '-1066.19'],
        ...extra,
      ]);
    const refused = await importInto(app, [loans, payments([['A-1', '2026-03-11', '-500.00']])]);
    expect(refused.committed).toBe(false);
    expect(refused.errors.map((e) => [e.row, e.code, e.reason])).toEqual([
      [
        5,
        'payment.nothingToReverse',
        'reversal (imported): no payment of 500.00 on or before 2026-03-11 to reverse for this loan',
      ],
    ]);
    const result = await importInto(app, [loans, payments([])]);
    expect(result.errors).toEqual([]);
    const rows = await app.ctx.db
      .selectFrom('payments as p')
      .leftJoin('payments as o', 'o.id', 'p.reverses_payment_id')
      .select(['p.date', 'p.amount', 'o.date as reverses', 'p.reversal_reason'])
      .orderBy('p.id')
      .execute();
    // The March payment (the latest on or before the reversal) is the one reversed.
    expect(rows).toEqual([
      { date: '2026-02-05', amount: 106_619, reverses: null, reversal_reason: '' },
      { date: '2026-03-05', amount: 106_619, reverses: null, reversal_reason: '' },
      { date: '2026-03-10', amount: 106_619, reverses: '2026-03-05', reversal_reason: 'reversal (imported)' },
    ]);
  });

  it('creates nothing for a row skipped because the book has its loan number: no borrower, no collateral', async () => {
    await importInto(app, [csv('loans.csv', [HEADER, row('A-1', '京A00001', '', '')])]);
    const again = [...row('A-1', '京A99999', '', '')];
    again[1] = '陈新';
    again[2] = '11010519491231002X';
    const result = await importInto(app, [csv('loans.csv', [HEADER, again])]);
    expect(result).toMatchObject({ committed: true, borrowers: 0, loans: 0, collateral: 0, skipped: 2 });
    expect(await app.ctx.db.selectFrom('borrowers').select('name').execute()).toEqual([{ name: '王芳' }]);
    expect(await app.ctx.db.selectFrom('collateral_items').select('plate').execute()).toEqual([
      { plate: '京A00001' },
    ]);
  });
});
