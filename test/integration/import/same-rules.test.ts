import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { importInto } from './support';

const csv = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });

const loans = csv('loans.csv', [
  '合同编号,借款人,身份证号,手机,贷款金额,年利率,期限,放款日期,还款方式',
  'S-1,王芳,11010519491231002X,13800138000,10000,12,12,2026-01-05,等额本息',
]);

/** "¥10,120.50" or "10,120.50" → minor units, to check the figures the refusal names add up. */
const minor = (text: string | number) => Math.round(Number(String(text).replace(/[^\d.]/g, '')) * 100);

describe('an imported payment follows the payment screen’s rules', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('refuses a payment above the payoff, naming the excess, and writes nothing', async () => {
    const payments = csv('payments.csv', [
      '合同编号,还款日期,还款金额',
      'S-1,2026-02-05,888.49',
      'S-1,2026-03-05,50000',
    ]);
    const result = await importInto(app, [loans, payments]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['payments', 3, '还款金额', 'payment.abovePayoff'],
    ]);
    const { params, reason } = result.errors[0]!;
    expect(params.date).toBe('2026-03-05');
    // The excess is what the amount is over the payoff, so the lender can find the slip.
    expect(minor(params.amount!)).toBe(5_000_000);
    expect(minor(params.payoff!)).toBeGreaterThan(800_000);
    expect(minor(params.payoff!)).toBeLessThan(1_010_000);
    expect(minor(params.excess!)).toBe(5_000_000 - minor(params.payoff!));
    expect(reason).toContain(`${String(params.excess)} more than the payoff on 2026-03-05`);
    expect((await app.call('loans.list', { limit: 5 })).total).toBe(0);
  });

  it('takes a payment of exactly the payoff, and refuses one cent more', async () => {
    const over = await importInto(app, [
      loans,
      csv('payments.csv', ['合同编号,还款日期,还款金额', 'S-1,2026-03-05,50000']),
    ]);
    const payoff = minor(over.errors[0]!.params.payoff!);
    const exact = (amount: number) =>
      csv('payments.csv', ['合同编号,还款日期,还款金额', `S-1,2026-03-05,${(amount / 100).toFixed(2)}`]);
    const oneCentOver = await importInto(app, [loans, exact(payoff + 1)]);
    expect(oneCentOver.errors.map((e) => [e.code, e.params.excess])).toEqual([
      ['payment.abovePayoff', '0.01'],
    ]);
    expect(await importInto(app, [loans, exact(payoff)])).toMatchObject({ committed: true, payments: 1 });
  });

  it('refuses a payment dated after the as-of day', async () => {
    const result = await importInto(app, [
      loans,
      csv('payments.csv', ['合同编号,还款日期,还款金额', 'S-1,2026-06-16,100']),
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.code, e.params.today])).toEqual([
      [2, '还款日期', 'payment.afterToday', '2026-06-15'],
    ]);
  });
});
