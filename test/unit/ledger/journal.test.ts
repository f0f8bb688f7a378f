/**
 * Hand-worked journal entries, one kind of event at a time, to the cent, on both bases. Amounts
 * are minor units (分): 1,200,000 is ¥12,000.00.
 */
import { describe, expect, it } from 'vitest';
import {
  entry,
  loanMonthEntries,
  provisionEntry,
  type JournalEntry,
  type LoanMonthFacts,
} from '../../../shared/ledger/journal';

function facts(overrides: Partial<LoanMonthFacts> = {}): LoanMonthFacts {
  return {
    loanId: 1,
    number: 'PB-1',
    monthEnd: '2026-03-31',
    start: null,
    before: { home: 'loans', outstanding: 1_000_000, receivable: 0, charges: 0 },
    after: { home: 'loans', outstanding: 1_000_000, receivable: 0, charges: 0, daysPastDue: 0 },
    accruingAtStart: false,
    allocations: [],
    fromSale: new Set(),
    reversedPayments: [],
    reversals: [],
    legalCosts: [],
    writeOffOn: null,
    recoveries: [],
    sales: [],
    rescheduled: false,
    ...overrides,
  };
}

/** An entry as `[kind, date, [account, debit, credit]…]`, the way an accountant reads one. */
const read = (entries: JournalEntry[]) =>
  entries.map((e) => [e.kind, e.date, ...e.lines.map((l) => [l.account, l.debit, l.credit])]);

describe('a loan made this month', () => {
  const made = facts({
    start: { date: '2026-03-05', principal: 1_200_000, fee: 20_000 },
    before: { home: null, outstanding: 0, receivable: 0, charges: 0 },
    after: { home: 'loans', outstanding: 1_200_000, receivable: 0, charges: 0, daysPastDue: 0 },
  });

  it('is lent out of the bank, and its up-front fee is fee income', () => {
    expect(read(loanMonthEntries(made, 'cash'))).toEqual([
      ['disbursement', '2026-03-05', ['loans', 1_200_000, 0], ['bank', 0, 1_200_000]],
      ['fee', '2026-03-05', ['bank', 20_000, 0], ['feeIncome', 0, 20_000]],
    ]);
  });

  it('accrues the interest it earned to the month end on the accrual basis', () => {
    const accruing = { ...made, after: { ...made.after, receivable: 5_161 } };
    expect(read(loanMonthEntries(accruing, 'accrual')).at(-1)).toEqual([
      'accrual',
      '2026-03-31',
      ['interestReceivable', 5_161, 0],
      ['interestIncome', 0, 5_161],
    ]);
  });
});

describe('a payment', () => {
  const paid = facts({
    allocations: [[7, '2026-03-20', 90_000, 10_000, 500, 0, 0, 0, 'R-7']],
    after: { home: 'loans', outstanding: 910_000, receivable: 0, charges: 0, daysPastDue: 0 },
  });

  it('splits into principal, interest income and penalty income on the cash basis', () => {
    const [payment] = loanMonthEntries(paid, 'cash');
    expect(payment).toMatchObject({ key: 'payment-7', reference: 'R-7' });
    expect(read([payment!])).toEqual([
      [
        'payment',
        '2026-03-20',
        ['bank', 100_500, 0],
        ['loans', 0, 90_000],
        ['interestIncome', 0, 10_000],
        ['penaltyIncome', 0, 500],
      ],
    ]);
  });

  it('pays the interest receivable on the accrual basis, and the month end accrues the new month', () => {
    const accrual = {
      ...paid,
      accruingAtStart: true,
      before: { ...paid.before, receivable: 10_000 },
      after: { ...paid.after, receivable: 9_100 },
    };
    expect(read(loanMonthEntries(accrual, 'accrual'))).toEqual([
      [
        'payment',
        '2026-03-20',
        ['bank', 100_500, 0],
        ['loans', 0, 90_000],
        ['interestReceivable', 0, 10_000],
        ['penaltyIncome', 0, 500],
      ],
      ['accrual', '2026-03-31', ['interestReceivable', 9_100, 0], ['interestIncome', 0, 9_100]],
    ]);
  });

  it('pays charges back to the receivable they came from, a prepayment fee to fee income, and holds the excess', () => {
    const settled = facts({
      before: { home: 'loans', outstanding: 100_000, receivable: 0, charges: 30_000 },
      allocations: [[7, '2026-03-20', 100_000, 800, 0, 30_000, 2_000, 1_000, 'R-7']],
      after: { home: null, outstanding: 0, receivable: 0, charges: 0, daysPastDue: 0 },
    });
    expect(read(loanMonthEntries(settled, 'cash'))).toEqual([
      [
        'payment',
        '2026-03-20',
        ['bank', 133_800, 0],
        ['loans', 0, 100_000],
        ['interestIncome', 0, 800],
        ['otherReceivables', 0, 30_000],
        ['feeIncome', 0, 2_000],
        ['otherPayables', 0, 1_000],
      ],
    ]);
  });

  it('out of collateral sale proceeds comes out of the proceeds held, and the surplus stays owed', () => {
    const sold = facts({
      before: { home: 'foreclosed', outstanding: 600_000, receivable: 0, charges: 0 },
      sales: [{ id: 3, date: '2026-03-12', gross: 800_000, costs: 50_000 }],
      allocations: [[7, '2026-03-12', 600_000, 0, 0, 0, 0, 0, 'R-7']],
      fromSale: new Set([7]),
      after: { home: null, outstanding: 0, receivable: 0, charges: 0, daysPastDue: 0 },
    });
    const entries = read(loanMonthEntries(sold, 'cash'));
    expect(entries).toEqual([
      ['collateralSale', '2026-03-12', ['bank', 800_000, 0], ['otherPayables', 0, 800_000]],
      ['saleCosts', '2026-03-12', ['otherPayables', 50_000, 0], ['bank', 0, 50_000]],
      ['payment', '2026-03-12', ['otherPayables', 600_000, 0], ['foreclosed', 0, 600_000]],
    ]);
    // 800,000 − 50,000 − 600,000 = 150,000 still owed to the borrower.
    const held = loanMonthEntries(sold, 'cash')
      .flatMap((e) => e.lines)
      .filter((l) => l.account === 'otherPayables')
      .reduce((s, l) => s + l.credit - l.debit, 0);
    expect(held).toBe(150_000);
  });

  it('of costs beyond the sale price leaves the rest as the lender’s expense', () => {
    const short = facts({ sales: [{ id: 4, date: '2026-03-12', gross: 10_000, costs: 15_000 }] });
    expect(read(loanMonthEntries(short, 'cash')).find((e) => e[0] === 'saleCosts')).toEqual([
      'saleCosts',
      '2026-03-12',
      ['otherPayables', 10_000, 0],
      ['adminExpense', 5_000, 0],
      ['bank', 0, 15_000],
    ]);
  });
});

