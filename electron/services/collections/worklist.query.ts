import { sql } from 'kysely';
import { addDays } from '../../../shared/dates';
import { bucketOf } from '../../../shared/engine';
import type { CollectionSettings, Reminder, WorklistRow } from '../../../shared/contract/collections';
import type { z } from 'zod';
import type { worklistFilterSchema } from '../../../shared/contract/collections';
import { dpdSql, bucketRange } from '../loans/list.query';
import { rollForwardStatuses } from '../loans/status-cache';
import type { Db } from '../../db/db';
import { engineOf } from '../../db/engine';
import { idsIn, noLimit, withoutIndex } from '../../db/dialect';
import { collateralValueByLoan, exposureOf } from '../collateral/coverage';
import { keepCollateralValues } from '../collateral/kept-values';
import { OPEN_STATUSES } from '../../../shared/contract';
import { evaluatedPromises } from './promises.query';
import {
  coveragePercentOf,
  isNewDelinquency,
  NEW_DELINQUENCY_DPD,
  priorityScore,
  priorityScoreSql,
  reasonText,
  type ScoreFlags,
} from './priority-score';
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

/** Where the worklist starts and how many rows it returns; without a limit, all of them. */
export interface WorklistWindow {
  offset?: number;
  limit?: number;
}

/** Accounts carrying each of the day's score flags, from the collections tables. */
async function dayFlags(
  db: Db,
  today: string,
  settings: CollectionSettings,
): Promise<Omit<ScoreFlags, 'newDelinquency'>> {
  const due = await dueItems(db, today, settings);
  const windowClosedSince = addDays(today, -BROKEN_PROMISE_MEMORY_DAYS);
  return {
    brokenPromise: new Set(
      due.promises
        .filter(
          (p) =>
            p.status === 'broken' && addDays(p.dueDate, settings.promiseToleranceDays) >= windowClosedSince,
        )
        .map((p) => p.loanId),
    ),
    promiseDueToday: new Set(
      due.promises.filter((p) => p.status === 'pending' && p.dueDate === today).map((p) => p.loanId),
    ),
    visitDueToday: new Set(due.visits.map((v) => v.loan_id)),
    followUpDue: new Set(due.followUps.map((f) => f.loan_id)),
  };
}

/**
 * The accounts on the worklist, one row each with what the score needs: every open account past
 * due, or flagged today, narrowed by the filter and the collector's scope.
 */
function candidates(
  db: Db,
  today: string,
  flagged: readonly number[],
  filter: WorklistFilter,
  actor: Actor | null,
) {
  const dpd = dpdSql(engineOf(db), today);
  let query = db
    .selectFrom('loans as l')
    .innerJoin('loan_status as s', 's.loan_id', 'l.id')
    .leftJoin('collection_assignments as a', 'a.loan_id', 'l.id')
    .select([
      'l.id',
      'l.number',
      'l.borrower_id',
      'l.product',
      'l.officer',
      'l.status',
      'a.collector',
      's.outstanding_principal',
      's.overdue_principal',
      's.overdue_interest',
      's.penalty_due',
      's.collateral_value',
      dpd.as('dpd'),
    ])
    // Unary + keeps the planner off the loans' status index (nearly every loan is open): the
    // status rows' own indexes below pick the few accounts that can be on the list.
    .where(withoutIndex(engineOf(db), 'l.status'), 'in', [...OPEN_STATUSES])
    // Past due (DPD > 0 for an open loan) or flagged; both terms on the status row, each
    // answered by an index, so only the overdue part of the book is read.
    .where((eb) =>
      flagged.length > 0
        ? eb.or([
            eb('s.oldest_unpaid_due_date', '<', today),
            eb('s.loan_id', 'in', idsIn(engineOf(db), flagged)),
          ])
        : eb('s.oldest_unpaid_due_date', '<', today),
    );
  if (filter.bucket) {
    const [min, max] = bucketRange(filter.bucket);
    query = query.where(dpd, '>=', min).where(dpd, '<=', max);
  }
  if (filter.product) query = query.where('l.product', '=', filter.product);
  if (filter.officer) query = query.where('l.officer', '=', filter.officer);
  if (filter.collector) query = query.where('a.collector', '=', filter.collector);
  if (isScoped(actor)) query = query.where(({ ref }) => assignedTo(actor, ref('l.id')));
  return query;
}
type Candidate = Awaited<ReturnType<ReturnType<typeof candidates>['execute']>>[number];

/** Each account's borrower, time zone and latest contact: for the rows on the page only. */
async function contactsOf(db: Db, loanIds: readonly number[]) {
  if (loanIds.length === 0) return new Map<number, { name: string; tz: string; last: string | null }>();
  const rows = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select([
      'l.id',
      'b.name',
      'b.time_zone',
      sql<string | null>`(SELECT MAX(c.at) FROM collection_contacts c WHERE c.loan_id = l.id)`.as('last'),
    ])
    .where('l.id', 'in', idsIn(engineOf(db), loanIds))
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, tz: r.time_zone, last: r.last }]));
}

