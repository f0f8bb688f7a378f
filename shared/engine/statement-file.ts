/**
 * The file format of `statement FILE --as-of YYYY-MM-DD`: loan terms and payments in, the
 * statement out. Input is checked field by field so the error can name the field a person has to
 * fix ("payments[2].amount"), and anything that passes is safe for the engine to compute with.
 */
import type { FieldIssue } from '../contract/result';
import { addMonthsClamped, daysBetween, isValidIsoDate, type IsoDate } from '../dates/civil';
import { formatAmount, InvalidAmountError, parseAmount, type Minor } from '../money/amount';
import { Ratio } from '../money/ratio';
import type { AgingBucket } from './buckets';
import {
  buildSchedule,
  MAX_MONTHS,
  REPAYMENT_METHODS,
  type LoanTerms,
  type RepaymentMethod,
  type ScheduledInstallment,
} from './schedule';
import type { InstallmentStatus, Payment, Statement, StatementInput } from './statement';
import { PREPAYMENT_INTEREST_RULES, prepaymentFeeRatio, type PrepaymentTerms } from './payoff';

/** What the engine needs, plus the terms the schedule was built from. */
export interface StatementFileInput extends StatementInput {
  terms: LoanTerms;
  startDate: IsoDate;
  prepayment: PrepaymentTerms;
}

export type StatementFileResult = { ok: true; value: StatementFileInput } | { ok: false; error: FieldIssue };

/** Internal: stops validation at the first problem. */
class FieldProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const quoted = (value: unknown): string => JSON.stringify(value) ?? String(value);

function required(obj: Fields, key: string, field = key): unknown {
  const value = obj[key];
  if (value === undefined) throw new FieldProblem(field, 'is required');
  return value;
}

function text(value: unknown, field: string, example: string): string {
  if (typeof value !== 'string') throw new FieldProblem(field, `must be a string such as "${example}"`);
  return value;
}

function positiveAmount(value: unknown, field: string): Minor {
  let minor: Minor;
  try {
    minor = parseAmount(text(value, field, '1234.56'));
  } catch (e) {
    if (!(e instanceof InvalidAmountError)) throw e;
    throw new FieldProblem(
      field,
      e.problem === 'format'
        ? `must be a decimal amount with at most 2 decimals, e.g. 1234.56 (got ${quoted(value)})`
        : `is too large (got ${quoted(value)})`,
    );
  }
  if (minor <= 0) throw new FieldProblem(field, `must be greater than 0 (got ${quoted(value)})`);
  return minor;
}

/** Same precision the app's forms accept for rates. */
const RATE_PERCENT = /^-?\d+(\.\d{1,6})?$/;

function ratePercent(value: unknown, field: string): string {
  const rate = text(value, field, '12.5');
  if (!RATE_PERCENT.test(rate)) {
    throw new FieldProblem(
      field,
      `must be a percentage such as 12 or 0.05, with at most 6 decimals (got ${quoted(value)})`,
    );
  }
  if (Ratio.fromDecimal(rate).sign() < 0)
    throw new FieldProblem(field, `must not be negative (got ${quoted(value)})`);
  return rate;
}

function wholeNumber(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new FieldProblem(field, `must be a whole number of at least ${min} (got ${quoted(value)})`);
  }
  if (value > max) throw new FieldProblem(field, `must be at most ${max} (got ${quoted(value)})`);
  return value;
}

function calendarDate(value: unknown, field: string): IsoDate {
  if (!isValidIsoDate(value)) {
    throw new FieldProblem(field, `must be a real calendar date written YYYY-MM-DD (got ${quoted(value)})`);
  }
  return value;
}

function method(value: unknown): RepaymentMethod {
  const name = text(value, 'method', 'annuity');
  const known = REPAYMENT_METHODS.find((m) => m === name);
  if (!known) {
    throw new FieldProblem('method', `must be one of ${REPAYMENT_METHODS.join(', ')} (got ${quoted(value)})`);
  }
  return known;
}

