import { sql } from 'kysely';
import { addDays } from '../../../shared/dates';
import { bucketOf } from '../../../shared/engine';
import { roundHalfUpDiv } from '../../../shared/money';
import type { CollectionSettings, Reminder, WorklistRow } from '../../../shared/contract/collections';
import type { z } from 'zod';
import type { worklistFilterSchema } from '../../../shared/contract/collections';
import { dpdSql, bucketRange } from '../loans/list.query';
import { rollForwardStatuses } from '../loans/loan-status';
import type { Db } from '../loans/loan.repository';
import { collateralValueByLoan, exposureOf } from '../collateral/coverage';
import { evaluatedPromises } from './promises.query';
import { priorityScore, reasonText } from './priority-score';
import { localTimeOf } from './local-time';
import type { Actor } from '../auth/actor';
import { assignedTo, isScoped } from '../auth/scope';

export type WorklistFilter = z.output<typeof worklistFilterSchema>;

/** A broken promise keeps raising the account's priority for this many days after its window closed. */
export const BROKEN_PROMISE_MEMORY_DAYS = 30;
/** From this many listed loans on, collateral is valued for the whole book in one pass. */
const WHOLE_BOOK_COVERAGE_FROM = 2000;

/**
 * What is due on `today` across the book: promises falling due, planned visits, follow-ups
 * whose date has come and that no later contact has answered. Read from the collections tables
 * only, so the worklist, the dashboard and the start-up notification all agree.
 */
export async function dueItems(db: Db, today: string, settings: CollectionSettings) {
  const since = addDays(today, -(BROKEN_PROMISE_MEMORY_DAYS + settings.promiseToleranceDays));
  const promiseRecords = await db
    .selectFrom('promises_to_pay')
    .selectAll()
    .where('due_date', '>=', since)
    .where('made_on', '<=', today)
    .execute();
  const promises = await evaluatedPromises(db, promiseRecords, today, settings.promiseToleranceDays);
  const visits = await db
    .selectFrom('collection_visits')
    .select(['id', 'loan_id', 'planned_local_date'])
    .where('planned_local_date', '=', today)
    .where('outcome', 'is', null)
    .execute();
  const followUps = await db
    .selectFrom('collection_contacts as c')
    .select(['c.loan_id', 'c.follow_up_on'])
    .where('c.follow_up_on', 'is not', null)
    .where('c.follow_up_on', '<=', today)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('collection_contacts as later')
            .select('later.id')
            .whereRef('later.loan_id', '=', 'c.loan_id')
            .whereRef('later.at', '>', 'c.at'),
        ),
      ),
    )
    .execute();
  return { promises, visits, followUps };
}

/**
 * The worklist for `today`: every open account past due, or with a promise, visit or follow-up
 * due, scored and explained. Built from SQL over the status cache and the collections tables;
 * the engine only runs for loans whose cached figures moved with the calendar.
 */