/**
 * Contact "since it fell due" is about the borrower's own calendar, so it is decided here in
 * JavaScript (one time-zone rule for the whole app) for the few accounts it can score: those
 * 1–3 days past due.
 */
async function newDelinquencies(
  db: Db,
  today: string,
  flagged: readonly number[],
  filter: WorklistFilter,
  actor: Actor | null,
): Promise<Set<number>> {
  // DPD in [min, max] is the oldest unpaid due date in [today − max, today − min].
  const young = await candidates(db, today, flagged, filter, actor)
    .where('s.oldest_unpaid_due_date', '>=', addDays(today, -NEW_DELINQUENCY_DPD.max))
    .where('s.oldest_unpaid_due_date', '<=', addDays(today, -NEW_DELINQUENCY_DPD.min))
    .execute();
  const contacts = await contactsOf(
    db,
    young.map((r) => r.id),
  );
  return new Set(
    young
      .filter((r) => {
        const c = contacts.get(r.id);
        return isNewDelinquency({ daysPastDue: r.dpd, contactedSinceDue: contactedSince(c, today, r.dpd) });
      })
      .map((r) => r.id),
  );
}

/** Was the borrower contacted on or after the day the account fell due (today − DPD), locally? */
function contactedSince(
  contact: { tz: string; last: string | null } | undefined,
  today: string,
  dpd: number,
) {
  const last = contact?.last ?? null;
  return last !== null && localTimeOf(last, contact!.tz).date >= addDays(today, -dpd);
}

/** The worklist's order: score, then DPD, then amount, then loan number (as SQLite compares text). */
function byPriority(a: WorklistRow, b: WorklistRow): number {
  return (
    b.score - a.score ||
    b.daysPastDue - a.daysPastDue ||
    b.overdueAmount - a.overdueAmount ||
    (a.loanNumber < b.loanNumber ? -1 : a.loanNumber > b.loanNumber ? 1 : 0)
  );
}

const overdueOf = (r: Candidate) =>
  r.dpd > 0 ? r.overdue_principal + r.overdue_interest + r.penalty_due : 0;
const exposureOfCandidate = (r: Candidate) =>
  exposureOf({
    outstandingPrincipal: r.outstanding_principal,
    overdue: { principal: r.overdue_principal, interest: r.overdue_interest, penalty: r.penalty_due },
  });

/** One worklist row, scored and explained by `priorityScore`, the one definition of the score. */
function toRow(
  r: Candidate,
  collateralValue: number | null,
  flags: ScoreFlags,
  contact: { name: string; tz: string; last: string | null } | undefined,
  today: string,
): WorklistRow {
  const daysPastDue = r.dpd;
  const bucket = bucketOf(daysPastDue);
  const exposure = exposureOfCandidate(r);
  const coveragePercent = coveragePercentOf(collateralValue, exposure);
  const { score, factors } = priorityScore({
    daysPastDue,
    bucket,
    overdueAmount: overdueOf(r),
    coveragePercent,
    brokenPromise: flags.brokenPromise.has(r.id),
    promiseDueToday: flags.promiseDueToday.has(r.id),
    contactedSinceDue: !flags.newDelinquency.has(r.id),
    visitDueToday: flags.visitDueToday.has(r.id),
    followUpDue: flags.followUpDue.has(r.id),
  });
  const lastContact = contact?.last ?? null;
  return {
    loanId: r.id,
    loanNumber: r.number,
    borrowerId: r.borrower_id,
    borrower: contact?.name ?? '',
    product: r.product,
    officer: r.officer,
    collector: r.collector,
    status: r.status,
    daysPastDue,
    bucket,
    overdueAmount: overdueOf(r),
    coveragePercent,
    score,
    factors,
    reasons: factors.map(reasonText),
    lastContactAt: lastContact,
    workedToday: lastContact !== null && localTimeOf(lastContact, contact!.tz).date === today,
    // The service grades the page it returns (risk/grading): classification is not the ranking's.
    grade: null,
  };
}

/** Every account carrying one of the day's flags: on the list even when not past due. */
const flaggedLoans = (flags: ScoreFlags) => [
  ...new Set([
    ...flags.brokenPromise,
    ...flags.promiseDueToday,
    ...flags.visitDueToday,
    ...flags.followUpDue,
  ]),
];

/** The day's score flags for the accounts the filter and scope allow (the status cache rolled). */
export async function worklistFlags(
  db: Db,
  today: string,
  settings: CollectionSettings,
  filter: WorklistFilter = {},
  actor: Actor | null = null,
): Promise<ScoreFlags> {
  const day = await dayFlags(db, today, settings);
  const partial = { ...day, newDelinquency: new Set<number>() };
  return { ...day, newDelinquency: await newDelinquencies(db, today, flaggedLoans(partial), filter, actor) };
}

/**
 * The worklist for `today`: every open account past due, or with a promise, visit or follow-up
 * due, scored, explained and in priority order; `window` picks the rows wanted.
 *
 * The database ranks the whole book (the score as SQL, over the status cache and each loan's
 * kept collateral value), and only the rows returned are scored again in JavaScript to explain
 * them. Asked for a day before the latest valuation, the kept values do not apply; the book's
 * collateral is then valued as of that day and ranked in memory, by the same score.
 */
