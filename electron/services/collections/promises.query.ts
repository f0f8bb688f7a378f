import type { PromiseRow } from '../../../shared/contract/collections';
import { effectivePayments } from '../loans/loan-status';
import type { PaymentRecord } from '../loans/tables';
import type { Db } from '../loans/loan.repository';
import { evaluatePromise } from './promise-evaluation';
import type { PromiseRecord } from './tables';

const CHUNK = 500;

/** Payment rows of many loans at once, grouped by loan. */
export async function paymentRowsByLoan(
  db: Db,
  loanIds: readonly number[],
): Promise<Map<number, PaymentRecord[]>> {
  const byLoan = new Map<number, PaymentRecord[]>();
  const unique = [...new Set(loanIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('payments')
      .selectAll()
      .where('loan_id', 'in', unique.slice(i, i + CHUNK))
      .orderBy('id')
      .execute();
    for (const r of rows) byLoan.set(r.loan_id, [...(byLoan.get(r.loan_id) ?? []), r]);
  }
  return byLoan;
}

/** Promises with their status as of today, judged on the loans' effective payments. */
export async function evaluatedPromises(
  db: Db,
  promises: readonly PromiseRecord[],
  today: string,
  toleranceDays: number,
): Promise<PromiseRow[]> {
  const payments = await paymentRowsByLoan(
    db,
    promises.map((p) => p.loan_id),
  );
  const effective = new Map([...payments].map(([loanId, rows]) => [loanId, effectivePayments(rows)]));
  return promises.map((p) => {
    const { status, paidTowards } = evaluatePromise(
      { amount: p.amount, madeOn: p.made_on, dueDate: p.due_date },
      effective.get(p.loan_id) ?? [],
      today,
      toleranceDays,
    );
    return {
      id: p.id,
      loanId: p.loan_id,
      contactId: p.contact_id,
      amount: p.amount,
      madeOn: p.made_on,
      dueDate: p.due_date,
      collector: p.collector,
      status,
      paidTowards,
    };
  });
}
