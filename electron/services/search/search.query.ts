import type { Db } from '../../db/db';
import { textMatches } from '../../db/search-terms';
import { engineOf } from '../../db/engine';
import type { Actor } from '../auth/actor';
import { assignedTo, borrowerAssignedTo } from '../auth/scope';

/**
 * Borrowers whose name or phone holds `q`, or — when `q` is digits — whose ID number ends with it;
 * `scoped` (a collector) finds only the people assigned to them.
 */
export function borrowersMatching(
  db: Db,
  q: string,
  digitsOnly: boolean,
  scoped: Actor | null,
  limit: number,
) {
  return db
    .selectFrom('borrowers')
    .select(['id', 'name', 'phone', 'id_number'])
    .where((eb) =>
      eb.or([
        textMatches(engineOf(db), 'borrowers', 'borrowers', ['name', 'phone'], q),
        ...(digitsOnly
          ? [textMatches(engineOf(db), 'borrowers', 'borrowers', ['id_number'], q.toUpperCase(), 'ending')]
          : []),
      ]),
    )
    .$if(scoped !== null, (qb) => qb.where(({ ref }) => borrowerAssignedTo(scoped!, ref('borrowers.id'))))
    .limit(limit)
    .execute();
}

/** Loans whose number holds `q`, with their borrower's name. */
export function loansNumbered(db: Db, q: string, scoped: Actor | null, limit: number) {
  return db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.id', 'l.number', 'b.name', 'l.status'])
    .where(textMatches(engineOf(db), 'loans', 'l', ['number'], q))
    .$if(scoped !== null, (qb) => qb.where(({ ref }) => assignedTo(scoped!, ref('l.id'))))
    .limit(limit)
    .execute();
}
