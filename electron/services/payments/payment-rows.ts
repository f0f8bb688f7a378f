import type { PaymentRow } from '../../../shared/contract';
import type { Statement } from '../../../shared/engine';
import type { PaymentRecord } from '../loans/tables';
import { splitOf } from '../loans/loan-status';

/** Payment history for screens: each row with the split the engine gave it (by receipt number). */
export function paymentRowsWithSplit(rows: readonly PaymentRecord[], statement: Statement): PaymentRow[] {
  const reversedBy = new Map(
    rows.filter((r) => r.reverses_payment_id !== null).map((r) => [r.reverses_payment_id, r.id]),
  );
  const splits = new Map(statement.allocations.map((a) => [a.ref, a]));
  return rows.map((r) => {
    const a = splits.get(r.receipt_number);
    return {
      id: r.id,
      receiptNumber: r.receipt_number,
      date: r.date,
      amount: r.amount,
      method: r.method,
      reference: r.reference,
      receivedBy: r.received_by,
      reversesPaymentId: r.reverses_payment_id,
      reversalReason: r.reversal_reason,
      reversedBy: reversedBy.get(r.id) ?? null,
      split: a ? splitOf(a) : null,
    };
  });
}
