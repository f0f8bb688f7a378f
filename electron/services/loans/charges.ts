import type { Charge } from '../../../shared/engine/index';
import type { Db } from '../../db/db';

/**
 * The charges a loan owes on top of its schedule: legal costs a case charged to the loan. The
 * statement engine adds them to what the loan owes; the legal feature records them.
 */
/** Legal costs charged to the loans given (every loan when none given), as the engine's charges. */
export async function legalChargesByLoan(db: Db, loanId?: number): Promise<Map<number, Charge[]>> {
  let q = db
    .selectFrom('legal_case_events as e')
    .innerJoin('legal_cases as c', 'c.id', 'e.case_id')
    .select(['c.loan_id', 'c.id as case_id', 'e.date', 'e.cost'])
    .where('e.charge_to_loan', '=', 1)
    .where('e.cost', '>', 0);
  if (loanId !== undefined) q = q.where('c.loan_id', '=', loanId);
  const byLoan = new Map<number, Charge[]>();
  for (const r of await q.orderBy('e.date').orderBy('e.id').execute()) {
    const charges = byLoan.get(r.loan_id) ?? [];
    charges.push({ date: r.date, amount: r.cost, reference: `legal case #${r.case_id}` });
    byLoan.set(r.loan_id, charges);
  }
  return byLoan;
}
