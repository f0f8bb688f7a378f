/**
 * Risk classification: which grade a loan is in on a day, and why; and what must be set aside
 * against it. The rules are the lender's settings — this module only applies them, the same way
 * for today's screens, every month end and the CLI.
 *
 * Two profiles:
 * - 'five-class', the regulator's 五级分类 that a Chinese small-loan company reports;
 * - 'ifrs9', three stages, for lenders whose accountant works to IFRS 9.
 *
 * A grade is decided by, in order: a manager's override (approved by a second person) when there
 * is one; otherwise the worst of the grade for the days past due, the floor for a loan
 * restructured within its observation period, and the floor for a loan in legal proceedings.
 */
import { addMonthsClamped, compareDates, type IsoDate } from '../dates';
import { toMinor, type Minor } from '../money/amount';
import { Ratio, roundHalfUpDiv } from '../money/ratio';

export const CLASSIFICATION_PROFILES = ['five-class', 'ifrs9'] as const;
export type ClassificationProfile = (typeof CLASSIFICATION_PROFILES)[number];

export const FIVE_CLASSES = ['normal', 'special-mention', 'substandard', 'doubtful', 'loss'] as const;
export const IFRS9_STAGES = ['stage-1', 'stage-2', 'stage-3'] as const;
export type RiskGrade = (typeof FIVE_CLASSES)[number] | (typeof IFRS9_STAGES)[number];
export const RISK_GRADES: readonly RiskGrade[] = [...FIVE_CLASSES, ...IFRS9_STAGES];

/** Each profile's grades, best first. */
export const GRADES_OF: Record<ClassificationProfile, readonly RiskGrade[]> = {
  'five-class': FIVE_CLASSES,
  ifrs9: IFRS9_STAGES,
};

/**
 * The grades counted as non-performing: the NPL ratio's numerator and the provision coverage
 * ratio's denominator (次级 + 可疑 + 损失; IFRS 9's credit-impaired stage 3).
 */
export const NON_PERFORMING: ReadonlySet<RiskGrade> = new Set(['substandard', 'doubtful', 'loss', 'stage-3']);

/** Loans from `fromDays` to `toDays` days past due (inclusive; null: no upper end) are `grade`. */
export interface DpdBand {
  grade: RiskGrade;
  fromDays: number;
  toDays: number | null;
}

export interface ClassificationRules {
  profile: ClassificationProfile;
  /** One band per grade of the profile, best first, from 0 days with no gaps, the last open-ended. */
  bands: DpdBand[];
  /** A restructured loan is at least this grade ... */
  restructuredFloor: RiskGrade;
  /** ... for this many months from the plan's approval, and may be upgraded only after them. */
  observationMonths: number;
  /** A loan in legal proceedings is at least this grade; null: no floor. */
  legalFloor: RiskGrade | null;
  /** Provision rate per grade, as percentage text ("25" is 25%): exact, never a float. */
  provisionPercent: Partial<Record<RiskGrade, string>>;
  /** Whether interest receivable (overdue interest) is provided for, besides principal. */
  provisionOnInterest: boolean;
}

export const DEFAULT_RULES: Record<ClassificationProfile, ClassificationRules> = {
  'five-class': {
    profile: 'five-class',
    bands: [
      { grade: 'normal', fromDays: 0, toDays: 0 },
      { grade: 'special-mention', fromDays: 1, toDays: 90 },
      { grade: 'substandard', fromDays: 91, toDays: 270 },
      { grade: 'doubtful', fromDays: 271, toDays: 360 },
      { grade: 'loss', fromDays: 361, toDays: null },
    ],
    restructuredFloor: 'substandard',
    observationMonths: 12,
    legalFloor: 'substandard',
    provisionPercent: { normal: '1', 'special-mention': '2', substandard: '25', doubtful: '50', loss: '100' },
    provisionOnInterest: false,
  },
  ifrs9: {
    profile: 'ifrs9',
    bands: [
      { grade: 'stage-1', fromDays: 0, toDays: 30 },
      { grade: 'stage-2', fromDays: 31, toDays: 90 },
      { grade: 'stage-3', fromDays: 91, toDays: null },
    ],
    restructuredFloor: 'stage-2',
    observationMonths: 12,
    // A loan the lender has taken to court is credit-impaired.
    legalFloor: 'stage-3',
    provisionPercent: { 'stage-1': '1', 'stage-2': '10', 'stage-3': '50' },
    provisionOnInterest: false,
  },
};

