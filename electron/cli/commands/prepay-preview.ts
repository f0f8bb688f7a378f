import { PREPAY_MODES, prepaySchedule, PrepayRefusal, parseStatementFile } from '../../../shared/engine';
import { formatAmount, InvalidAmountError, parseAmount } from '../../../shared/money/amount';
import { UsageError, type CliCommand } from '../command';
import { parseCliArgs } from '../args';
import { readJsonFile } from './statement';

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
    const { values, positionals } = parseCliArgs(args, { 'as-of': { type: 'string' } }, true);
    if (positionals.length !== 1)
      throw new UsageError('expects exactly one FILE (a JSON loan file with a "prepay")');
    if (values['as-of'] === undefined) throw new UsageError('--as-of is required (YYYY-MM-DD)');
    const json = await readJsonFile(positionals[0]!);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new UsageError('file: must be a JSON object with the loan terms and a "prepay"');
    }
    const { prepay, ...loanFile } = json as Record<string, unknown>;
    const parsed = parseStatementFile(loanFile, values['as-of']);
    if (!parsed.ok) throw new UsageError(`${parsed.error.field}: ${parsed.error.message}`);
    const request = prepayRequest(prepay);
    const loan = parsed.value;
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
