import type { Generated } from 'kysely';
import type { RiskGrade } from '../../../shared/engine/classification';

/** A manager's override of a loan's grade: asked, decided by another manager, removed later. */
export interface GradeOverridesTable {
  id: Generated<number>;
  loan_id: number;
  grade: RiskGrade;
  reason: string;
  status: 'proposed' | 'approved' | 'rejected' | 'removed';
  requested_by: number;
  requested_by_name: string;
  requested_at: string;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: Generated<string>;
  /** The day it took effect (its approval); null until approved. */
  effective_from: string | null;
  /** The day it stopped applying; the grade of that day is the rules' again. */
  removed_on: string | null;
  removed_by_name: string | null;
  removal_reason: Generated<string>;
}

export interface RiskTables {
  grade_overrides: GradeOverridesTable;
}
