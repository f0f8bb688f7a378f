import { engineOf } from '../../db/engine';
import type { SearchHit } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { itemMatches, labelOf } from './item.repository';
import { borrowerAssignedTo } from '../auth/scope';
import type { Actor } from '../auth/actor';

/** Collateral hits for the global search, each saying which field matched. */
export async function collateralHits(
  ctx: Pick<ServiceContext, 'db'>,
  q: string,
  /** A collector: only items of borrowers assigned to them. */
  scopedTo: Actor | null = null,
  limit = 20,
): Promise<SearchHit[]> {
  if (q.length < 2) return [];
  const rows = await ctx.db
    .selectFrom('collateral_items as i')
    .innerJoin('borrowers as b', 'b.id', 'i.borrower_id')
    .select([
      'i.id',
      'i.kind',
      'i.plate',
      'i.vin',
      'i.make',
      'i.model',
      'i.year',
      'i.address',
      'i.title_certificate_no',
      'i.mortgage_registration_no',
      'b.name',
    ])
    .where(itemMatches(engineOf(ctx.db), q))
    .$if(scopedTo !== null, (qb) =>
      qb.where(({ ref }) => borrowerAssignedTo(scopedTo!, ref('i.borrower_id'))),
    )
    .orderBy('i.id')
    .limit(limit)
    .execute();
  const has = (v: string | null) => (v ?? '').toUpperCase().includes(q.toUpperCase());
  return rows.map((r) => ({
    kind: 'collateral' as const,
    id: r.id,
    title: labelOf(r),
    subtitle: r.name,
    matched: has(r.plate)
      ? 'plate'
      : has(r.vin)
        ? 'vin'
        : has(r.title_certificate_no) || has(r.mortgage_registration_no)
          ? 'certificate'
          : 'address',
  }));
}
