import type { PlanLoan } from '../../../shared/engine/plans';
import type { LoanRecord } from '../loans/tables';

/** The contract terms a plan is priced and discounted with. */
export const planLoanOf = (loan: LoanRecord): PlanLoan => ({
  method: loan.method,
  annualRatePercent: loan.annual_rate_percent,
  penaltyDailyRatePercent: loan.penalty_daily_rate_percent,
  graceDays: loan.grace_days,
});
