import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../../db/engine';
import { idsIn, smaller } from '../../db/dialect';
import type { AgingBucket } from '../../../shared/engine';
import type { ScoreFactor } from '../../../shared/contract/collections';
import { formatAmount, roundHalfUpDiv } from '../../../shared/money';
import { byBucketSql } from '../loans/list.query';

/**
 * The worklist priority score: a sum of points, each explained on the row.
 *
 *   bucket              1-30: 10, 31-60: 20, 61-90: 30, 91-180: 40, 181+: 50
 *   overdue amount      1 point per full 1,000.00 overdue, at most 30
 *   collateral          none recorded: +20 (treated as uncovered); covers < 100% of exposure:
 *                       +20; 100–149%: +8; 150% or more: 0; coverage not available: 0
 *   broken promise      +25 (a promise whose window closed in the last 30 days unpaid)
 *   promise due today   +20
 *   new delinquency     +15 when DPD is 1-3 and nobody has been contacted since it fell due
 *   visit due today     +10
 *   follow-up due       +10 (today or earlier, not yet followed by a contact)
 */
export const BUCKET_POINTS: Record<AgingBucket, number> = {
  current: 0,
  '1-30': 10,
  '31-60': 20,
  '61-90': 30,
  '91-180': 40,
  '181+': 50,
};
export const AMOUNT_POINT_UNIT = 100_000;
const BROKEN_PROMISE_POINTS = 25;
const PROMISE_DUE_POINTS = 20;
const NEW_DELINQUENCY_POINTS = 15;
const VISIT_DUE_POINTS = 10;
const FOLLOW_UP_POINTS = 10;
/** Days past due that still count as a new delinquency. */
export const NEW_DELINQUENCY_DPD = { min: 1, max: 3 } as const;
export const AMOUNT_POINTS_MAX = 30;

export interface ScoreInput {
  daysPastDue: number;
  bucket: AgingBucket;
  overdueAmount: number;
  /**
   * Collateral: `undefined` when coverage is not available to the worklist at all, `null` when
   * the loan has no collateral recorded, otherwise value over exposure in whole percent.
   */
  coveragePercent: number | null | undefined;
  brokenPromise: boolean;
  promiseDueToday: boolean;
  contactedSinceDue: boolean;
  visitDueToday: boolean;
  followUpDue: boolean;
}

/** Collateral value over exposure in whole percent (half up); null when there is nothing to cover or no collateral. */
export function coveragePercentOf(collateralValue: number | null, exposure: number): number | null {
  return collateralValue === null || exposure <= 0
    ? null
    : Number(roundHalfUpDiv(BigInt(collateralValue) * 100n, BigInt(exposure)));
}

export function isNewDelinquency(input: Pick<ScoreInput, 'daysPastDue' | 'contactedSinceDue'>): boolean {
  return (
    input.daysPastDue >= NEW_DELINQUENCY_DPD.min &&
    input.daysPastDue <= NEW_DELINQUENCY_DPD.max &&
    !input.contactedSinceDue
  );
}

/** Coverage in whole percent, below which collateral scores points (see the table above). */
export const COVERAGE_POINTS: readonly { below: number; points: number }[] = [
  { below: 100, points: 20 },
  { below: 150, points: 8 },
];

export function priorityScore(input: ScoreInput): { score: number; factors: ScoreFactor[] } {
  const factors: ScoreFactor[] = [];
  const add = (code: ScoreFactor['code'], points: number, params: ScoreFactor['params'] = {}) =>
    factors.push({ code, points, params });

  if (input.daysPastDue > 0) {
    add('bucket', BUCKET_POINTS[input.bucket], { bucket: input.bucket, dpd: input.daysPastDue });
    add('overdue-amount', Math.min(AMOUNT_POINTS_MAX, Math.floor(input.overdueAmount / AMOUNT_POINT_UNIT)), {
      amount: input.overdueAmount,
    });
    const [uncovered, thin] = COVERAGE_POINTS as [(typeof COVERAGE_POINTS)[0], (typeof COVERAGE_POINTS)[0]];
    if (input.coveragePercent === undefined) add('collateral-unknown', 0);
    else if (input.coveragePercent === null) add('collateral-none', uncovered.points);
    else if (input.coveragePercent < uncovered.below)
      add('collateral-uncovered', uncovered.points, { percent: input.coveragePercent });
    else if (input.coveragePercent < thin.below)
      add('collateral-thin', thin.points, { percent: input.coveragePercent });
  }
  if (input.brokenPromise) add('broken-promise', BROKEN_PROMISE_POINTS);
  if (input.promiseDueToday) add('promise-due-today', PROMISE_DUE_POINTS);
  if (isNewDelinquency(input)) add('new-delinquency', NEW_DELINQUENCY_POINTS, { dpd: input.daysPastDue });
  if (input.visitDueToday) add('visit-due', VISIT_DUE_POINTS);
  if (input.followUpDue) add('follow-up-due', FOLLOW_UP_POINTS);
  return { score: factors.reduce((s, f) => s + f.points, 0), factors };
}

