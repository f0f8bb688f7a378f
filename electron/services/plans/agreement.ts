import type { PlanAgreement } from '../../../shared/contract/plans';
import { planSpecSchema, toPlanSpec } from '../../../shared/contract/plans';
import type { ScheduledInstallment } from '../../../shared/engine';
import { applyPlan, PlanRefusal } from '../../../shared/engine/plans';
import { maskIdNumber } from '../../../shared/privacy/mask';
import { notFound } from '../errors';
import { installmentsOf, partiesOf } from '../loans/loan.repository';
import { type Db } from '../../db/db';
import { loadLoanRecords } from '../loans/loan-records';
import { statementOf } from '../loans/statement';
import { readSettingsRows } from '../system/settings.repository';
import { planRowById } from './plans.repository';
import { planLoanOf } from './plan-loan';

/**
 * The plan's installments for the agreement: once approved, exactly the rows its schedule version
 * holds after the carried ones; before that, what the plan would give today.
 */
async function planInstallments(db: Db, planId: number, today: string): Promise<ScheduledInstallment[]> {
  const plan = await db
    .selectFrom('repayment_plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  if (plan.version_id !== null && plan.carried_rows !== null) {
    const rows = await installmentsOf(db, plan.version_id);
    return rows.slice(plan.carried_rows).map((r, i) => ({ ...r, n: i + 1 }));
  }
  const book = await loadLoanRecords(db, plan.loan_id);
  try {
    const spec = toPlanSpec(planSpecSchema.parse(JSON.parse(plan.params)));
    return applyPlan(statementOf(book, today), planLoanOf(book.loan), spec).installments;
  } catch (error) {
    // A proposal that no longer fits the loan (paid off since) prints without a schedule.
    if (error instanceof PlanRefusal) return [];
    throw error;
  }
}

export async function agreementOf(db: Db, planId: number, today: string): Promise<PlanAgreement> {
  const plan = await planRowById(db, planId);
  if (!plan) throw notFound('plan.notFound', planId);
  const loan = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.number', 'l.principal', 'l.annual_rate_percent', 'l.start_date', 'b.name', 'b.id_number'])
    .where('l.id', '=', plan.loanId)
    .executeTakeFirstOrThrow();
  const settings = await readSettingsRows(db);
  const parties = await partiesOf(db, plan.loanId);
  return {
    plan,
    companyName: typeof settings['companyName'] === 'string' ? settings['companyName'] : '',
    loan: {
      number: loan.number,
      principal: loan.principal,
      annualRatePercent: loan.annual_rate_percent,
      startDate: loan.start_date,
    },
    borrower: { name: loan.name, idNumberMasked: maskIdNumber(loan.id_number) },
    guarantors: parties
      .filter((p) => p.role === 'guarantor')
      .map((p) => ({ name: p.name, idNumberMasked: maskIdNumber(p.id_number) })),
    installments: await planInstallments(db, planId, today),
  };
}