/** What is wrong with a set of rules, as an error code and its parameters for the screen to word. */
export type RulesProblem =
  | { code: 'classification.bandsStartAtZero'; params: { grade: RiskGrade } }
  | { code: 'classification.bandsGap'; params: { after: number; next: number } }
  | { code: 'classification.bandsOverlap'; params: { after: number; next: number } }
  | { code: 'classification.bandsBackwards'; params: { grade: RiskGrade; fromDays: number; toDays: number } }
  | { code: 'classification.bandsLastOpen'; params: { grade: RiskGrade } }
  | { code: 'classification.bandsGrades'; params: { expected: string } }
  | { code: 'classification.gradeOfOtherProfile'; params: { grade: RiskGrade } }
  | { code: 'classification.ratePercent'; params: { grade: RiskGrade; value: string } }
  | { code: 'classification.observationMonths'; params: { value: number } };

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** Every problem with `rules`, in the order a person would fix them; empty when they are sound. */
export function checkRules(rules: ClassificationRules): RulesProblem[] {
  const grades = GRADES_OF[rules.profile];
  const problems: RulesProblem[] = [];
  const bandGrades = rules.bands.map((b) => b.grade);
  if (bandGrades.length !== grades.length || bandGrades.some((g, i) => g !== grades[i])) {
    problems.push({ code: 'classification.bandsGrades', params: { expected: grades.join(', ') } });
  }
  rules.bands.forEach((band, i) => {
    if (band.toDays !== null && band.toDays < band.fromDays) {
      problems.push({
        code: 'classification.bandsBackwards',
        params: { grade: band.grade, fromDays: band.fromDays, toDays: band.toDays },
      });
    }
    if (i === 0 && band.fromDays !== 0) {
      problems.push({ code: 'classification.bandsStartAtZero', params: { grade: band.grade } });
    }
    const before = rules.bands[i - 1];
    if (before) {
      const after = before.toDays ?? Number.POSITIVE_INFINITY;
      if (band.fromDays > after + 1) {
        problems.push({ code: 'classification.bandsGap', params: { after, next: band.fromDays } });
      } else if (band.fromDays <= after) {
        problems.push({ code: 'classification.bandsOverlap', params: { after, next: band.fromDays } });
      }
    }
    if (i === rules.bands.length - 1 && band.toDays !== null) {
      problems.push({ code: 'classification.bandsLastOpen', params: { grade: band.grade } });
    }
  });
  for (const floor of [rules.restructuredFloor, rules.legalFloor]) {
    if (floor !== null && !grades.includes(floor)) {
      problems.push({ code: 'classification.gradeOfOtherProfile', params: { grade: floor } });
    }
  }
  for (const grade of grades) {
    const value = rules.provisionPercent[grade] ?? '';
    if (!PERCENT.test(value) || Ratio.fromDecimal(value).compare(Ratio.fromInteger(100)) > 0) {
      problems.push({ code: 'classification.ratePercent', params: { grade, value } });
    }
  }
  if (
    !Number.isInteger(rules.observationMonths) ||
    rules.observationMonths < 0 ||
    rules.observationMonths > 60
  ) {
    problems.push({ code: 'classification.observationMonths', params: { value: rules.observationMonths } });
  }
  return problems;
}

/** A loan's position as classification sees it, on one day. */
export interface LoanStanding {
  daysPastDue: number;
  /** The day its latest repayment plan was approved, if it has one approved on or before the day. */
  restructuredOn: IsoDate | null;
  inLegal: boolean;
  /** A manager's override, approved by a second person, in force on the day. */
  override: { grade: RiskGrade; reason: string } | null;
}

