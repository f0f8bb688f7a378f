import type { PaymentSplit } from '../../../shared/contract/index';
import {
  computeStatement,
  type Payment,
  type PaymentAllocation,
  type PrepaymentTerms,
  type Statement,
  type StatementInput,
} from '../../../shared/engine/index';
import type { LoanRecord } from './tables';
import { effectivePayments, type LoanRecords } from './loan-records';

/** What the engine is given for a loan on `asOf`: its active schedule, terms and known payments. */
export function statementInputOf(book: LoanRecords, asOf: string, extra: Payment[] = []): StatementInput {
  return {
    installments: book.installments,
    penaltyDailyRatePercent: book.loan.penalty_daily_rate_percent,
    graceDays: book.loan.grace_days,
    payments: [...effectivePayments(book.paymentRows).filter((p) => p.date <= asOf), ...extra],
    asOf,
    charges: book.charges,
    startDate: book.loan.start_date,
    prepayment: prepaymentTermsOf(book.loan),
  };
}

/** The one way the app computes a loan's position: the shared statement engine. */
export function statementOf(book: LoanRecords, asOf: string, extra: Payment[] = []): Statement {
  return computeStatement(statementInputOf(book, asOf, extra));
}

/** How the loan's early settlement is priced: the terms it was made with. */
export const prepaymentTermsOf = (loan: LoanRecord): PrepaymentTerms => ({
  interest: loan.prepayment_interest,
  feePercent: loan.prepayment_fee_percent,
});

/**
 * What settles the loan on the statement's day (the engine's payoff): unpaid principal, interest
 * earned to that day, penalty, charges and any prepayment fee, never interest not yet earned.
 */
export function payoffOf(statement: Statement): number {
  return statement.payoff.total;
}

/**
 * A payment's split as receipts, previews and payment rows show it: `charges` and `fee` only when
 * some were paid, `settlement` only when the payment settled the loan.
 */
export function splitOf(a: PaymentAllocation): PaymentSplit {
  return {
    penalty: a.penalty,
    interest: a.interest,
    principal: a.principal,
    unapplied: a.unapplied,
    ...(a.charges > 0 ? { charges: a.charges } : {}),
    ...(a.fee > 0 ? { fee: a.fee } : {}),
    ...(a.settlement ? { settlement: true as const } : {}),
  };
}
