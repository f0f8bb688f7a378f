/**
 * Collateral coverage, as the rest of the app asks for it: the value of each loan's collateral
 * today. Other features (collections, dashboard) depend on this file's API; keep it stable.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { OPEN_STATUSES } from '../../../shared/contract';
import { splitValue, type Claim } from '../../../shared/collateral/coverage';

export { exposureOf, ltvOf, ltvBasisPoints, splitValue } from '../../../shared/collateral/coverage';

/**
 * Each item's value today: its latest valuation dated on or before `today` (same date: the one
 * entered last), ignoring voided ones. Items never valued by then are worth 0.
 */
export async function currentValues(
  db: Kysely<DB> | Transaction<DB>,
  today: string,
  itemIds: readonly number[],
): Promise<Map<number, number>> {
  const values = new Map<number, number>(itemIds.map((id) => [id, 0]));
  if (itemIds.length === 0) return values;
  const rows = await db
    .selectFrom('collateral_valuations')
    .select(['item_id', 'value'])
    .where('item_id', 'in', [...itemIds])
    .where('voided_at', 'is', null)
    .where('date', '<=', today)
    .orderBy('item_id')
    .orderBy('date')
    .orderBy('id')
    .execute();
  for (const r of rows) values.set(r.item_id, r.value); // ascending, so the last one wins
  return values;
}

/**
 * For each open loan secured by at least one active item, the value (minor units) of the
 * collateral allocated to it today. An item securing several open loans is split across them
 * by outstanding principal (see `splitValue` for the rounding). Loans without collateral, and
 * closed loans, are absent. With `loanIds`, only those loans are returned, but shares are still
 * worked out against every open loan each item secures.
 */
export async function collateralValueByLoan(
  db: Kysely<DB> | Transaction<DB>,
  today: string,
  loanIds?: number[],
): Promise<Map<number, number>> {
  let query = db
    .selectFrom('collateral_links as k')
    .innerJoin('collateral_items as i', 'i.id', 'k.item_id')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .leftJoin('loan_status as s', 's.loan_id', 'k.loan_id')
    .select(['k.item_id', 'k.loan_id', 's.outstanding_principal'])
    .where('i.status', '=', 'active')
    .where('l.status', 'in', [...OPEN_STATUSES]);
  if (loanIds) {
    if (loanIds.length === 0) return new Map();
    // Every link of every item that secures one of the wanted loans: the split needs them all.
    query = query.where('k.item_id', 'in', (eb) =>
      eb.selectFrom('collateral_links').select('item_id').where('loan_id', 'in', loanIds),
    );
  }
  const links = await query.orderBy('k.item_id').orderBy('k.loan_id').execute();

  const claimsByItem = new Map<number, Claim[]>();
  for (const l of links) {
    const claims = claimsByItem.get(l.item_id) ?? [];
    claims.push({ loanId: l.loan_id, weight: l.outstanding_principal ?? 0 });
    claimsByItem.set(l.item_id, claims);
  }
  const values = await currentValues(db, today, [...claimsByItem.keys()]);

  const wanted = loanIds ? new Set(loanIds) : null;
  const byLoan = new Map<number, number>();
  for (const [itemId, claims] of claimsByItem) {
    for (const [loanId, share] of splitValue(values.get(itemId) ?? 0, claims)) {
      if (wanted && !wanted.has(loanId)) continue;
      byLoan.set(loanId, (byLoan.get(loanId) ?? 0) + share);
    }
  }
  return byLoan;
}
