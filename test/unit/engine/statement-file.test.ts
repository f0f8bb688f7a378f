import { describe, expect, it } from 'vitest';
import { computeStatement } from '../../../shared/engine/statement';
import { formatStatementOutput, parseStatementFile } from '../../../shared/engine/statement-file';

const AS_OF = '2026-04-15';

const validFile = () => ({
  method: 'annuity',
  principal: '100000.00',
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-01-31',
  penaltyDailyRatePercent: '0.05',
  graceDays: 3,
  payments: [
    { date: '2026-02-28', amount: '8884.88' },
    { date: '2026-03-31', amount: '100' },
  ],
});

/** The file with one top-level field replaced (undefined removes it). */
const withField = (key: string, value: unknown): Record<string, unknown> => {
  const file: Record<string, unknown> = { ...validFile(), [key]: value };
  if (value === undefined) delete file[key];
  return file;
};

/** The file with one field of payments[0] replaced (undefined removes it). */
const withPayment = (key: string, value: unknown) => {
  const payment: Record<string, unknown> = { date: '2026-02-28', amount: '10.00', [key]: value };
  if (value === undefined) delete payment[key];
  return withField('payments', [payment]);
};

describe('parseStatementFile', () => {
  it('turns a valid file into engine input', () => {
    const parsed = parseStatementFile(validFile(), AS_OF);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({
      terms: {
        method: 'annuity',
        principal: 100_000_00,
        annualRatePercent: '12',
        months: 12,
        startDate: '2026-01-31',
      },
      penaltyDailyRatePercent: '0.05',
      graceDays: 3,
      payments: [
        { date: '2026-02-28', amount: 8_884_88 },
        { date: '2026-03-31', amount: 100_00 },
      ],
      asOf: AS_OF,
    });
    expect(parsed.value.installments).toHaveLength(12);
    expect(parsed.value.installments[0]).toEqual({
      n: 1,
      dueDate: '2026-02-28',
      principal: 7_884_88,
      interest: 1_000_00,
    });
  });

  it('defaults penalty rate to "0", grace to 0 and payments to none', () => {
    const bare: Record<string, unknown> = validFile();
    for (const optional of ['penaltyDailyRatePercent', 'graceDays', 'payments']) delete bare[optional];
    const parsed = parseStatementFile(bare, AS_OF);
    expect(
      parsed.ok && [parsed.value.penaltyDailyRatePercent, parsed.value.graceDays, parsed.value.payments],
    ).toEqual(['0', 0, []]);
  });

  it('accepts payment references, and zero rates', () => {
    const parsed = parseStatementFile(
      { ...withPayment('ref', 'R-7'), annualRatePercent: '0', penaltyDailyRatePercent: '0.00' },
      AS_OF,
    );
    expect(parsed.ok && parsed.value.payments).toEqual([{ date: '2026-02-28', amount: 10_00, ref: 'R-7' }]);
  });

  it.each([
    // [what is wrong, file, field the error names]
    ['not an object', [], 'file'],
    ['null', null, 'file'],
    ['an unknown method', withField('method', 'balloon'), 'method'],
    ['a missing method', withField('method', undefined), 'method'],
    ['a method that is not a string', withField('method', 1), 'method'],
    ['months = 0', withField('months', 0), 'months'],
    ['negative months', withField('months', -3), 'months'],
    ['fractional months', withField('months', 1.5), 'months'],
    ['months as a string', withField('months', '12'), 'months'],
    ['missing months', withField('months', undefined), 'months'],
    ['absurdly many months', withField('months', 1201), 'months'],
    ['a zero principal', withField('principal', '0'), 'principal'],
    ['a negative principal', withField('principal', '-5.00'), 'principal'],
    ['a malformed principal', withField('principal', '1,000'), 'principal'],
    ['three decimals of principal', withField('principal', '1.234'), 'principal'],
    ['a principal given as a number', withField('principal', 100000), 'principal'],
    ['a missing principal', withField('principal', undefined), 'principal'],
    ['a negative annual rate', withField('annualRatePercent', '-1'), 'annualRatePercent'],
    ['a malformed annual rate', withField('annualRatePercent', '12%'), 'annualRatePercent'],
    ['an annual rate given as a number', withField('annualRatePercent', 12), 'annualRatePercent'],
    ['a missing annual rate', withField('annualRatePercent', undefined), 'annualRatePercent'],
    ['a negative penalty rate', withField('penaltyDailyRatePercent', '-0.05'), 'penaltyDailyRatePercent'],
    ['a malformed penalty rate', withField('penaltyDailyRatePercent', 'five'), 'penaltyDailyRatePercent'],
    ['an impossible start date', withField('startDate', '2026-02-30'), 'startDate'],
    ['Feb 29 in a common year', withField('startDate', '2025-02-29'), 'startDate'],
    ['a start date in another format', withField('startDate', '31/01/2026'), 'startDate'],
    ['a missing start date', withField('startDate', undefined), 'startDate'],
    ['negative grace days', withField('graceDays', -1), 'graceDays'],
    ['fractional grace days', withField('graceDays', 1.5), 'graceDays'],
    ['grace days as a string', withField('graceDays', '3'), 'graceDays'],
    ['payments that are not a list', withField('payments', { date: '2026-02-28' }), 'payments'],
    ['a payment that is not an object', withField('payments', ['10.00']), 'payments[0]'],
    ['an impossible payment date', withPayment('date', '2026-02-30'), 'payments[0].date'],
    ['a missing payment date', withPayment('date', undefined), 'payments[0].date'],
    ['a payment before the start date', withPayment('date', '2026-01-30'), 'payments[0].date'],
    ['a payment after the as-of date', withPayment('date', '2026-04-16'), 'payments[0].date'],
    ['a zero payment', withPayment('amount', '0.00'), 'payments[0].amount'],
    ['a negative payment', withPayment('amount', '-10.00'), 'payments[0].amount'],
    ['a malformed payment amount', withPayment('amount', '10.001'), 'payments[0].amount'],
    ['a payment amount given as a number', withPayment('amount', 10), 'payments[0].amount'],
    ['a missing payment amount', withPayment('amount', undefined), 'payments[0].amount'],
    ['a payment reference that is not text', withPayment('ref', 7), 'payments[0].ref'],
    [
      'an interest bill no amount can hold',
      withField('annualRatePercent', '999999999999'),
      'annualRatePercent',
    ],
  ])('rejects %s, naming %s', (_what, file, field) => {
    const parsed = parseStatementFile(file, AS_OF);
    expect(parsed).toMatchObject({ ok: false, error: { field } });
    expect(parsed.ok || parsed.error.message.length > 5).toBe(true);
  });

  it('names the right payment in a list', () => {
    const file = validFile();
    file.payments[1]!.amount = 'abc';
    expect(parseStatementFile(file, AS_OF)).toMatchObject({
      ok: false,
      error: { field: 'payments[1].amount' },
    });
  });

  it('rejects an impossible as-of date', () => {
    expect(parseStatementFile(validFile(), '2026-02-30')).toMatchObject({
      ok: false,
      error: { field: 'asOf' },
    });
    expect(parseStatementFile(validFile(), '15/04/2026')).toMatchObject({
      ok: false,
      error: { field: 'asOf' },
    });
  });

  it('explains the problem in words a person can act on', () => {
    const error = (file: unknown) => {
      const parsed = parseStatementFile(file, AS_OF);
      return parsed.ok ? '' : parsed.error.message;
    };
    expect(error(withField('principal', '1.234'))).toContain('at most 2 decimals');
    expect(error(withField('principal', '0'))).toContain('greater than 0');
    expect(error(withField('method', 'balloon'))).toContain(
      'annuity, equal-principal, interest-only, bullet',
    );
    expect(error(withField('annualRatePercent', '-1'))).toContain('negative');
    expect(error(withField('startDate', '2026-02-30'))).toContain('2026-02-30');
    expect(error(withPayment('date', '2026-01-30'))).toContain('before the start date 2026-01-31');
    expect(error(withField('months', undefined))).toBe('is required');
  });
});

