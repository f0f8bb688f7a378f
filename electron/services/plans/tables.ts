import type { Generated, Selectable } from 'kysely';
import type { PlanStatus } from '../../../shared/contract/plans';
import type { PlanType } from '../../../shared/engine/plans';

export interface RepaymentPlansTable {
  id: Generated<number>;
  loan_id: number;
  type: PlanType;
  /** JSON: the plan as proposed (PlanSpecInput). */
  params: string;
  status: PlanStatus;
  /** The date the figures in `comparison` were computed on: the proposal date, then the approval date. */
  as_of: string;
  /** JSON: PlanComparison on `as_of`. */
  comparison: string;
  penalty_waived: Generated<number>;
  written_off: Generated<number>;
  reverse_waiver_on_break: Generated<number>;
  proposed_by: number;
  proposed_by_name: string;
  proposed_at: string;
  proposal_note: Generated<string>;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: Generated<string>;
  /** The schedule version the approval created. */
  version_id: number | null;
  /** Rows at the start of that version carried over from before the plan; the plan's own follow. */
  carried_rows: number | null;
  /** Oldest unpaid due date when approved: where DPD keeps counting from until the loan is cured. */
  held_due_date: string | null;
  /** When the plan was broken, completed or lapsed. */
  ended_on: string | null;
}
export type PlanRecord = Selectable<RepaymentPlansTable>;

export interface WriteOffsTable {
  id: Generated<number>;
  loan_id: number;
  status: 'proposed' | 'approved' | 'rejected';
  /** Payoff written off, set on approval. */
  amount: number | null;
  principal: number | null;
  approved_on: string | null;
  requested_by: number;
  requested_by_name: string;
  requested_at: string;
  reason: Generated<string>;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: Generated<string>;
}

export interface RecoveriesTable {
  id: Generated<number>;
  loan_id: number;
  write_off_id: number;
  date: string;
  amount: number;
  method: string;
  reference: Generated<string>;
  received_by: string;
  created_at: string;
}

export interface PlanTables {
  repayment_plans: RepaymentPlansTable;
  write_offs: WriteOffsTable;
  recoveries: RecoveriesTable;
}
