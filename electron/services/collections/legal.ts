import { sql } from 'kysely';
import { setLoanStatus } from '../loans/loan.repository';
import {
  LEGAL_STAGES,
  type LegalCaseDetail,
  type LegalCaseRow,
  type LegalStage,
} from '../../../shared/contract/collections';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit';
import { notFound, ruleViolation, invalidField } from '../errors';
import type { Db } from '../../db/db';
import { refreshLoanStatus } from '../loans/status-cache';
import { lockLoanOf, lockLoans } from '../loans/loan-lock';

const stageIndex = (s: LegalStage) => LEGAL_STAGES.indexOf(s);

function caseQuery(db: Db) {
  return db
    .selectFrom('legal_cases as c')
    .innerJoin('loans as l', 'l.id', 'c.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .selectAll('c')
    .select(['l.number as loan_number', 'b.name as borrower_name'])
    .select([
      sql<number>`COALESCE((SELECT SUM(e.cost) FROM legal_case_events e WHERE e.case_id = c.id), 0)`.as(
        'total_costs',
      ),
      sql<number>`COALESCE((SELECT SUM(e.cost) FROM legal_case_events e WHERE e.case_id = c.id AND e.charge_to_loan = 1), 0)`.as(
        'charged_costs',
      ),
    ]);
}

type CaseRecord = Awaited<ReturnType<ReturnType<typeof caseQuery>['execute']>>[number];

const toRow = (c: CaseRecord): LegalCaseRow => ({
  id: c.id,
  loanId: c.loan_id,
  loanNumber: c.loan_number,
  borrower: c.borrower_name,
  stage: c.stage,
  court: c.court,
  caseNumber: c.case_number,
  lawyer: c.lawyer,
  openedOn: c.opened_on,
  closedOn: c.closed_on,
  outcome: c.outcome,
  totalCosts: Number(c.total_costs),
  costsChargedToLoan: Number(c.charged_costs),
});

export async function legalCases(db: Db, openOnly: boolean): Promise<LegalCaseRow[]> {
  let q = caseQuery(db);
  if (openOnly) q = q.where('c.closed_on', 'is', null);
  return (await q.orderBy('c.opened_on', 'desc').orderBy('c.id', 'desc').execute()).map(toRow);
}

export async function legalCase(db: Db, caseId: number): Promise<LegalCaseDetail> {
  const c = await caseQuery(db).where('c.id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('legalCase.notFound', caseId);
  const events = await db
    .selectFrom('legal_case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return {
    ...toRow(c),
    events: events.map((e) => ({
      id: e.id,
      stage: e.stage,
      date: e.date,
      note: e.note,
      cost: e.cost,
      chargeToLoan: e.charge_to_loan === 1,
      recordedBy: e.recorded_by,
    })),
  };
}

/** Escalation: opens a case at "demand sent" and moves the loan to legal status. */
export async function openLegalCase(
  trx: Db,
  ctx: Pick<ServiceContext, 'clock' | 'actor'>,
  input: { loanId: number; date: string; note: string; court: string; caseNumber: string; lawyer: string },
  by: string,
): Promise<number> {
  const today = ctx.clock.today();
  if (input.date > today) throw invalidField('date', 'legal.dateAfterToday', { today });
  await lockLoans(trx, [input.loanId]);
  const loan = await trx
    .selectFrom('loans')
    .select(['id', 'number', 'status'])
    .where('id', '=', input.loanId)
    .executeTakeFirst();
  if (!loan) throw notFound('loan.notFound', input.loanId);
  if (!['active', 'restructured', 'legal', 'repossessed'].includes(loan.status)) {
    throw ruleViolation('legal.loanNotOpen', { number: loan.number, status: loan.status });
  }
  const open = await trx
    .selectFrom('legal_cases')
    .select('id')
    .where('loan_id', '=', loan.id)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  if (open) throw ruleViolation('legal.caseOpen', { number: loan.number, id: open.id });
  const now = ctx.clock.now();
  const row = {
    loan_id: loan.id,
    stage: 'demand-sent' as const,
    court: input.court,
    case_number: input.caseNumber,
    lawyer: input.lawyer,
    opened_on: input.date,
    closed_on: null,
    outcome: '',
    opened_by: by,
    created_at: now,
  };
  const { id } = await trx.insertInto('legal_cases').values(row).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('legal_case_events')
    .values({
      case_id: id,
      stage: 'demand-sent',
      date: input.date,
      note: input.note,
      cost: 0,
      charge_to_loan: 0,
      recorded_by: by,
      created_at: now,
    })
    .execute();
  if (loan.status !== 'legal') {
    await setLoanStatus(trx, loan.id, 'legal', now);
    await appendAudit(trx, ctx, {
      entity: 'loan',
      entityId: loan.id,
      action: 'set-status',
      before: { status: loan.status },
      after: { status: 'legal' },
    });
  }
  await appendAudit(trx, ctx, { entity: 'legal-case', entityId: id, action: 'open', after: row });
  return id;
}

/** Records the next stage (or more costs at the same stage); a case never moves backwards. */
export async function advanceLegalCase(
  trx: Db,
  ctx: Pick<ServiceContext, 'clock' | 'actor'>,
  input: {
    caseId: number;
    stage: LegalStage;
    date: string;
    note: string;
    cost: number;
    chargeToLoan: boolean;
    outcome: string;
    court: string;
    caseNumber: string;
    lawyer: string;
  },
  by: string,
): Promise<void> {
  const today = ctx.clock.today();
  // Two PCs recording a stage at once: the second reads the case after the first's commit.
  await lockLoanOf(trx, 'legal_cases', input.caseId);
  const c = await trx.selectFrom('legal_cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
  if (!c) throw notFound('legalCase.notFound', input.caseId);
  if (c.closed_on !== null) throw ruleViolation('legal.caseClosed', { id: c.id });
  if (stageIndex(input.stage) < stageIndex(c.stage)) {
    throw invalidField('stage', 'legal.stageBack', { stage: c.stage, target: input.stage });
  }
  if (input.date > today) throw invalidField('date', 'legal.dateAfterToday', { today });
  if (input.date < c.opened_on) throw invalidField('date', 'legal.dateBeforeOpened', { date: c.opened_on });
  if (input.stage === 'closed' && input.outcome === '') throw invalidField('outcome', 'legal.outcomeMissing');
  const now = ctx.clock.now();
  const changes = {
    stage: input.stage,
    court: input.court || c.court,
    case_number: input.caseNumber || c.case_number,
    lawyer: input.lawyer || c.lawyer,
    outcome: input.outcome || c.outcome,
    closed_on: input.stage === 'closed' ? input.date : null,
  };
  await trx.updateTable('legal_cases').set(changes).where('id', '=', c.id).execute();
  await trx
    .insertInto('legal_case_events')
    .values({
      case_id: c.id,
      stage: input.stage,
      date: input.date,
      note: input.note,
      cost: input.cost,
      charge_to_loan: input.chargeToLoan ? 1 : 0,
      recorded_by: by,
      created_at: now,
    })
    .execute();
  // A charge changes where later payments went, so the loan's cached figures can move.
  if (input.chargeToLoan && input.cost > 0) await refreshLoanStatus(trx, c.loan_id, today);
  await appendAudit(trx, ctx, {
    entity: 'legal-case',
    entityId: c.id,
    action: 'advance',
    before: { stage: c.stage },
    after: { ...changes, cost: input.cost, chargeToLoan: input.chargeToLoan },
  });
}
