import type { PaymentRow, PaymentSplit } from '../../../shared/contract';
import type { Statement } from '../../../shared/engine';
import type { PaymentRecord } from './tables';
import { splitOf } from './statement';

/** The split printed on a payment's receipt when it was posted; null for payments posted before 0017. */
export const receiptSplitOf = (r: PaymentRecord): PaymentSplit | null =>
  r.receipt_split === null ? null : (JSON.parse(r.receipt_split) as PaymentSplit);

const sameSplit = (a: PaymentSplit, b: PaymentSplit) =>
  (Object.keys({ ...a, ...b }) as (keyof PaymentSplit)[]).every((k) => a[k] === b[k]);

/**
 * Payment history for screens: each row with the split the engine gives it today (by receipt
 * number), and the receipt's split where a later entry made the two differ.
 */
export function paymentRowsWithSplit(rows: readonly PaymentRecord[], statement: Statement): PaymentRow[] {
  const reversedBy = new Map(
    rows.filter((r) => r.reverses_payment_id !== null).map((r) => [r.reverses_payment_id, r.id]),
  );
  const splits = new Map(statement.allocations.map((a) => [a.ref, a]));
  return rows.map((r) => {
    const a = splits.get(r.receipt_number);
    const split = a ? splitOf(a) : null;
    const printed = receiptSplitOf(r);
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
      split,
      receiptSplit: printed && split && !sameSplit(printed, split) ? printed : null,
    };
  });
}
