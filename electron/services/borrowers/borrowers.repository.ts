import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/db';
import type { DB } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { assignedTo, isScoped } from '../auth/scope';
import { textMatches } from '../../db/search-terms';
import { engineOf } from '../../db/engine';
import { dpdSql, loanListBase } from '../loans/list.query';

/**
 * Borrowers with their loan count and worst DPD, matching `query` (name, phone, or the end of
 * the ID number); a collector sees only borrowers with a loan assigned to them.
 */
export function borrowerList(db: Db, today: string, query: string, actor: Actor | null) {
  let q = db
    .selectFrom('borrowers as b')
    .leftJoin('loans as l', 'l.borrower_id', 'b.id')
    .leftJoin('loan_status as s', 's.loan_id', 'l.id')
    .select([
      'b.id',
      'b.kind',
      'b.name',
      'b.id_type',
      'b.id_number',
      'b.phone',
      sql<number>`count(l.id)`.as('loan_count'),
      sql<number>`coalesce(max(${dpdSql(engineOf(db), today)}), 0)`.as('worst_dpd'),
    ])
    .groupBy('b.id');
  if (isScoped(actor)) {
    const mine = sql<boolean>`EXISTS (SELECT 1 FROM loans mine WHERE mine.borrower_id = b.id
      AND ${assignedTo(actor, sql.ref('mine.id'))})`;
    q = q.where(mine);
  }
  if (query) {
    q = q.where((eb) =>
      eb.or([
        textMatches(engineOf(db), 'borrowers', 'b', ['name', 'phone'], query),
        textMatches(engineOf(db), 'borrowers', 'b', ['id_number'], query, 'ending'),
      ]),
    );
  }
  return q;
}

/** The ids and names of the borrowers `matching` finds, to be put in the reader's name order. */
export function namesOfMatching(db: Db, matching: ReturnType<typeof borrowerList>) {
  return db
    .selectFrom('borrowers as b')
    .select(['b.id', 'b.name'])
    .where('b.id', 'in', matching.clearSelect().select('b.id'))
    .execute();
}

export function findBorrower(db: Db, id: number) {
  return db.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertBorrowerRow(db: Db, row: Insertable<DB['borrowers']>) {
  return db.insertInto('borrowers').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a borrower and answers the row as it now stands. */
export function updateBorrower(db: Db, id: number, set: Updateable<DB['borrowers']>) {
  return db.updateTable('borrowers').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The borrower's own loans, newest first; a collector sees only those assigned to them. */
export function loansOfBorrower(db: Db, today: string, borrowerId: number, actor: Actor | null) {
  let q = loanListBase(db, today).where('l.borrower_id', '=', borrowerId);
  if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('l.id')));
  return q.orderBy('l.start_date', 'desc').execute();
}

/** Loans the borrower stands on as guarantor or reference, with whose loan each is. */
export function loansAsParty(db: Db, borrowerId: number, actor: Actor | null) {
  let q = db
    .selectFrom('loan_parties as p')
    .innerJoin('loans as l', 'l.id', 'p.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['p.loan_id', 'l.number', 'p.role', 'b.name'])
    .where('p.borrower_id', '=', borrowerId);
  if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('l.id')));
  return q.execute();
}