function payments(value: unknown, startDate: IsoDate, asOf: IsoDate): Payment[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new FieldProblem('payments', 'must be a list of {"date", "amount"} objects');
  return value.map((entry: unknown, i): Payment => {
    const at = `payments[${i}]`;
    if (!isFields(entry)) throw new FieldProblem(at, 'must be an object with "date" and "amount"');
    const date = calendarDate(required(entry, 'date', `${at}.date`), `${at}.date`);
    if (date < startDate)
      throw new FieldProblem(`${at}.date`, `must not be before the start date ${startDate} (got "${date}")`);
    if (date > asOf)
      throw new FieldProblem(`${at}.date`, `must not be after the as-of date ${asOf} (got "${date}")`);
    const amount = positiveAmount(required(entry, 'amount', `${at}.amount`), `${at}.amount`);
    if (entry['ref'] === undefined) return { date, amount };
    return { date, amount, ref: text(entry['ref'], `${at}.ref`, 'R-1001') };
  });
}

/** `"prepayment": {"interest": "to-date" | "whole-period", "feePercent": "0"}`, both optional. */
function prepaymentTerms(value: unknown): PrepaymentTerms {
  if (value === undefined) return { interest: 'to-date', feePercent: '0' };
  if (!isFields(value)) {
    throw new FieldProblem(
      'prepayment',
      'must be an object such as {"interest": "to-date", "feePercent": "0"}',
    );
  }
  const rule = value['interest'] ?? 'to-date';
  const interest = PREPAYMENT_INTEREST_RULES.find((r) => r === rule);
  if (!interest) {
    throw new FieldProblem(
      'prepayment.interest',
      `must be one of ${PREPAYMENT_INTEREST_RULES.join(', ')} (got ${quoted(rule)})`,
    );
  }
  const fee =
    value['feePercent'] === undefined ? '0' : ratePercent(value['feePercent'], 'prepayment.feePercent');
  try {
    prepaymentFeeRatio(fee);
  } catch {
    throw new FieldProblem('prepayment.feePercent', `must be from 0 to 100 (got ${quoted(fee)})`);
  }
  return { interest, feePercent: fee };
}

/**
 * Amounts are numbers of minor units, so the whole statement must stay within safe integers.
 * These bounds are loose but cheap; only absurd inputs (rates in the millions of percent) hit them.
 */
function scheduleWithinRange(input: Omit<StatementFileInput, 'installments'>): ScheduledInstallment[] {
  const { terms } = input;
  try {
    addMonthsClamped(terms.startDate, terms.months);
  } catch {
    throw new FieldProblem('months', `runs the loan past the year 9999 (got ${terms.months})`);
  }
  const tooLarge = (field: string, what: string): FieldProblem =>
    new FieldProblem(field, `${what} would exceed the largest amount the engine can hold`);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  let installments: ScheduledInstallment[];
  try {
    installments = buildSchedule(terms);
  } catch {
    throw tooLarge('annualRatePercent', 'is too high for this principal: interest');
  }
  const scheduled = installments.reduce((sum, i) => sum + BigInt(i.principal) + BigInt(i.interest), 0n);
  if (scheduled > limit)
    throw tooLarge('annualRatePercent', 'is too high for this principal: the total repayable');
  // Penalty can't exceed everything scheduled, unpaid, at the daily rate, for every day since the start.
  const days = BigInt(Math.max(0, daysBetween(terms.startDate, input.asOf)));
  const rate = Ratio.fromDecimal(input.penaltyDailyRatePercent);
  if ((scheduled * days * rate.num) / (100n * rate.den) >= limit) {
    throw tooLarge('penaltyDailyRatePercent', 'is too high: the penalty');
  }
  if (input.payments.reduce((sum, p) => sum + BigInt(p.amount), 0n) > limit) {
    throw tooLarge('payments', 'add up to too much: their total');
  }
  return installments;
}

