import type { Generated, Selectable } from 'kysely';
import type { LoanStatus, PaymentMethod, Product } from '../../../shared/contract';
import type { PrepaymentInterestRule, RepaymentMethod } from '../../../shared/engine';

export interface LoansTable {
  id: Generated<number>;
  number: string;
  product: Product;
  borrower_id: number;
  status: LoanStatus;
  principal: number;
  annual_rate_percent: string;
  months: number;
  method: RepaymentMethod;
  start_date: string;
  penalty_daily_rate_percent: string;
  grace_days: number;
  upfront_fee: number;
  officer: string;
  /** The lender's remark on the loan (imported 备注). */
  notes: Generated<string>;
  /** How early settlement is priced, as on the day the loan was made (migration 0017). */
  prepayment_interest: Generated<PrepaymentInterestRule>;
  prepayment_fee_percent: Generated<string>;
  created_at: string;
  updated_at: string;
}
export type LoanRecord = Selectable<LoansTable>;

export interface LoanPartiesTable {
  loan_id: number;
  borrower_id: number;
  role: 'guarantor' | 'reference';
  relationship: string;
}

export interface ScheduleVersionsTable {
  id: Generated<number>;
  loan_id: number;
  version: number;
  reason: string;
  /** JSON ScheduleVersionName, worded by the screen; NULL where only `reason` says (migration 0018). */
  name: Generated<string | null>;
  effective_from: string;
  is_active: number;
  created_at: string;
}

export interface InstallmentsTable {
  version_id: number;
  n: number;
  due_date: string;
  principal: number;
  interest: number;
}

export interface PaymentsTable {
  id: Generated<number>;
  loan_id: number;
  receipt_number: string;
  date: string;
  amount: number;
  method: PaymentMethod;
  reference: string;
  received_by: string;
  reverses_payment_id: number | null;
  reversal_reason: string;
  /** The split as printed on the receipt when the payment was posted (JSON); NULL before 0017. */
  receipt_split: string | null;
  created_at: string;
}
export type PaymentRecord = Selectable<PaymentsTable>;

export interface LoanStatusTable {
  loan_id: number;
  computed_as_of: string;
  oldest_unpaid_due_date: string | null;
  outstanding_principal: number;
  overdue_principal: number;
  overdue_interest: number;
  penalty_due: number;
  next_due_date: string | null;
  next_due_amount: number | null;
  last_payment_date: string | null;
  /** Last month whose `loan_month_ends` rows are complete; the triggers of 0013 pull it back. */
  month_ends_through: string | null;
  /** The month (of `computed_as_of`) the collected_* figures belong to. */
  collected_month: string | null;
  collected_penalty: number;
  collected_interest: number;
  collected_principal: number;
  collected_charges: number;
  collected_payments: number;
  /** This loan's share of its open collateral's current value; NULL when none secures it. */
  collateral_value: number | null;
  /** 1 when a trigger of 0016 saw the share move; recomputed before the worklist reads it. */
  collateral_stale: Generated<number>;
}

export interface LoanTables {
  loans: LoansTable;
  loan_parties: LoanPartiesTable;
  schedule_versions: ScheduleVersionsTable;
  installments: InstallmentsTable;
  payments: PaymentsTable;
  loan_status: LoanStatusTable;
}
