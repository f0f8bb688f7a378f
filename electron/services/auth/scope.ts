import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../errors';
import type { Actor } from './actor';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Collectors work their assigned accounts only; everyone else sees the whole book. Assignments
 * name the collector as collections records them (display name), or by username.
 */
export const isScoped = (actor: Actor | null): actor is Actor => actor?.role === 'collector';

/** SQL: is loan `loanId` assigned to `actor`? */
export function assignedTo(actor: Actor, loanId: Expression<number>): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM collection_assignments a WHERE a.loan_id = ${loanId}
    AND a.collector IN (${actor.displayName}, ${actor.username}))`;
}

/** SQL: does borrower `borrowerId` (a qualified column: the subquery has its own `id`s) have a loan assigned to `actor`? */
export function borrowerAssignedTo(actor: Actor, borrowerId: Expression<number>): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM loans sl JOIN collection_assignments a ON a.loan_id = sl.id
    WHERE sl.borrower_id = ${borrowerId} AND a.collector IN (${actor.displayName}, ${actor.username}))`;
}

const outOfScope = () =>
  new DomainError(
    'forbidden',
    'This account is assigned to another collector; ask a manager to reassign it.',
  );

export async function requireLoanInScope(db: Db, actor: Actor, loanId: number): Promise<void> {
  if (!isScoped(actor)) return;
  const row = await db
    .selectFrom('loans as l')
    .select('l.id')
    .where('l.id', '=', loanId)
    .where(({ ref }) => assignedTo(actor, ref('l.id')))
    .executeTakeFirst();
  if (!row) throw outOfScope();
}

/** A collector may see a borrower when one of the borrower's loans is theirs. */
export async function requireBorrowerInScope(db: Db, actor: Actor, borrowerId: number): Promise<void> {
  if (!isScoped(actor)) return;
  const row = await db
    .selectFrom('loans as l')
    .select('l.id')
    .where('l.borrower_id', '=', borrowerId)
    .where(({ ref }) => assignedTo(actor, ref('l.id')))
    .executeTakeFirst();
  if (!row) throw outOfScope();
}

/** A collector may open a collateral item when its owner is one of their borrowers. */
export async function requireItemInScope(db: Db, actor: Actor, itemId: number): Promise<void> {
  if (!isScoped(actor)) return;
  const row = await db
    .selectFrom('collateral_items as i')
    .select('i.id')
    .where('i.id', '=', itemId)
    .where(({ ref }) => borrowerAssignedTo(actor, ref('i.borrower_id')))
    .executeTakeFirst();
  if (!row) throw outOfScope();
}