/** The columns of a worklist candidate the SQL score reads (qualified names). */
export interface ScoreColumns {
  id: string;
  dpd: string;
  /** Overdue principal + interest + penalty. */
  overdue: string;
  /** The loan's kept collateral value (NULL: none). */
  collateralValue: string;
  exposure: string;
}

/** Loans carrying each of the day's flags; bound into the SQL as JSON arrays. */
export interface ScoreFlags {
  brokenPromise: ReadonlySet<number>;
  promiseDueToday: ReadonlySet<number>;
  newDelinquency: ReadonlySet<number>;
  visitDueToday: ReadonlySet<number>;
  followUpDue: ReadonlySet<number>;
}

/**
 * `priorityScore` as one SQL expression, so the database can rank the whole book and hand back
 * only the page on screen. Built from the same constants; an integration test checks that both
 * give every account of a seeded book the same score.
 *
 * Coverage is `roundHalfUp(100 × value ÷ exposure)`; "under T%" is therefore
 * `100 × value ÷ exposure < T − ½`, i.e. `200 × value < (2T − 1) × exposure`, exact in integers.
 */
export function priorityScoreSql(engine: Engine, c: ScoreColumns, flags: ScoreFlags): RawBuilder<number> {
  const col = (name: string) => sql.raw(name);
  const bucketPoints = byBucketSql(sql<number>`${col(c.dpd)}`, (b) => sql.lit(BUCKET_POINTS[b]));
  const coverage = sql.join(
    COVERAGE_POINTS.map(
      ({ below, points }) =>
        sql`WHEN 200 * ${col(c.collateralValue)} < ${sql.lit(2 * below - 1)} * ${col(c.exposure)} THEN ${sql.lit(points)}`,
    ),
    sql` `,
  );
  const flag = (loans: ReadonlySet<number>, points: number) =>
    loans.size === 0
      ? sql`0`
      : sql`(CASE WHEN ${col(c.id)} IN ${idsIn(engine, [...loans])} THEN ${sql.lit(points)} ELSE 0 END)`;
  return sql<number>`(CASE WHEN ${col(c.dpd)} > 0 THEN
      ${bucketPoints}
      + ${smaller(engine, sql.lit(AMOUNT_POINTS_MAX), sql`${col(c.overdue)} / ${sql.lit(AMOUNT_POINT_UNIT)}`)}
      + (CASE WHEN ${col(c.collateralValue)} IS NULL OR ${col(c.exposure)} <= 0
              THEN ${sql.lit(COVERAGE_POINTS[0]!.points)} ${coverage} ELSE 0 END)
    ELSE 0 END)
    + ${flag(flags.brokenPromise, BROKEN_PROMISE_POINTS)}
    + ${flag(flags.promiseDueToday, PROMISE_DUE_POINTS)}
    + ${flag(flags.newDelinquency, NEW_DELINQUENCY_POINTS)}
    + ${flag(flags.visitDueToday, VISIT_DUE_POINTS)}
    + ${flag(flags.followUpDue, FOLLOW_UP_POINTS)}`;
}

/** A factor as one plain English sentence, for the CLI and logs. */
export function reasonText(f: ScoreFactor): string {
  const pts = `+${f.points}`;
  switch (f.code) {
    case 'bucket':
      return `${pts}: ${f.params.dpd} days past due (bucket ${f.params.bucket})`;
    case 'overdue-amount':
      return `${pts}: ${formatAmount(Number(f.params.amount))} overdue (1 point per 1000.00, at most ${AMOUNT_POINTS_MAX})`;
    case 'collateral-none':
      return `${pts}: no collateral recorded, treated as uncovered`;
    case 'collateral-uncovered':
      return `${pts}: collateral covers only ${f.params.percent}% of the exposure`;
    case 'collateral-thin':
      return `${pts}: collateral covers ${f.params.percent}% of the exposure (under 150%)`;
    case 'collateral-unknown':
      return `${pts}: collateral coverage not available, not scored`;
    case 'broken-promise':
      return `${pts}: a promise to pay was broken in the last 30 days`;
    case 'promise-due-today':
      return `${pts}: a promise to pay is due today`;
    case 'new-delinquency':
      return `${pts}: new delinquency (${f.params.dpd} days past due) with no contact yet`;
    case 'visit-due':
      return `${pts}: an on-site visit is planned for today`;
    case 'follow-up-due':
      return `${pts}: a follow-up is due`;
  }
}
