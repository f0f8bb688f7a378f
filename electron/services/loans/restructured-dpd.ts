/**
 * THE rule for how a restructured loan is aged (the `restructuredDpdPolicy` setting). Both the
 * status cache (which every list, worklist and report reads DPD from) and the loan's statement
 * view go through `reportedDelinquency`, so they always agree.
 *
 *  - 'reset': the loan is aged on its new schedule version like any loan — approval brings DPD
 *    back to 0, and only missed plan installments make it late again.
 *  - 'cure' (default): approval does not make an overdue loan current. Until `cureInstallments`
 *    plan installments in a row have been kept (or every plan installment is paid), DPD keeps
 *    counting from the oldest installment that was unpaid when the plan was approved — the loan
 *    stays delinquent. Once cured, it is aged on the new version like 'reset'. A plan broken
 *    before it cured leaves the loan held.
 *
 * `restructuredDelinquency` also says which of these applies, as data the loan screen words
 * ("Restructured on 20/11/2026; held in 181+ until 3 plan installments are kept (1 kept)").
 */
import { bucketOf, type Statement } from '../../../shared/engine';
import { compareDates, daysBetween, type IsoDate } from '../../../shared/dates/civil';
import {
  DEFAULT_PLAN_SETTINGS,
  planSettingsShape,
  type PlanSettings,
} from '../../../shared/contract/plan-settings';
import type { RestructuredAging } from '../../../shared/contract/plans';
import type { LoanRecords } from './loan-records';
import type { Db } from '../../db/db';
import { readSettingsRows } from '../system/settings.repository';
import { planStanding } from '../../../shared/engine/plans/plan-standing';

export async function planSettingsOf(db: Db): Promise<PlanSettings> {
  const rows = await readSettingsRows(db);
  const read = <K extends keyof PlanSettings>(key: K): PlanSettings[K] => {
    const parsed = planSettingsShape[key].safeParse(rows[key]);
    return (parsed.success ? parsed.data : DEFAULT_PLAN_SETTINGS[key]) as PlanSettings[K];
  };
  return {
    restructuredDpdPolicy: read('restructuredDpdPolicy'),
    cureInstallments: read('cureInstallments'),
    planToleranceDays: read('planToleranceDays'),
  };
}

/**
 * The statement with DPD counted from `heldDueDate` when that is older than the engine's answer.
 * `dpdReason` stays the engine's own (the installment unpaid now, if any): the hold itself is
 * explained by `RestructuredAging`, never by a made-up installment.
 */
export function holdDelinquency(statement: Statement, heldDueDate: IsoDate): Statement {
  const held = Math.max(0, daysBetween(heldDueDate, statement.asOf));
  if (held <= statement.daysPastDue) return statement;
  const oldest = statement.oldestUnpaidDueDate;
  return {
    ...statement,
    daysPastDue: held,
    bucket: bucketOf(held),
    oldestUnpaidDueDate: oldest !== null && compareDates(oldest, heldDueDate) < 0 ? oldest : heldDueDate,
  };
}

export interface ReportedDelinquency {
  statement: Statement;
  /** Why a restructured loan is aged as it is; null for any other loan. */
  restructured: RestructuredAging | null;
}

/** The statement as the app reports it, with the restructured-loan DPD policy applied, and why. */
export async function restructuredDelinquency(
  db: Db,
  book: LoanRecords,
  statement: Statement,
  statementAt: (date: IsoDate) => Statement,
): Promise<ReportedDelinquency> {
  const plain = { statement, restructured: null };
  if (book.loan.status !== 'restructured') return plain;
  const plan = await db
    .selectFrom('repayment_plans')
    .select(['id', 'status', 'as_of', 'held_due_date', 'carried_rows', 'ended_on'])
    .where('loan_id', '=', book.loan.id)
    .where('status', 'in', ['active', 'broken', 'completed'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!plan) return plain;
  const about = { planId: plan.id, restructuredOn: plan.as_of };
  const settings = await planSettingsOf(db);
  if (settings.restructuredDpdPolicy === 'reset') {
    return { statement, restructured: { kind: 'reset', ...about } };
  }
  if (!plan.held_due_date || plan.carried_rows === null) {
    return { statement, restructured: { kind: 'current', ...about } };
  }
  const standing = planStanding(
    book.installments,
    plan.carried_rows,
    statementAt,
    statement.asOf,
    settings.planToleranceDays,
  );
  const required = Math.min(settings.cureInstallments, standing.planInstallments);
  if (standing.completed || standing.keptInARow >= required) {
    return { statement, restructured: { kind: 'cured', ...about, kept: standing.keptInARow } };
  }
  const held = holdDelinquency(statement, plan.held_due_date);
  const heldIn = { heldSince: plan.held_due_date, bucket: held.bucket };
  return {
    statement: held,
    restructured:
      plan.status === 'broken'
        ? { kind: 'broken', ...about, brokenOn: plan.ended_on ?? statement.asOf, ...heldIn }
        : { kind: 'held', ...about, ...heldIn, kept: standing.keptInARow, required },
  };
}

/** The statement as the app reports it, with the restructured-loan DPD policy applied. */
export async function reportedDelinquency(
  db: Db,
  book: LoanRecords,
  statement: Statement,
  statementAt: (date: IsoDate) => Statement,
): Promise<Statement> {
  return (await restructuredDelinquency(db, book, statement, statementAt)).statement;
}
