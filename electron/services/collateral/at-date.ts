/**
 * The collateral behind the book on a past date, as the monthly report reads it: how much of the
 * overdue loans' exposure it covers, and how many loans breach their LTV limit (the LTV alert's
 * own rule). Shares follow `itemShares`: each active item's latest valuation by the date, split
 * across the open loans it secures by outstanding principal.
 *
 * One query brings every link with its item's value, and (for a completed month) the loan's
 * month-end exposure; the links are then streamed item by item. At 100k loans the maps of maps
 * `itemShares` builds for the screens cost more in garbage collection than the query itself.
 */
import { rowsAsArrays } from '../../db/rows-as-arrays';
import { sql } from 'kysely';
import { OPEN_STATUSES } from '../../../shared/contract';
import { ltvBreached, ltvThresholds, type CollateralRules } from '../../../shared/collateral/alerts';
import { splitValue, type Claim } from '../../../shared/collateral/coverage';
import { COLLATERAL_KINDS, type CollateralKind } from '../../../shared/collateral/kinds';
import { BOOK_STATUSES } from '../../../shared/reports/monthly';
import type { ServiceContext } from '../context';
import { latestValuations } from './coverage';

/** A loan in the book on the date: its exposure then, and whether it was past due. */
export interface ExposureAtDate {
  exposure: number;
  overdue: boolean;
}

export interface CollateralAtDate {
  ltvBreaches: number;
  /** The collateral value allocated to the loans past due on the date. */
  overdueCollateralValue: number;
}

/**
 * The collateral figures on `date` for the loans in the book then: those of `book`, either given
 * as positions or read from the month-end cache of `month` (whose last day `date` must be).
 */
export async function collateralAtDate(
  ctx: ServiceContext,
  date: string,
  rules: CollateralRules,
  book: { month: string } | ReadonlyMap<number, ExposureAtDate>,
): Promise<CollateralAtDate> {
  const month = book instanceof Map ? '' : (book as { month: string }).month;
  const query = ctx.db
    .selectFrom('collateral_links as k')
    .innerJoin('collateral_items as i', 'i.id', 'k.item_id')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .leftJoin('loan_status as s', 's.loan_id', 'k.loan_id')
    .leftJoin(latestValuations(ctx.db, date).as('v'), 'v.item_id', 'k.item_id')
    .leftJoin('loan_month_ends as e', (j) => j.onRef('e.loan_id', '=', 'k.loan_id').on('e.month', '=', month))
    .select([
      'k.item_id',
      'k.loan_id',
      'i.kind',
      sql<number>`coalesce(s.outstanding_principal, 0)`.as('weight'),
      sql<number>`coalesce(v.value, 0)`.as('value'),
      sql<number | null>`CASE WHEN e.status IN (${sql.join([...BOOK_STATUSES])}) AND l.start_date <= ${date}
        THEN e.outstanding_principal + e.overdue_interest + e.penalty_due END`.as('exposure'),
      sql<number>`e.days_past_due > 0`.as('overdue'),
    ])
    .where('i.status', '=', 'active')
    .where('l.status', 'in', [...OPEN_STATUSES])
    .orderBy('k.item_id')
    .orderBy('k.loan_id')
    .compile();
  type Link = [number, number, CollateralKind, number, number, number | null, number | null];
  const links = await rowsAsArrays<Link>(ctx, query);

  // Per loan in the book, indexed by loan id: its exposure, whether overdue, and its share of
  // value of each kind. Flat arrays, not an object per loan: a whole book's worth of small
  // objects was most of this function's time, in garbage collection.
  const size = links.reduce((max, l) => Math.max(max, l[1]), 0) + 1;
  const inBook = new Uint8Array(size);
  const overdue = new Uint8Array(size);
  const exposure = new Float64Array(size);
  const valueOfKind = COLLATERAL_KINDS.map(() => new Float64Array(size));
  for (const [, loanId, , , , linkExposure, linkOverdue] of links) {
    const at = book instanceof Map ? book.get(loanId) : undefined;
    if (book instanceof Map ? at === undefined : linkExposure === null) continue;
    inBook[loanId] = 1;
    exposure[loanId] = at ? at.exposure : linkExposure!;
    overdue[loanId] = (at ? at.overdue : linkOverdue === 1) ? 1 : 0;
  }
  const credit = (link: Link, share: number) => {
    if (inBook[link[1]]) valueOfKind[COLLATERAL_KINDS.indexOf(link[2])]![link[1]]! += share;
  };
  for (let first = 0; first < links.length;) {
    let end = first + 1;
    while (end < links.length && links[end]![0] === links[first]![0]) end++;
    if (end - first === 1) credit(links[first]!, links[first]![4]);
    else {
      const item = links.slice(first, end);
      const claims: Claim[] = item.map((l) => ({ loanId: l[1], weight: l[3] }));
      const shares = splitValue(item[0]![4], claims);
      for (const l of item) credit(l, shares.get(l[1])!);
    }
    first = end;
  }

  const thresholds = ltvThresholds(rules);
  let ltvBreaches = 0;
  let overdueCollateralValue = 0;
  for (let loanId = 0; loanId < size; loanId++) {
    if (!inBook[loanId]) continue;
    if (overdue[loanId]) overdueCollateralValue += valueOfKind.reduce((s, v) => s + v[loanId]!, 0);
    // Σ value × threshold of its kind: summing each kind's shares first gives the same exact sum.
    const collateral = COLLATERAL_KINDS.map((kind, i) => ({ kind, value: valueOfKind[i]![loanId]! }));
    if (ltvBreached(exposure[loanId]!, collateral, thresholds)) ltvBreaches += 1;
  }
  return { ltvBreaches, overdueCollateralValue };
}