export async function buildWorklist(
  db: Db,
  today: string,
  settings: CollectionSettings,
  filter: WorklistFilter = {},
  /** The signed-in user: a collector sees only the accounts assigned to them. */
  actor: Actor | null = null,
): Promise<WorklistRow[]> {
  await rollForwardStatuses(db, today);
  const due = await dueItems(db, today, settings);
  const windowClosedSince = addDays(today, -BROKEN_PROMISE_MEMORY_DAYS);
  const broken = new Set(
    due.promises
      .filter(
        (p) =>
          p.status === 'broken' && addDays(p.dueDate, settings.promiseToleranceDays) >= windowClosedSince,
      )
      .map((p) => p.loanId),
  );
  const promiseToday = new Set(
    due.promises.filter((p) => p.status === 'pending' && p.dueDate === today).map((p) => p.loanId),
  );
  const visitToday = new Set(due.visits.map((v) => v.loan_id));
  const followUp = new Set(due.followUps.map((f) => f.loan_id));
  const flagged = [...new Set([...broken, ...promiseToday, ...visitToday, ...followUp])];

  const dpd = dpdSql(today);
  let query = db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .innerJoin('loan_status as s', 's.loan_id', 'l.id')
    .leftJoin('collection_assignments as a', 'a.loan_id', 'l.id')
    .select([
      'l.id',
      'l.number',
      'l.borrower_id',
      'b.name as borrower_name',
      'b.time_zone',
      'l.product',
      'l.officer',
      'a.collector',
      's.outstanding_principal',
      's.overdue_principal',
      's.overdue_interest',
      's.penalty_due',
      dpd.as('dpd'),
      sql<string | null>`(SELECT MAX(c.at) FROM collection_contacts c WHERE c.loan_id = l.id)`.as(
        'last_contact_at',
      ),
    ])
    .where('l.status', 'in', ['active', 'restructured', 'legal', 'repossessed'])
    .where((eb) =>
      flagged.length > 0 ? eb.or([eb(dpd, '>', 0), eb('l.id', 'in', flagged)]) : eb(dpd, '>', 0),
    );
  if (filter.bucket) {
    const [min, max] = bucketRange(filter.bucket);
    query = query.where(dpd, '>=', min).where(dpd, '<=', max);
  }
  if (filter.product) query = query.where('l.product', '=', filter.product);
  if (filter.officer) query = query.where('l.officer', '=', filter.officer);
  if (filter.collector) query = query.where('a.collector', '=', filter.collector);
  if (isScoped(actor)) query = query.where(({ ref }) => assignedTo(actor, ref('l.id')));
  const rows = await query.execute();

  // A short list values only its own loans; a long one (a big overdue book) is cheaper valued in
  // one pass over the whole book than through thousands of bound ids.
  const collateral = await collateralValueByLoan(
    db,
    today,
    rows.length <= WHOLE_BOOK_COVERAGE_FROM ? rows.map((r) => r.id) : undefined,
  );
  const worklist = rows.map((r): WorklistRow => {
    const daysPastDue = r.dpd;
    const bucket = bucketOf(daysPastDue);
    const overdueAmount = daysPastDue > 0 ? r.overdue_principal + r.overdue_interest + r.penalty_due : 0;
    const exposure = exposureOf({
      outstandingPrincipal: r.outstanding_principal,
      overdue: { principal: r.overdue_principal, interest: r.overdue_interest, penalty: r.penalty_due },
    });
    const value = collateral.get(r.id);
    const coveragePercent =
      value === undefined || exposure <= 0
        ? null
        : Number(roundHalfUpDiv(BigInt(value) * 100n, BigInt(exposure)));
    const lastContact = r.last_contact_at;
    // Contact "since it fell due": the oldest unpaid installment's due date is today - DPD.
    const contactedSinceDue =
      lastContact !== null && localTimeOf(lastContact, r.time_zone).date >= addDays(today, -daysPastDue);
    const { score, factors } = priorityScore({
      daysPastDue,
      bucket,
      overdueAmount,
      coveragePercent,
      brokenPromise: broken.has(r.id),
      promiseDueToday: promiseToday.has(r.id),
      contactedSinceDue,
      visitDueToday: visitToday.has(r.id),
      followUpDue: followUp.has(r.id),
    });
    return {
      loanId: r.id,
      loanNumber: r.number,
      borrowerId: r.borrower_id,
      borrower: r.borrower_name,
      product: r.product,
      officer: r.officer,
      collector: r.collector,
      daysPastDue,
      bucket,
      overdueAmount,
      coveragePercent,
      score,
      factors,
      reasons: factors.map(reasonText),
      lastContactAt: lastContact,
      workedToday: lastContact !== null && localTimeOf(lastContact, r.time_zone).date === today,
    };
  });
  return worklist.sort(
    (a, b) =>
      b.score - a.score ||
      b.daysPastDue - a.daysPastDue ||
      b.overdueAmount - a.overdueAmount ||
      a.loanNumber.localeCompare(b.loanNumber),
  );
}

/** Today's promises, visits and follow-ups, for the dashboard and the start-up notification. */
export async function remindersFor(db: Db, today: string, settings: CollectionSettings): Promise<Reminder[]> {
  const due = await dueItems(db, today, settings);
  const items: Omit<Reminder, 'loanNumber' | 'borrower'>[] = [
    ...due.promises
      .filter((p) => p.status === 'pending' && p.dueDate === today)
      .map((p) => ({ kind: 'promise' as const, loanId: p.loanId, date: p.dueDate, amount: p.amount })),
    ...due.visits.map((v) => ({
      kind: 'visit' as const,
      loanId: v.loan_id,
      date: v.planned_local_date,
      amount: null,
    })),
    ...due.followUps.map((f) => ({
      kind: 'follow-up' as const,
      loanId: f.loan_id,
      date: f.follow_up_on!,
      amount: null,
    })),
  ];
  if (items.length === 0) return [];
  const loans = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.id', 'l.number', 'b.name'])
    .where('l.id', 'in', [...new Set(items.map((i) => i.loanId))])
    .execute();
  const byId = new Map(loans.map((l) => [l.id, l]));
  return items.map((i) => ({
    ...i,
    loanNumber: byId.get(i.loanId)?.number ?? '',
    borrower: byId.get(i.loanId)?.name ?? '',
  }));
}
