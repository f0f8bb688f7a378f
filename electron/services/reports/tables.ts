export interface LoanStatusChangesTable {
  id: number;
  loan_id: number;
  from_status: string | null;
  to_status: string;
  /** The day the change took effect. */
  changed_on: string;
  /** The day it was recorded (0019); a change dated earlier is back-dated. */
  recorded_on: string | null;
}

/** A loan's position at the end of a past month, as the engine computed it (see 0013). */
export interface LoanMonthEndsTable {
  loan_id: number;
  month: string;
  status: string;
  days_past_due: number;
  outstanding_principal: number;
  overdue_principal: number;
  overdue_interest: number;
  penalty_due: number;
  collected_penalty: number;
  collected_interest: number;
  collected_principal: number;
  collected_charges: number;
  payments: number;
  /** Paid during the month of what was overdue at the end of the month before. */
  recovered: number;
  /** Interest earned to the month's end and not yet paid (0027; see `interestReceivable`). */
  interest_receivable: number;
  /** Charges (legal costs) owed and unpaid at the month's end. */
  charges_outstanding: number;
  /** Money received beyond everything owed, held for the borrower, at the month's end. */
  unapplied: number;
  /** Prepayment fees paid during the month. */
  collected_fee: number;
  /** JSON `MonthAllocation[]`: how each payment dated in the month was split. */
  allocations: string;
}

export interface ReportTables {
  loan_status_changes: LoanStatusChangesTable;
  loan_month_ends: LoanMonthEndsTable;
}
