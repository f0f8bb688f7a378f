import { sql } from 'kysely';
import { engineOf } from '../../db/engine';
import type { Db } from '../../db/db';

/**
 * Several PCs on a server book: every change that reads a loan's state and then writes takes the
 * loan's row lock first, as its transaction's first read, so a second PC posting to the same loan
 * waits, then reads what the first committed (each statement under READ COMMITTED sees every
 * commit made before it), and the payoff check, a plan's or write-off's status, the cache rows are
 * all judged on the loan as it now stands. Several loans are locked in id order, so two changes
 * touching the same loans never wait on each other in a circle.
 *
 * FOR NO KEY UPDATE rather than FOR UPDATE: it excludes every other writer of the loan just the
 * same, but not the key-share locks of inserts that merely reference the loan (a contact note,
 * an attachment), which need not wait.
 *
 * A file book has one writer at a time (SQLite's file lock), so there is nothing to take.
 */
export async function lockLoans(db: Db, loanIds: Iterable<number>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const ids = [...new Set(loanIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await db.selectFrom('loans').select('id').where('id', 'in', ids).orderBy('id').forNoKeyUpdate().execute();
}

/** The records that belong to one loan, by the column naming it. */
type LoanRecordTable =
  'payments' | 'repayment_plans' | 'write_offs' | 'repossessions' | 'legal_cases' | 'grade_overrides';

/**
 * `lockLoans` for a change that starts from one of the loan's records (a payment to reverse, a
 * plan or write-off to decide): the loan is found and locked in one statement, and the record is
 * read after it, so its status is the one the last writer committed. Nothing is locked when the
 * record does not exist; the caller's own lookup then refuses it.
 */
export async function lockLoanOf(db: Db, table: LoanRecordTable, id: number): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await sql`
    SELECT l.id FROM loans l
     WHERE l.id = (SELECT r.loan_id FROM ${sql.table(table)} r WHERE r.id = ${id})
       FOR NO KEY UPDATE OF l`.execute(db);
}