describe('formatStatementOutput', () => {
  it('prints exactly the contract fields, amounts with two decimals', () => {
    // Interest-only 1,000.00 at 12% (10.00 a month) for 2 months; the first interest paid.
    // As of 2026-03-31 installment 2 (1,000.00 + 10.00) is due today.
    const parsed = parseStatementFile(
      {
        method: 'interest-only',
        principal: '1000',
        annualRatePercent: '12',
        months: 2,
        startDate: '2026-01-31',
        payments: [{ date: '2026-02-28', amount: '10' }],
      },
      '2026-03-31',
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const output = formatStatementOutput(computeStatement(parsed.value));
    expect(output).toEqual({
      asOf: '2026-03-31',
      daysPastDue: 0,
      bucket: 'current',
      outstandingPrincipal: '1000.00',
      overdue: { principal: '0.00', interest: '0.00', penalty: '0.00' },
      unapplied: '0.00',
      // Installment 2 is due today, in full: 1,000.00 + 10.00, nothing yet of a later period.
      payoff: '1010.00',
      settledOn: null,
      totalPaid: { principal: '0.00', interest: '10.00', penalty: '0.00', charges: '0.00', fee: '0.00' },
      installments: [
        {
          n: 1,
          dueDate: '2026-02-28',
          principal: '0.00',
          interest: '10.00',
          total: '10.00',
          paidPrincipal: '0.00',
          paidInterest: '10.00',
          paidPenalty: '0.00',
          penaltyDue: '0.00',
          status: 'paid',
        },
        {
          n: 2,
          dueDate: '2026-03-31',
          principal: '1000.00',
          interest: '10.00',
          total: '1010.00',
          paidPrincipal: '0.00',
          paidInterest: '0.00',
          paidPenalty: '0.00',
          penaltyDue: '0.00',
          status: 'due',
        },
      ],
    });
    // The printed JSON lists the fields in the contract's order.
    expect(Object.keys(output)).toEqual([
      'asOf',
      'daysPastDue',
      'bucket',
      'outstandingPrincipal',
      'overdue',
      'unapplied',
      'payoff',
      'settledOn',
      'totalPaid',
      'installments',
    ]);
    expect(Object.keys(output.installments[0]!)).toEqual([
      'n',
      'dueDate',
      'principal',
      'interest',
      'total',
      'paidPrincipal',
      'paidInterest',
      'paidPenalty',
      'penaltyDue',
      'status',
    ]);
  });

  it('formats the contract example', () => {
    // See statement.test.ts: as of 2026-04-15, installment 2 is 15 days late with 66.64 penalty.
    const parsed = parseStatementFile(validFile(), AS_OF);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const output = formatStatementOutput(computeStatement(parsed.value));
    // The second payment, 100.00 on Mar 31 (installment 2's due date, before any penalty), pays part of
    // its interest: 921.15 − 100.00 = 821.15 left. Apr 1 … Apr 15 then accrue on 7,963.73 + 821.15 = 8,784.88:
    // 8,784.88 × 0.05% × 15 = 65.8866 → 65.89.
    expect(output).toMatchObject({
      daysPastDue: 15,
      bucket: '1-30',
      outstandingPrincipal: '92115.12',
      overdue: { principal: '7963.73', interest: '821.15', penalty: '65.89' },
      unapplied: '0.00',
    });
  });
});

describe('the prepayment terms in a statement file', () => {
  const loan = {
    method: 'interest-only',
    principal: '1000',
    annualRatePercent: '12',
    months: 2,
    startDate: '2026-01-31',
  };

  it("prices settlement by the file's terms: whole period, with a 2% fee", () => {
    // Over 12 months, on 2026-02-14: the first period's 10.00 in full, and 2% of the 1,000.00
    // repaid early (20.00). Over 2 months the fee would give way: that schedule costs 1,020.00.
    const parsed = parseStatementFile(
      { ...loan, months: 12, prepayment: { interest: 'whole-period', feePercent: '2' } },
      '2026-02-14',
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(formatStatementOutput(computeStatement(parsed.value)).payoff).toBe('1030.00');
  });

  it('refuses an unknown rule and a fee above 100%, naming the field', () => {
    const bad = (prepayment: unknown) => {
      const parsed = parseStatementFile({ ...loan, prepayment }, '2026-02-14');
      return parsed.ok ? null : parsed.error.field;
    };
    expect(bad({ interest: 'monthly' })).toBe('prepayment.interest');
    expect(bad({ feePercent: '100.5' })).toBe('prepayment.feePercent');
    expect(bad('to-date')).toBe('prepayment');
  });
});