describe('a reversal', () => {
  it('mirrors the payment on its own day: money held, then returned', () => {
    const reversed = facts({
      reversedPayments: [{ id: 8, date: '2026-03-03', amount: 50_000, receipt: 'R-8' }],
      reversals: [{ id: 9, date: '2026-03-04', amount: 50_000, receipt: 'R-9' }],
    });
    expect(read(loanMonthEntries(reversed, 'cash'))).toEqual([
      ['paymentReversed', '2026-03-03', ['bank', 50_000, 0], ['otherPayables', 0, 50_000]],
      ['reversal', '2026-03-04', ['otherPayables', 50_000, 0], ['bank', 0, 50_000]],
    ]);
  });
});

describe('legal costs', () => {
  it('charged to the loan are a receivable; borne by the lender, an expense', () => {
    const costs = facts({
      legalCosts: [
        { key: 'legal-1', date: '2026-03-02', amount: 30_000, charged: true, reference: '#4' },
        { key: 'legal-2', date: '2026-03-09', amount: 5_000, charged: false, reference: '#4' },
      ],
    });
    expect(read(loanMonthEntries(costs, 'cash'))).toEqual([
      ['legalCharge', '2026-03-02', ['otherReceivables', 30_000, 0], ['bank', 0, 30_000]],
      ['legalExpense', '2026-03-09', ['adminExpense', 5_000, 0], ['bank', 0, 5_000]],
    ]);
  });
});

describe('non-accrual', () => {
  it('reverses the interest accrued and unpaid when the loan passes 90 days past due', () => {
    const late = facts({
      accruingAtStart: true,
      before: { home: 'loans', outstanding: 1_000_000, receivable: 12_000, charges: 0 },
      allocations: [[7, '2026-03-10', 0, 2_000, 0, 0, 0, 0, 'R-7']],
      // Over 90 days at the month end: the ledger carries no receivable for it any more.
      after: { home: 'loans', outstanding: 1_000_000, receivable: 0, charges: 0, daysPastDue: 95 },
    });
    expect(read(loanMonthEntries(late, 'accrual')).at(-1)).toEqual([
      'nonAccrual',
      '2026-03-31',
      ['interestReceivable', 0, 10_000],
      ['interestIncome', 10_000, 0],
    ]);
  });

  it('recognises interest received from a loan already non-accrual as income', () => {
    const still = facts({
      before: { home: 'loans', outstanding: 1_000_000, receivable: 0, charges: 0 },
      allocations: [[7, '2026-03-10', 0, 2_000, 0, 0, 0, 0, 'R-7']],
      after: { home: 'loans', outstanding: 1_000_000, receivable: 0, charges: 0, daysPastDue: 130 },
    });
    expect(read(loanMonthEntries(still, 'accrual'))).toEqual([
      ['payment', '2026-03-10', ['bank', 2_000, 0], ['interestIncome', 0, 2_000]],
    ]);
  });
});