/** Validates a parsed statement file; `asOf` is the `--as-of` argument. Never throws for bad input. */
export function parseStatementFile(json: unknown, asOf: string): StatementFileResult {
  try {
    if (!isFields(json)) throw new FieldProblem('file', 'must be a JSON object with the loan terms');
    const terms: LoanTerms = {
      method: method(required(json, 'method')),
      principal: positiveAmount(required(json, 'principal'), 'principal'),
      annualRatePercent: ratePercent(required(json, 'annualRatePercent'), 'annualRatePercent'),
      months: wholeNumber(required(json, 'months'), 'months', 1, MAX_MONTHS),
      startDate: calendarDate(required(json, 'startDate'), 'startDate'),
    };
    const penaltyRate = json['penaltyDailyRatePercent'];
    const graceDays = json['graceDays'];
    const asOfDate = calendarDate(asOf, 'asOf');
    const partial = {
      terms,
      penaltyDailyRatePercent:
        penaltyRate === undefined ? '0' : ratePercent(penaltyRate, 'penaltyDailyRatePercent'),
      graceDays: graceDays === undefined ? 0 : wholeNumber(graceDays, 'graceDays', 0),
      payments: payments(json['payments'], terms.startDate, asOfDate),
      asOf: asOfDate,
      startDate: terms.startDate,
      prepayment: prepaymentTerms(json['prepayment']),
    };
    return { ok: true, value: { ...partial, installments: scheduleWithinRange(partial) } };
  } catch (e) {
    if (e instanceof FieldProblem) return { ok: false, error: { field: e.field, message: e.message } };
    throw e;
  }
}

/** The statement as the CLI prints it: amounts as strings with exactly two decimals. */
export interface StatementOutput {
  asOf: IsoDate;
  daysPastDue: number;
  bucket: AgingBucket;
  outstandingPrincipal: string;
  overdue: { principal: string; interest: string; penalty: string };
  unapplied: string;
  /** What settles the loan on the as-of date. */
  payoff: string;
  /** The day the loan was settled, or null while anything is owed. */
  settledOn: IsoDate | null;
  totalPaid: { principal: string; interest: string; penalty: string; charges: string; fee: string };
  installments: {
    n: number;
    dueDate: IsoDate;
    principal: string;
    interest: string;
    total: string;
    paidPrincipal: string;
    paidInterest: string;
    paidPenalty: string;
    penaltyDue: string;
    status: InstallmentStatus;
  }[];
}

export function formatStatementOutput(statement: Statement): StatementOutput {
  return {
    asOf: statement.asOf,
    daysPastDue: statement.daysPastDue,
    bucket: statement.bucket,
    outstandingPrincipal: formatAmount(statement.outstandingPrincipal),
    overdue: {
      principal: formatAmount(statement.overdue.principal),
      interest: formatAmount(statement.overdue.interest),
      penalty: formatAmount(statement.overdue.penalty),
    },
    unapplied: formatAmount(statement.unapplied),
    payoff: formatAmount(statement.payoff.total),
    settledOn: statement.settledOn,
    totalPaid: {
      principal: formatAmount(statement.totalPaid.principal),
      interest: formatAmount(statement.totalPaid.interest),
      penalty: formatAmount(statement.totalPaid.penalty),
      charges: formatAmount(statement.totalPaid.charges),
      fee: formatAmount(statement.totalPaid.fee),
    },
    installments: statement.installments.map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      principal: formatAmount(i.principal),
      interest: formatAmount(i.interest),
      total: formatAmount(i.total),
      paidPrincipal: formatAmount(i.paidPrincipal),
      paidInterest: formatAmount(i.paidInterest),
      paidPenalty: formatAmount(i.paidPenalty),
      penaltyDue: formatAmount(i.penaltyDue),
      status: i.status,
    })),
  };
}
