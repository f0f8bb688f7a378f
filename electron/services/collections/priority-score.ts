import type { AgingBucket } from '../../../shared/engine';
import type { ScoreFactor } from '../../../shared/contract/collections';
import { formatAmount } from '../../../shared/money';

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

export function priorityScore(input: ScoreInput): { score: number; factors: ScoreFactor[] } {
  const factors: ScoreFactor[] = [];
  const add = (code: ScoreFactor['code'], points: number, params: ScoreFactor['params'] = {}) =>
    factors.push({ code, points, params });

  if (input.daysPastDue > 0) {
    add('bucket', BUCKET_POINTS[input.bucket], { bucket: input.bucket, dpd: input.daysPastDue });
    add('overdue-amount', Math.min(AMOUNT_POINTS_MAX, Math.floor(input.overdueAmount / AMOUNT_POINT_UNIT)), {
      amount: input.overdueAmount,
    });
    if (input.coveragePercent === undefined) add('collateral-unknown', 0);
    else if (input.coveragePercent === null) add('collateral-none', 20);
    else if (input.coveragePercent < 100) add('collateral-uncovered', 20, { percent: input.coveragePercent });
    else if (input.coveragePercent < 150) add('collateral-thin', 8, { percent: input.coveragePercent });
  }
  if (input.brokenPromise) add('broken-promise', 25);
  if (input.promiseDueToday) add('promise-due-today', 20);
  if (input.daysPastDue >= 1 && input.daysPastDue <= 3 && !input.contactedSinceDue) {
    add('new-delinquency', 15, { dpd: input.daysPastDue });
  }
  if (input.visitDueToday) add('visit-due', 10);
  if (input.followUpDue) add('follow-up-due', 10);
  return { score: factors.reduce((s, f) => s + f.points, 0), factors };
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