describe('write-off and recovery', () => {
  it('writes the principal and charges off against the provision, whole', () => {
    const off = facts({
      before: { home: 'loans', outstanding: 500_000, receivable: 0, charges: 30_000 },
      writeOffOn: '2026-03-18',
      after: { home: null, outstanding: 500_000, receivable: 0, charges: 30_000, daysPastDue: 400 },
    });
    expect(read(loanMonthEntries(off, 'cash'))).toEqual([
      [
        'writeOff',
        '2026-03-18',
        ['provision', 530_000, 0],
        ['loans', 0, 500_000],
        ['otherReceivables', 0, 30_000],
      ],
    ]);
  });

  it('takes money recovered after write-off back into the provision', () => {
    const back = facts({
      before: { home: null, outstanding: 0, receivable: 0, charges: 0 },
      after: { home: null, outstanding: 0, receivable: 0, charges: 0, daysPastDue: 0 },
      recoveries: [{ id: 2, date: '2026-03-25', amount: 40_000 }],
    });
    expect(read(loanMonthEntries(back, 'accrual'))).toEqual([
      ['recovery', '2026-03-25', ['bank', 40_000, 0], ['provision', 0, 40_000]],
    ]);
  });
});

describe('principal that moves without money', () => {
  it('moves to repossessed collateral when the car is taken', () => {
    const taken = facts({
      after: { home: 'foreclosed', outstanding: 1_000_000, receivable: 0, charges: 0, daysPastDue: 120 },
    });
    expect(read(loanMonthEntries(taken, 'cash'))).toEqual([
      ['repossession', '2026-03-31', ['foreclosed', 1_000_000, 0], ['loans', 0, 1_000_000]],
    ]);
  });

  it('recognises arrears a plan capitalised, and forgives a settlement discount against the provision', () => {
    const capitalised = facts({
      rescheduled: true,
      after: { home: 'loans', outstanding: 1_003_000, receivable: 0, charges: 0, daysPastDue: 0 },
    });
    expect(read(loanMonthEntries(capitalised, 'cash'))).toEqual([
      ['restructuring', '2026-03-31', ['loans', 3_000, 0], ['interestIncome', 0, 3_000]],
    ]);
    const discounted = facts({
      rescheduled: true,
      after: { home: 'loans', outstanding: 900_000, receivable: 0, charges: 0, daysPastDue: 0 },
    });
    expect(read(loanMonthEntries(discounted, 'cash'))).toEqual([
      ['restructuring', '2026-03-31', ['provision', 100_000, 0], ['loans', 0, 100_000]],
    ]);
  });

  it('turns interest paid ahead into principal when the loan is settled early', () => {
    const early = facts({
      before: { home: 'loans', outstanding: 100_000, receivable: 0, charges: 0 },
      allocations: [[7, '2026-03-20', 99_000, 0, 0, 0, 0, 0, 'R-7']],
      after: { home: null, outstanding: 0, receivable: 0, charges: 0, daysPastDue: 0 },
    });
    expect(read(loanMonthEntries(early, 'cash')).at(-1)).toEqual([
      'settlementCredit',
      '2026-03-31',
      ['interestIncome', 1_000, 0],
      ['loans', 0, 1_000],
    ]);
  });

  it('leaves an unexplained difference alone, for the ties to show', () => {
    const odd = facts({
      after: { home: 'loans', outstanding: 1_000_500, receivable: 0, charges: 0, daysPastDue: 0 },
    });
    expect(loanMonthEntries(odd, 'cash')).toEqual([]);
  });
});

describe('the provision entry', () => {
  it('charges the shortfall to impairment losses, and releases a surplus', () => {
    expect(read([provisionEntry('2026-03-31', 100_000, 120_000)!])).toEqual([
      ['provision', '2026-03-31', ['impairmentLoss', 20_000, 0], ['provision', 0, 20_000]],
    ]);
    expect(read([provisionEntry('2026-03-31', 100_000, 70_000)!])).toEqual([
      ['provision', '2026-03-31', ['impairmentLoss', 0, 30_000], ['provision', 30_000, 0]],
    ]);
    expect(provisionEntry('2026-03-31', 70_000, 70_000)).toBeNull();
  });
});

it('refuses an entry that does not balance', () => {
  const head = {
    key: 'x',
    date: '2026-03-01',
    kind: 'payment' as const,
    loanId: 1,
    loanNumber: 'PB-1',
    reference: '',
  };
  expect(() =>
    entry(head, [
      { account: 'bank', debit: 100, credit: 0 },
      { account: 'loans', debit: 0, credit: 99 },
    ]),
  ).toThrow(/does not balance: 100 ≠ 99/);
});
