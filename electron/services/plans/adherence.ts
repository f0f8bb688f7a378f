/**
 * Follow-up (后续跟踪): active plans are judged against the payments received. A plan whose every
 * installment is paid completes; one with an installment missed beyond the tolerance is broken
 * (a settlement offer that is not paid in time lapses instead). Either way the loan's status
 * cache is refreshed in the same transaction.
 *
 * Breaking a plan that waived penalty reinstates the waiver when the plan says so: a new schedule
 * version adds the waived amount as an installment due on the day the plan broke. A lapsed
 * settlement brings back the schedule the loan had before it.
 */
import { compareDates } from '../../../shared/dates/civil';
import type { ScheduledInstallment } from '../../../shared/engine';
import type { ScheduleVersionName } from '../../../shared/contract/plans';
import { appendAudit } from '../audit/audit';
import type { ServiceContext } from '../context';
import { insertScheduleVersion, installmentsOf, nextScheduleVersion } from '../loans/loan.repository';
import { type Db } from '../../db/db';
import { loadLoanRecords } from '../loans/loan-records';
import { refreshLoanStatus } from '../loans/status-cache';
import { statementOf } from '../loans/statement';
import type { PlanRecord } from './tables';
import { planStanding } from '../../../shared/engine/plans/plan-standing';
import { planSettingsOf } from '../loans/restructured-dpd';

/** `rows` with `extra` inserted in due-date order (after rows due the same day), renumbered. */
function withInstallment(rows: readonly ScheduledInstallment[], extra: Omit<ScheduledInstallment, 'n'>) {
  const at = rows.findIndex((r) => compareDates(r.dueDate, extra.dueDate) > 0);
  const all =
    at < 0 ? [...rows, { ...extra, n: 0 }] : [...rows.slice(0, at), { ...extra, n: 0 }, ...rows.slice(at)];
  return all.map((r, i) => ({ ...r, n: i + 1 }));
}

async function newVersion(
  db: Db,
  loanId: number,
  reason: string,
  name: ScheduleVersionName,
  today: string,
  now: string,
  rows: readonly ScheduledInstallment[],
) {
  return insertScheduleVersion(
    db,
    {
      loanId,
      version: await nextScheduleVersion(db, loanId),
      reason,
      name,
      effectiveFrom: today,
      createdAt: now,
    },
    rows,
  );
}

/** The installments of the version the loan had before `versionId`. */
async function versionBefore(db: Db, loanId: number, versionId: number) {
  const current = await db
    .selectFrom('schedule_versions')
    .select('version')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const previous = await db
    .selectFrom('schedule_versions')
    .select('id')
    .where('loan_id', '=', loanId)
    .where('version', '<', current.version)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  return installmentsOf(db, previous.id);
}

async function endPlan(
  db: Db,
  ctx: ServiceContext,
  plan: PlanRecord,
  status: 'broken' | 'completed' | 'lapsed',
  detail: object,
) {
  const today = ctx.clock.today();
  await db
    .updateTable('repayment_plans')
    .set({ status, ended_on: today })
    .where('id', '=', plan.id)
    .execute();
  await appendAudit(db, ctx, { entity: 'plan', entityId: plan.id, action: status, after: detail });
}

export async function reviewPlans(db: Db, ctx: ServiceContext, today: string): Promise<void> {
  const active = await db.selectFrom('repayment_plans').selectAll().where('status', '=', 'active').execute();
  if (active.length === 0) return;
  const { planToleranceDays } = await planSettingsOf(db);
  const now = ctx.clock.now();
  for (const plan of active) {
    const book = await loadLoanRecords(db, plan.loan_id);
    // A later change of schedule (another workflow) leaves the plan to be judged by hand.
    if (book.versionId !== plan.version_id || plan.carried_rows === null) continue;
    const standing = planStanding(
      book.installments,
      plan.carried_rows,
      (date) => statementOf(book, date),
      today,
      planToleranceDays,
    );
    if (standing.completed) {
      await endPlan(db, ctx, plan, 'completed', { writtenOff: plan.written_off });
    } else if (standing.missed && plan.type === 'settlement') {
      await newVersion(
        db,
        plan.loan_id,
        `plan #${plan.id} lapsed`,
        { kind: 'plan-lapsed', planId: plan.id },
        today,
        now,
        await versionBefore(db, plan.loan_id, book.versionId),
      );
      await endPlan(db, ctx, plan, 'lapsed', { missed: standing.missed });
    } else if (standing.missed) {
      const reinstate = plan.reverse_waiver_on_break === 1 && plan.penalty_waived > 0;
      if (reinstate) {
        await newVersion(
          db,
          plan.loan_id,
          `plan #${plan.id} broken: waiver reversed`,
          { kind: 'plan-broken', planId: plan.id },
          today,
          now,
          withInstallment(book.installments, { dueDate: today, principal: 0, interest: plan.penalty_waived }),
        );
      }
      await endPlan(db, ctx, plan, 'broken', {
        missed: standing.missed,
        waiverReversed: reinstate ? plan.penalty_waived : 0,
      });
    } else continue;
    await refreshLoanStatus(db, plan.loan_id, today);
  }
}
