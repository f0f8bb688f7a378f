import { z } from 'zod';
import { changes, method, names, reads } from './define';
import { id, isoDate, optionalText } from './common';
import type { Product } from './products';
import {
  CLASSIFICATION_PROFILES,
  DEFAULT_RULES,
  RISK_GRADES,
  type Classification,
  type ClassificationProfile,
  type RiskGrade,
} from '../engine/classification';

export {
  CLASSIFICATION_PROFILES,
  DEFAULT_RULES,
  FIVE_CLASSES,
  IFRS9_STAGES,
  GRADES_OF,
  RISK_GRADES,
  type ClassificationProfile,
  type Classification,
  type GradeReason,
  type RiskGrade,
} from '../engine/classification';

const days = z.number().int().min(0).max(100_000);
const grade = z.enum(RISK_GRADES as [RiskGrade, ...RiskGrade[]]);

/**
 * The classification and provision rules, kept as one setting: the bands only make sense together
 * (`checkRules` refuses gaps and overlaps, which no single field can see).
 */
export const riskRulesSchema = z
  .object({
    profile: z.enum(CLASSIFICATION_PROFILES),
    bands: z
      .array(z.object({ grade, fromDays: days, toDays: days.nullable() }).strict())
      .min(1)
      .max(5),
    restructuredFloor: grade,
    observationMonths: z.number().int(),
    legalFloor: grade.nullable(),
    provisionPercent: z.partialRecord(grade, z.string().max(12)),
    provisionOnInterest: z.boolean(),
  })
  .strict();

export const riskSettingsShape = { riskRules: riskRulesSchema };
export const DEFAULT_RISK_SETTINGS = { riskRules: DEFAULT_RULES['five-class'] };

/** One grade's line of the book's classification. */
export interface GradeLine {
  grade: RiskGrade;
  loans: number;
  /** Outstanding principal of the loans in the grade. */
  outstanding: number;
  /** What the provision is computed on: principal, plus overdue interest when the rules say so. */
  base: number;
  provision: number;
}

/** One product's loans, balance, non-performing balance and provision. */
export interface ProductProvisionLine {
  product: Product;
  loans: number;
  outstanding: number;
  nonPerforming: number;
  provision: number;
}

/** The book's grades on a day, and the ratios that follow (`summarize`). */
export interface ClassificationSummary {
  profile: ClassificationProfile;
  /** Every grade of the profile, best first, with zeros where no loan is. */
  grades: GradeLine[];
  /** Every product, mortgages first, with zeros where it has no loan. */
  products: ProductProvisionLine[];
  loans: number;
  outstanding: number;
  provision: number;
  /** Non-performing balance (substandard + doubtful + loss; stage 3). */
  nonPerforming: number;
  /** Non-performing ÷ outstanding, exact to 4 decimals ("0.0312"); null on an empty book. */
  nplRatio: string | null;
  /** Provision ÷ non-performing balance, 4 decimals; null when nothing is non-performing. */
  coverage: string | null;
}

export interface BookClassification extends ClassificationSummary {
  asOf: string;
  /** Each loan's line, in loan-number order, when asked for (`perLoan`): the CLI's listing. */
  perLoan?: LoanGradeLine[];
}

export interface LoanGradeLine extends Classification {
  loanId: number;
  number: string;
  daysPastDue: number;
  outstanding: number;
  base: number;
  provision: number;
}

/** A manager's override of a loan's grade, waiting for a second manager or in force. */
export interface GradeOverrideRow {
  id: number;
  loanId: number;
  loanNumber: string;
  grade: RiskGrade;
  reason: string;
  status: 'proposed' | 'approved' | 'rejected' | 'removed';
  requestedBy: string;
  requestedByUserId: number;
  decidedBy: string | null;
  effectiveFrom: string | null;
}

/** A loan's grade on a day, why, and what is set aside against it. */
export interface LoanGrade extends Classification {
  /** The override in force, and one waiting for approval, if any. */
  override: GradeOverrideRow | null;
  pendingOverride: GradeOverrideRow | null;
  loanId: number;
  asOf: string;
  profile: ClassificationProfile;
  daysPastDue: number;
  base: number;
  provision: number;
  /** The grade's provision rate, as percentage text. */
  provisionPercent: string;
}

/** Where a loan went between two month ends: a grade, or off the book (written off; closed, repossessed or otherwise gone). */
export type MigrationFrom = RiskGrade | 'new';
export type MigrationTo = RiskGrade | 'closed' | 'written-off';

/** The report's "Classification and provisions" section for one month. */
export interface MonthClassification extends ClassificationSummary {
  month: string;
  /** The day the grades are taken: the month's end, or today in a month still running. */
  asOf: string;
  /**
   * The provision account over the month: opening (required at the month before's end, under that
   * month's rules) + charge − release − used by write-offs = closing.
   */
  movement: { opening: number; charge: number; release: number; usedByWriteOffs: number; closing: number };
  /** Loans by grade at the month before's end and now (outstanding now; for leavers, before). */
  migration: { from: MigrationFrom; to: MigrationTo; loans: number; outstanding: number }[];
}

export const riskContract = {
  /** The book's classification and required provisions on a day (today when left out). */
  'reports.classification': method<BookClassification>()(
    z.object({ asOf: isoDate.optional(), perLoan: z.boolean().default(false) }).strict(),
    reads('reports.read'),
  ),
  /** One loan's grade today: the loan page's "which class, and why". */
  'loans.grade': method<LoanGrade | null>()(
    z.object({ loanId: id }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
  /**
   * The loan's grade at each month end it was on the book, each under that month's rules and the
   * overrides in force that day: only the months its grade changed, oldest first.
   */
  'loans.gradeHistory': method<{ month: string; grade: RiskGrade }[]>()(
    z.object({ loanId: id }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
  /** A manager asks to set a loan's grade by hand; another manager decides (maker-checker). */
  'loans.requestGradeOverride': method<GradeOverrideRow>()(
    z.object({ loanId: id, grade, reason: z.string().trim().min(1).max(500) }).strict(),
    changes('approvals.decide', names('loan', 'loanId')),
  ),
  'loans.decideGradeOverride': method<GradeOverrideRow>()(
    z.object({ overrideId: id, decision: z.enum(['approve', 'reject']), note: optionalText(500) }).strict(),
    changes('approvals.decide', names('grade-override', 'overrideId')),
  ),
  /** The grade goes back to what the rules say, from today; the override stays on record. */
  'loans.removeGradeOverride': method<GradeOverrideRow>()(
    z.object({ overrideId: id, reason: z.string().trim().min(1).max(500) }).strict(),
    changes('approvals.decide', names('grade-override', 'overrideId')),
  ),
};
