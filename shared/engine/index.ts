export { AGING_BUCKETS, type AgingBucket, bucketOf } from './buckets';
export {
  REPAYMENT_METHODS,
  type RepaymentMethod,
  MAX_MONTHS,
  type LoanTerms,
  type ScheduledInstallment,
  annuityInstallment,
  buildSchedule,
} from './schedule';
export {
  INSTALLMENT_STATUSES,
  type InstallmentStatus,
  type Payment,
  type Charge,
  type StatementInput,
  type InstallmentStatement,
  type PaymentAllocation,
  type DpdReason,
  type Statement,
  computeStatement,
  previewPayment,
} from './statement';
export {
  type StatementFileInput,
  type StatementFileResult,
  type StatementOutput,
  parseStatementFile,
  formatStatementOutput,
} from './statement-file';
export { monthlyRateOf, dailyPenaltyRateOf } from './rates';
export {
  PREPAYMENT_INTEREST_RULES,
  type PrepaymentInterestRule,
  type PrepaymentTerms,
  type Payoff,
  DEFAULT_PREPAYMENT,
  prepaymentFeeRatio,
} from './payoff';
export {
  PREPAY_MODES,
  type PrepayMode,
  type PrepayLoan,
  type PrepayOutcome,
  PrepayRefusal,
  prepaySchedule,
} from './prepay';