/** Why a loan is in its grade: each rule that set or raised it, for the loan page to word. */
export type GradeReason =
  | { kind: 'days'; days: number; grade: RiskGrade }
  | { kind: 'restructured'; on: IsoDate; until: IsoDate; grade: RiskGrade }
  | { kind: 'legal'; grade: RiskGrade }
  | { kind: 'override'; reason: string; grade: RiskGrade };

export interface Classification {
  grade: RiskGrade;
  /** The grade the rules give without the override (the same as `grade` when there is none). */
  ruled: RiskGrade;
  reasons: GradeReason[];
}

function gradeForDays(rules: ClassificationRules, days: number): RiskGrade {
  const band = rules.bands.find((b) => days >= b.fromDays && (b.toDays === null || days <= b.toDays));
  // checkRules guarantees a band for every whole number of days ≥ 0.
  if (!band) throw new RangeError(`no classification band holds ${days} days past due`);
  return band.grade;
}

const worse = (rules: ClassificationRules, a: RiskGrade, b: RiskGrade) => {
  const order = GRADES_OF[rules.profile];
  return order.indexOf(b) > order.indexOf(a) ? b : a;
};

/** The loan's grade on `asOf` under `rules` (assumed sound: see `checkRules`), with its reasons. */
export function classify(rules: ClassificationRules, standing: LoanStanding, asOf: IsoDate): Classification {
  const byDays = gradeForDays(rules, standing.daysPastDue);
  const reasons: GradeReason[] = [{ kind: 'days', days: standing.daysPastDue, grade: byDays }];
  let ruled = byDays;
  if (standing.restructuredOn !== null) {
    const until = addMonthsClamped(standing.restructuredOn, rules.observationMonths);
    if (compareDates(asOf, until) < 0 && worse(rules, ruled, rules.restructuredFloor) !== ruled) {
      ruled = rules.restructuredFloor;
      reasons.push({ kind: 'restructured', on: standing.restructuredOn, until, grade: ruled });
    }
  }
  if (standing.inLegal && rules.legalFloor !== null && worse(rules, ruled, rules.legalFloor) !== ruled) {
    ruled = rules.legalFloor;
    reasons.push({ kind: 'legal', grade: ruled });
  }
  if (standing.override !== null) {
    reasons.push({ kind: 'override', reason: standing.override.reason, grade: standing.override.grade });
    return { grade: standing.override.grade, ruled, reasons };
  }
  return { grade: ruled, ruled, reasons };
}

/** What a provision is computed on: outstanding principal, plus overdue interest when set. */
export function provisionBase(
  rules: ClassificationRules,
  amounts: { outstandingPrincipal: Minor; overdueInterest: Minor },
): Minor {
  return amounts.outstandingPrincipal + (rules.provisionOnInterest ? amounts.overdueInterest : 0);
}

/** Each grade's rate as an exact fraction of one, parsed once per set of rules. */
const ratesOf = new WeakMap<ClassificationRules, Map<RiskGrade, Ratio>>();
function rateOf(rules: ClassificationRules, grade: RiskGrade): Ratio {
  let rates = ratesOf.get(rules);
  if (!rates) ratesOf.set(rules, (rates = new Map()));
  let rate = rates.get(grade);
  if (!rate) {
    rate = Ratio.fromDecimal(rules.provisionPercent[grade] ?? '0').div(Ratio.fromInteger(100));
    rates.set(grade, rate);
  }
  return rate;
}

/**
 * The provision required against `base` in `grade`: the grade's rate, rounded once to the cent.
 * A month grades every loan on the book, so the rate is parsed once and the product rounded
 * straight from its numerator and denominator (the same half-up rounding as `roundToMinor`).
 */
export function requiredProvision(rules: ClassificationRules, grade: RiskGrade, base: Minor): Minor {
  const rate = rateOf(rules, grade);
  return toMinor(roundHalfUpDiv(BigInt(base) * rate.num, rate.den));
}
