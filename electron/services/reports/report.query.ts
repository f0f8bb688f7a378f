import { sql, type RawBuilder } from 'kysely';
import { BOOK_STATUSES } from '../../../shared/reports/monthly';
import type { Db } from '../../db/db';

/** Every loan in the book (not a draft), by id: the order a report runs them in. */
export async function loanIdsInBookOrder(db: Db): Promise<number[]> {
  return (
    await db.selectFrom('loans').select('id').where('status', '<>', 'draft').orderBy('id').execute()
  ).map((r) => r.id);
}

/**
 * Entries dated in or before the month but keyed in after it ended: the only things that may
 * change its figures. Payments, reversals, legal costs charged to a loan, schedule versions made
 * effective back then, and back-dated status changes. A status change or schedule version that a
 * late payment or reversal brought about (the loan it settled or reopened) is that entry's
 * consequence, counted once with it: same loan, recorded the same day.
 */
export async function lateEntries(db: Db, reportEnd: string): Promise<number> {
  const after = `${reportEnd}T23:59:59.999Z`;
  const latePaymentOn = (loanId: RawBuilder<number>, day: RawBuilder<string>) =>
    sql<boolean>`EXISTS (SELECT 1 FROM payments lp
      LEFT JOIN payments lo ON lo.id = lp.reverses_payment_id
      WHERE lp.loan_id = ${loanId} AND lp.created_at > ${after}
        AND (lp.date <= ${reportEnd} OR lo.date <= ${reportEnd})
        AND substr(lp.created_at, 1, 10) = ${day})`;
  const counts = await db
    .selectNoFrom((eb) => [
      // A reversal counts when the payment it reverses was dated back then. As EXISTS, not a
      // join: PostgreSQL otherwise hashes every payment in the book to look the originals up.
      eb
        .selectFrom('payments as p')
        .select(sql<number>`count(*)`.as('n'))
        .where('p.created_at', '>', after)
        .where((w) =>
          w.or([
            w('p.date', '<=', reportEnd),
            w.and([
              w('p.reverses_payment_id', 'is not', null),
              w.exists(
                w
                  .selectFrom('payments as o')
                  .select('o.id')
                  .whereRef('o.id', '=', 'p.reverses_payment_id')
                  .where('o.date', '<=', reportEnd),
              ),
            ]),
          ]),
        )
        .as('payments'),
      eb
        .selectFrom('legal_case_events')
        .select(sql<number>`count(*)`.as('n'))
        .where('charge_to_loan', '=', 1)
        .where('date', '<=', reportEnd)
        .where('created_at', '>', after)
        .as('charges'),
      eb
        .selectFrom('schedule_versions as v')
        .select(sql<number>`count(*)`.as('n'))
        .where('v.version', '>', 1)
        .where('v.effective_from', '<=', reportEnd)
        .where('v.created_at', '>', after)
        .where(sql<boolean>`NOT ${latePaymentOn(sql`v.loan_id`, sql`substr(v.created_at, 1, 10)`)}`)
        .as('versions'),
      eb
        .selectFrom('loan_status_changes as c')
        .select(sql<number>`count(*)`.as('n'))
        .where('c.from_status', 'is not', null)
        .where('c.changed_on', '<=', reportEnd)
        .where('c.recorded_on', '>', reportEnd)
        .where(sql<boolean>`NOT ${latePaymentOn(sql`c.loan_id`, sql`c.recorded_on`)}`)
        .as('statuses'),
    ])
    .executeTakeFirstOrThrow();
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/** Money recovered on written-off loans between two days, inclusive. */
export function recoveriesBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('recoveries')
    .select([sql<number>`count(*)`.as('count'), sql<number>`coalesce(sum(amount), 0)`.as('amount')])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .executeTakeFirstOrThrow();
}

/** What is overdue today across the book, from the status cache: the amount and how many loans. */
export function overdueToday(db: Db, today: string) {
  return db
    .selectFrom('loans as l')
    .innerJoin('loan_status as s', 's.loan_id', 'l.id')
    .select([
      sql<number>`coalesce(sum(s.overdue_principal + s.overdue_interest + s.penalty_due), 0)`.as('amount'),
      sql<number>`count(*)`.as('loans'),
    ])
    .where('l.status', 'in', [...BOOK_STATUSES])
    .where('s.oldest_unpaid_due_date', '<', today)
    .executeTakeFirstOrThrow();
}

/** Outstanding principal of the month-end rows in the book that meet `condition`. */
const inBookSum = (condition: RawBuilder<unknown>) =>
  sql<number>`sum(CASE WHEN e.status IN (${sql.join([...BOOK_STATUSES])}) AND ${condition} THEN e.outstanding_principal ELSE 0 END)`;

/** Per ended month from `firstMonth`, from the month-end cache: what was collected, what stood out. */
export function collectedAndOutstandingByMonth(db: Db, firstMonth: string) {
  return db
    .selectFrom('loan_month_ends as e')
    .select([
      'e.month',
      sql<number>`sum(e.collected_penalty)`.as('penalty'),
      sql<number>`sum(e.collected_interest)`.as('interest'),
      sql<number>`sum(e.collected_principal)`.as('principal'),
      inBookSum(sql`TRUE`).as('outstanding'),
      inBookSum(sql`e.days_past_due > 30`).as('par30'),
      inBookSum(sql`e.days_past_due > 90`).as('par90'),
    ])
    .where('e.month', '>=', firstMonth)
    .groupBy('e.month')
    .execute();
}

/** What this month's payments have paid so far, from the status cache's running totals. */
export function collectedInMonthSoFar(db: Db, month: string) {
  return db
    .selectFrom('loan_status')
    .select([
      sql<number>`coalesce(sum(collected_penalty), 0)`.as('penalty'),
      sql<number>`coalesce(sum(collected_interest), 0)`.as('interest'),
      sql<number>`coalesce(sum(collected_principal), 0)`.as('principal'),
      sql<number>`coalesce(sum(collected_charges), 0)`.as('charges'),
    ])
    .where('collected_month', '=', month)
    .executeTakeFirstOrThrow();
}
