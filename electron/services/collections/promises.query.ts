import type { PromiseRow } from '../../../shared/contract/collections';
import { effectivePayments } from '../loans/loan-records';
import type { PaymentRecord } from '../loans/tables';
import type { Db } from '../../db/db';
import { evaluatePromise } from './promise-evaluation';
import type { PromiseRecord } from './tables';

const CHUNK = 500;

/** Payment rows of many loans at once, grouped by loan. */
export async function paymentRowsByLoan(
  db: Db,
  loanIds: readonly number[],
  /**
   * Leave out payments dated before this day. Exact for what comes after: a reversal is dated on
   * or after the payment it voids (the app dates it the day it is made, the import on or after its
   * target), so every reversal of a payment read here is read too.
   */
  since?: string,
): Promise<Map<number, PaymentRecord[]>> {
  const byLoan = new Map<number, PaymentRecord[]>();
  const unique = [...new Set(loanIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    let query = db
      .selectFrom('payments')
      .selectAll()
      .where('loan_id', 'in', unique.slice(i, i + CHUNK));
    if (since !== undefined) query = query.where('date', '>=', since);
    for (const r of await query.orderBy('id').execute()) {
      const rows = byLoan.get(r.loan_id);
      if (rows) rows.push(r);
      else byLoan.set(r.loan_id, [r]);
    }
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
  // A promise counts only money paid from the day it was made, so older payments are not read:
  // reading each loan's whole history made the worklist twice as slow on a book in daily use.
  const earliest = promises.reduce<string | undefined>(
    (min, p) => (min === undefined || p.made_on < min ? p.made_on : min),
    undefined,
  );
  const payments = await paymentRowsByLoan(
    db,
    promises.map((p) => p.loan_id),
    earliest,
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
