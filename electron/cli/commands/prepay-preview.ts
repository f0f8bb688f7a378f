import { PREPAY_MODES, prepaySchedule, PrepayRefusal } from '../../../shared/engine';
import { formatAmount, InvalidAmountError, parseAmount } from '../../../shared/money/amount';
import { UsageError, type CliCommand } from '../command';
import { readLoanFileWith } from './statement';

/** `"prepay": {"amount": "2055.27", "mode": "reduce-installment"}`, checked field by field. */
function prepayRequest(value: unknown) {
  if (value === undefined) throw new UsageError('prepay: is required');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      'prepay: must be an object such as {"amount": "2000.00", "mode": "reduce-installment"}',
    );
  }
  const { amount, mode } = value as Record<string, unknown>;
  let minor: number;
  try {
    minor = parseAmount(typeof amount === 'string' ? amount : '');
  } catch (e) {
    if (!(e instanceof InvalidAmountError)) throw e;
    throw new UsageError(
      `prepay.amount: must be a decimal amount such as "2000.00" (got ${JSON.stringify(amount)})`,
    );
  }
  if (minor <= 0)
    throw new UsageError(`prepay.amount: must be greater than 0 (got ${JSON.stringify(amount)})`);
  const known = PREPAY_MODES.find((m) => m === mode);
  if (!known) {
    throw new UsageError(
      `prepay.mode: must be one of ${PREPAY_MODES.join(', ')} (got ${JSON.stringify(mode)})`,
    );
  }
  return { amount: minor, mode: known };
}

/**
 * `prepay-preview FILE --as-of YYYY-MM-DD`: a statement-contract loan file plus a `"prepay"`
 * object; prints the schedule a partial prepayment on the as-of date would leave, in
 * `plan-preview`'s format. No database. Bad input is exit 2 with one line naming the field.
 */
export const prepayPreviewCommand: CliCommand = {
  name: 'prepay-preview',
  usage: 'prepay-preview FILE --as-of YYYY-MM-DD',
  async run(args, io) {
    const { loan, extra: prepay } = await readLoanFileWith(args, 'prepay');
    const request = prepayRequest(prepay);
    try {
      const out = prepaySchedule(
        loan,
        { ...loan.terms, prepayment: loan.prepayment },
        request.amount,
        request.mode,
      );
      io.out(
        JSON.stringify(
          {
            schedule: out.installments.map((i) => ({
              n: i.n,
              dueDate: i.dueDate,
              principal: formatAmount(i.principal),
              interest: formatAmount(i.interest),
              total: formatAmount(i.principal + i.interest),
            })),
            prepayment: {
              asOf: loan.asOf,
              amount: formatAmount(request.amount),
              mode: request.mode,
              prepaidPrincipal: formatAmount(out.prepaidPrincipal),
              interestToDate: formatAmount(out.interestToDate),
              installmentAmount: formatAmount(out.newInstallment),
              installmentCount: out.installmentsLeft,
              endDate: out.endDate,
            },
          },
          null,
          2,
        ),
      );
    } catch (error) {
      if (error instanceof PrepayRefusal) throw new UsageError(`${error.field}: ${error.message}`);
      throw error;
    }
    return 0;
  },
};
