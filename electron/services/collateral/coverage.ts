/**
 * Collateral coverage, as the rest of the app asks for it: the value of each loan's collateral
 * today. Other features (collections, dashboard) depend on this file's API; keep it stable.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { engineOf } from '../../db/engine';
import { textThenId } from '../../db/dialect';
import type { DB } from '../../db/schema';
import { OPEN_STATUSES, type CollateralKind } from '../../../shared/contract';
import { splitValue, type Claim } from '../../../shared/collateral/coverage';

export { exposureOf, ltvOf, ltvBasisPoints, splitValue } from '../../../shared/collateral/coverage';

/**
 * Each item's current valuation: the latest dated on or before `today` (same date: the one
 * entered last), ignoring voided ones. Items never valued by then are absent. Without `itemIds`,
 * every item (one pass over the table, no long IN list).
 */
export async function currentValuations(
  db: Kysely<DB> | Transaction<DB>,
  today: string,
  itemIds?: readonly number[],
): Promise<Map<number, { value: number; date: string }>> {
  if (itemIds && itemIds.length === 0) return new Map();
  let latest = latestValuations(db, today);
  if (itemIds) latest = latest.where('item_id', 'in', [...itemIds]);
  const rows = await latest.execute();
  return new Map(rows.map((r) => [r.item_id, { value: r.value, date: r.date }]));
}

/** The query for each item's valuation current on `date` (see `currentValuations`). */
export function latestValuations(db: Kysely<DB> | Transaction<DB>, date: string) {
  // SQLite takes the bare columns of a max() group from the row holding the max: the latest
  // date, and on the same date the highest id. One pass along the (item_id, date) index, where
  // a window function sorted the whole table (twice as slow at 100k items).
  // PostgreSQL has no bare columns: DISTINCT ON keeps the first row of each item in that order.
  if (engineOf(db) === 'postgres') {
    return db
      .selectFrom('collateral_valuations')
      .distinctOn('item_id')
      .select([
        'item_id',
        'value',
        'date',
        textThenId('postgres', sql.ref('date'), sql.ref('id')).as('latest'),
      ])
      .where('voided_at', 'is', null)
      .where('date', '<=', date)
      .orderBy('item_id')
      .orderBy('date', 'desc')
      .orderBy('id', 'desc');
  }
  return db
    .selectFrom('collateral_valuations')
    .select([
      'item_id',
      'value',
      'date',
      sql<string>`max(${textThenId('sqlite', sql.ref('date'), sql.ref('id'))})`.as('latest'),
    ])
    .where('voided_at', 'is', null)
    .where('date', '<=', date)
    .groupBy('item_id');
}

/** Each item's value today (0 when never valued by then). */
export async function currentValues(
  db: Kysely<DB> | Transaction<DB>,
  today: string,
  itemIds: readonly number[],
): Promise<Map<number, number>> {
  const latest = await currentValuations(db, today, itemIds);
  return new Map(itemIds.map((id) => [id, latest.get(id)?.value ?? 0]));
}

/**
 * For each active item securing at least one open loan: its value today and how that value is
 * split across the open loans it secures (see `splitValue` for the rounding). With `loanIds`,
 * only items securing one of those loans, but each split still covers every open loan the
 * item secures.
 */
export async function itemShares(
  db: Kysely<DB> | Transaction<DB>,
  today: string,
  loanIds?: readonly number[],
): Promise<
  Map<number, { value: number; date: string | null; kind: CollateralKind; shares: Map<number, number> }>
> {
  let query = db
    .selectFrom('collateral_links as k')
    .innerJoin('collateral_items as i', 'i.id', 'k.item_id')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .leftJoin('loan_status as s', 's.loan_id', 'k.loan_id')
    .select(['k.item_id', 'k.loan_id', 'i.kind', 's.outstanding_principal'])
    .where('i.status', '=', 'active')
    .where('l.status', 'in', [...OPEN_STATUSES]);
  if (loanIds) {
    if (loanIds.length === 0) return new Map();
    // Every link of every item that secures one of the wanted loans: the split needs them all.
    query = query.where('k.item_id', 'in', (eb) =>
      eb
        .selectFrom('collateral_links')
        .select('item_id')
        .where('loan_id', 'in', [...loanIds]),
    );
  }
  const links = await query.orderBy('k.item_id').orderBy('k.loan_id').execute();

  const claimsByItem = new Map<number, { kind: CollateralKind; claims: Claim[] }>();
  for (const l of links) {
    const item = claimsByItem.get(l.item_id) ?? { kind: l.kind, claims: [] };
    item.claims.push({ loanId: l.loan_id, weight: l.outstanding_principal ?? 0 });
    claimsByItem.set(l.item_id, item);
  }
  const valuations = await currentValuations(db, today, loanIds ? [...claimsByItem.keys()] : undefined);
  const result = new Map<
    number,
    { value: number; date: string | null; kind: CollateralKind; shares: Map<number, number> }
  >();
  for (const [itemId, { kind, claims }] of claimsByItem) {
    const latest = valuations.get(itemId);
    const value = latest?.value ?? 0;
    result.set(itemId, { value, date: latest?.date ?? null, kind, shares: splitValue(value, claims) });
  }
  return result;
}

/**
 * For each open loan secured by at least one active item, the value (minor units) of the
 * collateral allocated to it today: each item's latest valuation split across the open loans it
 * secures by outstanding principal. Loans without collateral, and closed loans, are absent.
 * With `loanIds`, only those loans are returned.
 */
export async function collateralValueByLoan(
  db: Kysely<DB> | Transaction<DB>,
  today: string,
  loanIds?: number[],
): Promise<Map<number, number>> {
  const wanted = loanIds ? new Set(loanIds) : null;
  const byLoan = new Map<number, number>();
  for (const { shares } of (await itemShares(db, today, loanIds)).values()) {
    for (const [loanId, share] of shares) {
      if (wanted && !wanted.has(loanId)) continue;
      byLoan.set(loanId, (byLoan.get(loanId) ?? 0) + share);
    }
  }
  return byLoan;
}
