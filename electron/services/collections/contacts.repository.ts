import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/db';
import { nextCounterValue } from '../../db/counters';
import type { DB } from '../../db/schema';
import { assignedTo, isScoped } from '../auth/scope';
import type { Actor } from '../auth/actor';

/**
 * The collections desk's rows: contacts, promises, visits, assignments and the unreachable
 * marks. The service keeps the rules and the transactions; these are only the reads and writes.
 */

/** Earlier contacts with one person, with whether each one reached them. */
export function contactsWithParty(db: Db, partyBorrowerId: number) {
  return db
    .selectFrom('collection_contacts as c')
    .innerJoin('contact_outcomes as o', 'o.code', 'c.outcome')
    .select(['c.id', 'c.at', 'c.channel', 'o.connected', 'c.amends_contact_id'])
    .where('c.party_borrower_id', '=', partyBorrowerId)
    .execute();
}

export function activeCollectors(db: Db) {
  return db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('role', '=', 'collector')
    .where('active', '=', 1)
    .orderBy('display_name')
    .orderBy('username')
    .execute();
}

export function contactOutcome(db: Db, code: string) {
  return db.selectFrom('contact_outcomes').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The contact a correction amends, to check it belongs to the same loan. */
export function contactToAmend(db: Db, contactId: number) {
  return db
    .selectFrom('collection_contacts')
    .select(['id', 'loan_id'])
    .where('id', '=', contactId)
    .executeTakeFirst();
}

export async function isUnreachable(db: Db, borrowerId: number): Promise<boolean> {
  const mark = await db
    .selectFrom('borrower_unreachable')
    .select('borrower_id')
    .where('borrower_id', '=', borrowerId)
    .executeTakeFirst();
  return mark !== undefined;
}

export async function markUnreachable(
  db: Db,
  mark: { borrowerId: number; since: string; reason: string; markedBy: string },
): Promise<void> {
  await db
    .insertInto('borrower_unreachable')
    .values({
      borrower_id: mark.borrowerId,
      since: mark.since,
      reason: mark.reason,
      marked_by: mark.markedBy,
    })
    .onConflict((oc) =>
      oc.column('borrower_id').doUpdateSet({ reason: mark.reason, marked_by: mark.markedBy }),
    )
    .execute();
}

export async function clearUnreachable(db: Db, borrowerId: number): Promise<void> {
  await db.deleteFrom('borrower_unreachable').where('borrower_id', '=', borrowerId).execute();
}

export async function insertContact(db: Db, row: Insertable<DB['collection_contacts']>): Promise<number> {
  return (await db.insertInto('collection_contacts').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

export async function insertPromise(db: Db, row: Insertable<DB['promises_to_pay']>): Promise<number> {
  return (await db.insertInto('promises_to_pay').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Promises the actor may see: a collector only those on their own accounts. */
export function promisesInScope(db: Db, actor: Actor | null) {
  let promises = db.selectFrom('promises_to_pay as p').selectAll('p');
  if (isScoped(actor)) promises = promises.where(({ ref }) => assignedTo(actor, ref('p.loan_id')));
  return promises.execute();
}

/** Every loan with its borrower's id and name, for grouping promises by borrower. */
export function loanBorrowers(db: Db) {
  return db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.id', 'b.id as borrower_id', 'b.name'])
    .execute();
}

export async function insertVisit(db: Db, row: Insertable<DB['collection_visits']>): Promise<number> {
  return (await db.insertInto('collection_visits').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function visitToRecord(db: Db, visitId: number) {
  return db
    .selectFrom('collection_visits')
    .select(['id', 'outcome', 'planned_at'])
    .where('id', '=', visitId)
    .executeTakeFirst();
}

export async function saveVisitOutcome(db: Db, visitId: number, outcome: unknown): Promise<void> {
  await db
    .updateTable('collection_visits')
    .set({ outcome: JSON.stringify(outcome) })
    .where('id', '=', visitId)
    .execute();
}

/** Which of `loanIds` exist. */
export function existingLoans(db: Db, loanIds: readonly number[]) {
  return db.selectFrom('loans').select('id').where('id', 'in', loanIds).execute();
}

/** Gives the loan to a collector; `reassign` replaces an earlier assignment instead of refusing. */
export async function assignCollector(
  db: Db,
  a: { loanId: number; collector: string; collectorId: number | null; at: string },
  reassign: boolean,
): Promise<void> {
  const row = { loan_id: a.loanId, collector: a.collector, collector_id: a.collectorId, assigned_at: a.at };
  const insert = db.insertInto('collection_assignments').values(row);
  await (
    reassign
      ? insert.onConflict((oc) =>
          oc
            .column('loan_id')
            .doUpdateSet({ collector: a.collector, collector_id: a.collectorId, assigned_at: a.at }),
        )
      : insert
  ).execute();
}

/** Contacts and visits in `month` logged against the contact rules, with a reason. */
export async function overridesIn(db: Db, month: string): Promise<number> {
  const count = async (table: 'collection_contacts' | 'collection_visits') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('override_reason', '!=', '')
          .where('created_at', 'like', `${month}-%`)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return (await count('collection_contacts')) + (await count('collection_visits'));
}

/** The outcome list in its order, each with how many contacts used it. */
export function outcomesWithUse(db: Db) {
  return db
    .selectFrom('contact_outcomes as o')
    .selectAll('o')
    .select(sql<number>`(SELECT count(*) FROM collection_contacts c WHERE c.outcome = o.code)`.as('used'))
    .orderBy('o.sort_order')
    .orderBy('o.code')
    .execute();
}

/** The sort order a new outcome takes, after every other: a counter stepping by one. */
export async function nextOutcomeSortOrder(db: Db): Promise<number> {
  return nextCounterValue(
    db,
    'outcome-sort-order',
    sql<number>`SELECT coalesce(max(sort_order), 0) FROM contact_outcomes`,
  );
}

export async function insertOutcome(db: Db, row: Insertable<DB['contact_outcomes']>): Promise<void> {
  await db.insertInto('contact_outcomes').values(row).execute();
}

export async function updateOutcome(
  db: Db,
  code: string,
  set: Updateable<DB['contact_outcomes']>,
): Promise<void> {
  await db.updateTable('contact_outcomes').set(set).where('code', '=', code).execute();
}

/** Only an outcome no contact ever used is deleted (the service checks). */
export async function deleteOutcome(db: Db, code: string): Promise<void> {
  await db.deleteFrom('contact_outcomes').where('code', '=', code).execute();
}
