import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountKind } from '../../../shared/contract';
import type { Db } from '../../db/db';
import { DomainError } from '../errors';
import type { Actor } from './actor';

/**
 * Collectors work their assigned accounts only; everyone else sees the whole book. An
 * assignment names its collector by user id (0017), so renaming a user changes nothing here.
 */
export const isScoped = (actor: Actor | null): actor is Actor => actor?.role === 'collector';

/** SQL: is loan `loanId` assigned to `actor`? */
export function assignedTo(actor: Actor, loanId: Expression<number>): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM collection_assignments a WHERE a.loan_id = ${loanId}
    AND a.collector_id = ${actor.userId})`;
}

/** SQL: does borrower `borrowerId` (a qualified column: the subquery has its own `id`s) have a loan assigned to `actor`? */
export function borrowerAssignedTo(actor: Actor, borrowerId: Expression<number>): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM loans sl JOIN collection_assignments a ON a.loan_id = sl.id
    WHERE sl.borrower_id = ${borrowerId} AND a.collector_id = ${actor.userId})`;
}

/** The refusal a collector gets for another collector's account; `details` says which record. */
export const outOfScope = (kind: AccountKind = 'loan', id?: number) =>
  new DomainError('forbidden', 'auth.outOfScope', {}, { reason: 'out-of-scope', kind, id });

/**
 * For each kind of record a request can name: SQL that is true when the record belongs to an
 * account assigned to `actor`. A borrower (and what the borrower owns: collateral, valuations)
 * is reachable when one of the borrower's loans is; everything else through its loan.
 */
const IN_SCOPE: Record<AccountKind, (actor: Actor, id: number) => RawBuilder<unknown>> = {
  loan: (a, id) => sql`SELECT 1 WHERE ${assignedTo(a, sql<number>`${id}`)}`,
  borrower: (a, id) => sql`SELECT 1 WHERE ${borrowerAssignedTo(a, sql<number>`${id}`)}`,
  'collateral-item': (a, id) =>
    sql`SELECT 1 FROM collateral_items x WHERE x.id = ${id} AND ${borrowerAssignedTo(a, sql.ref('x.borrower_id'))}`,
  valuation: (a, id) =>
    sql`SELECT 1 FROM collateral_valuations v JOIN collateral_items x ON x.id = v.item_id
      WHERE v.id = ${id} AND ${borrowerAssignedTo(a, sql.ref('x.borrower_id'))}`,
  'attachment-link': (a, id) =>
    sql`SELECT 1 FROM attachment_links k
      LEFT JOIN collateral_valuations v ON v.id = k.valuation_id
      LEFT JOIN collateral_items x ON x.id = COALESCE(k.item_id, v.item_id)
      WHERE k.id = ${id} AND (${assignedTo(a, sql.ref('k.loan_id'))}
        OR ${borrowerAssignedTo(a, sql.ref('x.borrower_id'))})`,
  repossession: (a, id) => viaLoan(a, 'repossessions', id),
  contact: (a, id) => viaLoan(a, 'collection_contacts', id),
  visit: (a, id) => viaLoan(a, 'collection_visits', id),
  promise: (a, id) => viaLoan(a, 'promises_to_pay', id),
  plan: (a, id) => viaLoan(a, 'repayment_plans', id),
  'write-off': (a, id) => viaLoan(a, 'write_offs', id),
  'grade-override': (a, id) => viaLoan(a, 'grade_overrides', id),
  'legal-case': (a, id) => viaLoan(a, 'legal_cases', id),
  payment: (a, id) => viaLoan(a, 'payments', id),
  // A request names its account as entity + id: a loan, or a payment of one.
  'approval-request': (a, id) =>
    sql`SELECT 1 FROM approval_requests r
      LEFT JOIN payments p ON r.entity = 'payment' AND p.id = CAST(r.entity_id AS INTEGER)
      WHERE r.id = ${id} AND ${assignedTo(
        a,
        sql`CASE r.entity WHEN 'loan' THEN CAST(r.entity_id AS INTEGER) ELSE p.loan_id END`,
      )}`,
};

const viaLoan = (actor: Actor, table: string, id: number) =>
  sql`SELECT 1 FROM ${sql.table(table)} x WHERE x.id = ${id} AND ${assignedTo(actor, sql.ref('x.loan_id'))}`;

/**
 * Refuses a collector a record of another collector's account (or of no one's). A record that
 * does not exist is refused the same way, so ids cannot be probed.
 */
export async function requireInScope(db: Db, actor: Actor, kind: AccountKind, id: number): Promise<void> {
  if (!isScoped(actor)) return;
  const { rows } = await IN_SCOPE[kind](actor, id).execute(db);
  if (rows.length === 0) throw outOfScope(kind, id);
}

/** The loans assigned to a collector; null for everyone else, who sees the whole book. */
export async function loansInScope(db: Db, actor: Actor | null): Promise<Set<number> | null> {
  if (!isScoped(actor)) return null;
  const rows = await db
    .selectFrom('loans as l')
    .select('l.id')
    .where(({ ref }) => assignedTo(actor, ref('l.id')))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A list cut to the actor's accounts: for lists built in memory rather than in one query. */
export async function keepInScope<T>(
  db: Db,
  actor: Actor | null,
  rows: T[],
  loanOf: (row: T) => number | null,
): Promise<T[]> {
  const mine = await loansInScope(db, actor);
  if (mine === null) return rows;
  return rows.filter((row) => {
    const loanId = loanOf(row);
    return loanId !== null && mine.has(loanId);
  });
}

/**
 * The user a name given for an assignment stands for: the username, else the one user with that
 * display name; null when it names no user (or two), as 0017 resolved the older rows.
 */
export async function userIdNamed(db: Db, name: string): Promise<number | null> {
  const byUsername = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', name)
    .executeTakeFirst();
  if (byUsername) return byUsername.id;
  const byDisplayName = await db.selectFrom('users').select('id').where('display_name', '=', name).execute();
  return byDisplayName.length === 1 ? byDisplayName[0]!.id : null;
}

/** A person's user id; null for the system actor, which is no row of `users`. */
export const userIdOf = (actor: Actor | null): number | null =>
  actor && actor.userId !== 0 ? actor.userId : null;