export async function buildWorklist(
  db: Db,
  today: string,
  settings: CollectionSettings,
  filter: WorklistFilter = {},
  /** The signed-in user: a collector sees only the accounts assigned to them. */
  actor: Actor | null = null,
  window: WorklistWindow = {},
  /** Where the day's flags come from; the service passes one that reuses them while the book is unchanged. */
  flagsOf: typeof worklistFlags = worklistFlags,
): Promise<{ rows: WorklistRow[]; total: number }> {
  await rollForwardStatuses(db, today);
  const flags = await flagsOf(db, today, settings, filter, actor);
  const rank = (await keepCollateralValues(db, today)) ? rankInSql : rankInMemory;
  return rank(db, today, flags, filter, actor, window);
}

type Ranking = (
  db: Db,
  today: string,
  flags: ScoreFlags,
  filter: WorklistFilter,
  actor: Actor | null,
  window: WorklistWindow,
) => Promise<{ rows: WorklistRow[]; total: number }>;

/** The database ranks the list by the score in SQL; only the page is explained in JavaScript. */
export const rankInSql: Ranking = async (db, today, flags, filter, actor, window) => {
  const flagged = flaggedLoans(flags);
  const offset = window.offset ?? 0;
  const score = priorityScoreSql(
    engineOf(db),
    {
      id: 'w.id',
      dpd: 'w.dpd',
      overdue: '(w.overdue_principal + w.overdue_interest + w.penalty_due)',
      collateralValue: 'w.collateral_value',
      exposure: '(w.outstanding_principal + w.overdue_interest + w.penalty_due)',
    },
    flags,
  );
  const ranked = await db
    .selectFrom(candidates(db, today, flagged, filter, actor).as('w'))
    .selectAll('w')
    .select([score.as('score'), sql<number>`count(*) OVER ()`.as('total')])
    .orderBy('score', 'desc')
    .orderBy('w.dpd', 'desc')
    .orderBy(
      sql`CASE WHEN w.dpd > 0 THEN w.overdue_principal + w.overdue_interest + w.penalty_due ELSE 0 END`,
      'desc',
    )
    .orderBy('w.number')
    .limit(window.limit ?? noLimit(engineOf(db)))
    .offset(offset)
    .execute();
  const contacts = await contactsOf(
    db,
    ranked.map((r) => r.id),
  );
  return {
    rows: ranked.map((r) => toRow(r, r.collateral_value, flags, contacts.get(r.id), today)),
    total: ranked[0]?.total ?? (offset > 0 ? await countOf(db, today, flagged, filter, actor) : 0),
  };
};

/**
 * Every account scored in JavaScript, with the collateral valued as of `today`: for a day the
 * kept values cannot answer for, and the reference the SQL ranking is tested against.
 */
export const rankInMemory: Ranking = async (db, today, flags, filter, actor, window) => {
  const all = await candidates(db, today, flaggedLoans(flags), filter, actor).execute();
  // A short list values only its own loans; a long one is cheaper valued in one pass.
  const collateral = await collateralValueByLoan(
    db,
    today,
    all.length <= WHOLE_BOOK_COVERAGE_FROM ? all.map((r) => r.id) : undefined,
  );
  const contacts = await contactsOf(
    db,
    all.map((r) => r.id),
  );
  const sorted = all
    .map((r) => toRow(r, collateral.get(r.id) ?? null, flags, contacts.get(r.id), today))
    .sort(byPriority);
  const offset = window.offset ?? 0;
  return {
    rows: sorted.slice(offset, window.limit === undefined ? undefined : offset + window.limit),
    total: sorted.length,
  };
};

/** How many accounts are on the list, for a page past its end. */
async function countOf(
  db: Db,
  today: string,
  flagged: readonly number[],
  filter: WorklistFilter,
  actor: Actor | null,
): Promise<number> {
  const row = await db
    .selectFrom(candidates(db, today, flagged, filter, actor).as('w'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Today's installments, promises, visits and follow-ups, for the dashboard and the start-up
 * notification. An installment is due today when the engine's status (rolled forward to today)
 * names today as the next due date: it is still unpaid, and the amount is what is left of it.
 */
export async function remindersFor(db: Db, today: string, settings: CollectionSettings): Promise<Reminder[]> {
  const due = await dueItems(db, today, settings);
  await rollForwardStatuses(db, today);
  const installments = await db
    .selectFrom('loan_status as s')
    .innerJoin('loans as l', 'l.id', 's.loan_id')
    .select(['s.loan_id', 's.next_due_amount'])
    .where('s.next_due_date', '=', today)
    .where('l.status', 'in', [...OPEN_STATUSES])
    .orderBy('s.loan_id')
    .execute();
  const items: Omit<Reminder, 'loanNumber' | 'borrower'>[] = [
    ...installments.map((i) => ({
      kind: 'installment' as const,
      loanId: i.loan_id,
      date: today,
      amount: i.next_due_amount,
    })),
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
