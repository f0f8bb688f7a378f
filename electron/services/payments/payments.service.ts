import { OPEN_STATUSES, type PaymentMethod, type PaymentPreview } from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import type { Statement } from '../../../shared/engine';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { invalidField, notFound, ruleViolation } from '../errors';
import { loadSettings } from '../system/system.service';
import { nextCounter } from '../system/settings.repository';
import {
  loadLoanBook,
  payoffOf,
  refreshLoanStatus,
  splitOf,
  statementOf,
  type LoanBook,
} from '../loans/loan-status';
import type { Db } from '../loans/loan.repository';
import { dateStatusChanges, type TookEffect } from '../loans/status-history';
import { appendAudit } from '../audit/audit';
import { needsSecondPerson, requestApproval } from '../approvals/request';
import { isBackdated } from '../approvals/backdating';

type PaymentHandlers = Pick<
  Handlers,
  'payments.preview' | 'payments.record' | 'payments.reverse' | 'payments.receipt'
>;

const PREVIEW_REF = '__preview__';

const summaryOf = (s: Statement) => ({
  daysPastDue: s.daysPastDue,
  bucket: s.bucket,
  outstandingPrincipal: s.outstandingPrincipal,
  overdueTotal: s.overdue.principal + s.overdue.interest + s.overdue.penalty,
});

/** Rules every payment must pass before it is previewed or posted. */
export function checkPayment(book: LoanBook, date: string, amount: number, today: string): void {
  const { loan } = book;
  if (loan.status === 'written-off') {
    throw ruleViolation(
      `Loan ${loan.number} is written off: record money received for it as a recovery, not a payment.`,
      { recordAs: 'recovery' },
    );
  }
  if (!OPEN_STATUSES.includes(loan.status)) {
    throw ruleViolation(`Loan ${loan.number} is ${loan.status}; it does not take payments.`);
  }
  if (date > today) throw invalidField('date', `a payment cannot be dated after today (${today})`);
  if (date < loan.start_date) {
    throw invalidField('date', `a payment cannot be dated before the disbursement date ${loan.start_date}`);
  }
  // Everything owed today, after every payment already known: more than that is not a payment.
  const payoff = payoffOf(statementOf(book, today));
  if (amount > payoff) {
    throw invalidField(
      'amount',
      `${formatAmount(amount)} is more than everything owed today (${formatAmount(payoff)})`,
    );
  }
}

export function previewOf(book: LoanBook, date: string, amount: number): PaymentPreview {
  const before = statementOf(book, date);
  const after = statementOf(book, date, [{ date, amount, ref: PREVIEW_REF }]);
  const allocation = after.allocations.find((a) => a.ref === PREVIEW_REF);
  if (!allocation) throw new Error('the previewed payment was not applied');
  const byInstallment = after.installments
    .map((i, k) => {
      const b = before.installments[k]!;
      return {
        n: i.n,
        dueDate: i.dueDate,
        penalty: i.paidPenalty - b.paidPenalty,
        interest: i.paidInterest - b.paidInterest,
        principal: i.paidPrincipal - b.paidPrincipal,
      };
    })
    .filter((x) => x.penalty + x.interest + x.principal > 0);
  return {
    split: splitOf(allocation),
    byInstallment,
    before: summaryOf(before),
    after: summaryOf(after),
    payoff: payoffOf(before),
  };
}

/** Receipts read R-2026-000123 and never repeat; call inside the transaction that posts the payment. */
export const RECEIPT_COUNTER = 'receipt-number';
export const receiptNumberOf = (today: string, n: number) =>
  `R-${today.slice(0, 4)}-${String(n).padStart(6, '0')}`;

export async function nextReceiptNumber(db: Db, today: string): Promise<string> {
  return receiptNumberOf(today, await nextCounter(db, RECEIPT_COUNTER));
}

/** Closes a loan the moment nothing is owed, and reopens it if a reversal brings debt back. */
export async function settleStatus(db: Db, book: LoanBook, statement: Statement, now: string): Promise<void> {
  await settleStatuses(db, [{ book, statement }], now);
}

/** `settleStatus` for many loans (an import settles thousands), a few statements in all. */
export async function settleStatuses(
  db: Db,
  loans: readonly { book: LoanBook; statement: Statement }[],
  now: string,
): Promise<void> {
  const moves: Record<'closed' | 'active', number[]> = { closed: [], active: [] };
  const tookEffect: TookEffect[] = [];
  for (const { book, statement } of loans) {
    const owes = payoffOf(statement) > 0;
    if (!owes && OPEN_STATUSES.includes(book.loan.status)) moves.closed.push(book.loan.id);
    else if (owes && book.loan.status === 'closed') moves.active.push(book.loan.id);
    else continue;
    // Closed on the day the last payment cleared it; reopened on the day it had closed.
    tookEffect.push({ loanId: book.loan.id, on: owes ? null : statement.settledOn });
  }
  for (const status of ['closed', 'active'] as const) {
    const ids = moves[status];
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('loans')
        .set({ status, updated_at: now })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }
  await dateStatusChanges(db, tookEffect);
}

/**
 * Posts a payment inside the caller's transaction: the rules, the receipt number, the status
 * cache, closing a settled loan and the audit row. The payment screen and the sale of
 * repossessed collateral both come through here, so the engine allocates them alike.
 */
export async function recordPayment(
  trx: Db,
  ctx: ServiceContext,
  input: {
    loanId: number;
    date: string;
    amount: number;
    method: PaymentMethod;
    reference: string;
    receivedBy: string;
  },
): Promise<{ id: number; receiptNumber: string }> {
  const { clock } = ctx;
  const today = clock.today();
  const book = await loadLoanBook(trx, input.loanId);
  checkPayment(book, input.date, input.amount, today);
  const receiptNumber = await nextReceiptNumber(trx, today);
  const { id } = await trx
    .insertInto('payments')
    .values({
      loan_id: input.loanId,
      receipt_number: receiptNumber,
      date: input.date,
      amount: input.amount,
      method: input.method,
      reference: input.reference,
      received_by: input.receivedBy,
      reverses_payment_id: null,
      reversal_reason: '',
      created_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const statement = await refreshLoanStatus(trx, input.loanId, today);
  await settleStatus(trx, book, statement, clock.now());
  await appendAudit(trx, ctx, {
    entity: 'payment',
    entityId: id,
    action: 'record',
    after: { receiptNumber, ...input },
  });
  return { id, receiptNumber };
}

/** Reverses a payment inside the caller's transaction; the original stays, a reversal row cancels it. */
export async function reversePayment(
  trx: Db,
  ctx: ServiceContext,
  paymentId: number,
  reason: string,
): Promise<{ id: number }> {
  const { clock } = ctx;
  const original = await trx
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', paymentId)
    .executeTakeFirst();
  if (!original) throw notFound('Payment', paymentId);
  if (original.reverses_payment_id !== null)
    throw ruleViolation('A reversal cannot itself be reversed; record a new payment instead.');
  const already = await trx
    .selectFrom('payments')
    .select('id')
    .where('reverses_payment_id', '=', paymentId)
    .executeTakeFirst();
  if (already) throw ruleViolation(`Payment ${original.receipt_number} was already reversed.`);
  const today = clock.today();
  const { id } = await trx
    .insertInto('payments')
    .values({
      loan_id: original.loan_id,
      receipt_number: `${original.receipt_number}-REV`,
      date: today,
      amount: original.amount,
      method: original.method,
      reference: original.reference,
      received_by: original.received_by,
      reverses_payment_id: original.id,
      reversal_reason: reason,
      created_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const book = await loadLoanBook(trx, original.loan_id);
  const statement = await refreshLoanStatus(trx, original.loan_id, today);
  await settleStatus(trx, book, statement, clock.now());
  await appendAudit(trx, ctx, {
    entity: 'payment',
    entityId: paymentId,
    action: 'reverse',
    before: original,
    after: { reversalPaymentId: id, reason },
  });
  return { id };
}

export function paymentHandlers(ctx: ServiceContext): PaymentHandlers {
  const { db, clock } = ctx;
  return {
    'payments.preview': async ({ loanId, date, amount }) => {
      const book = await loadLoanBook(db, loanId);
      checkPayment(book, date, amount, clock.today());
      return previewOf(book, date, amount);
    },

    'payments.record': async (input) =>
      db.transaction().execute(async (trx) => {
        const actor = ctx.actor();
        if (needsSecondPerson(actor) && (await isBackdated(trx, input.date, clock.today()))) {
          throw ruleViolation(
            `A payment dated ${input.date} is back-dated too far: send it for a second user's approval.`,
            { needsApproval: 'backdated-payment' },
          );
        }
        return recordPayment(trx, ctx, input);
      }),

    'payments.reverse': async ({ paymentId, reason }) =>
      db.transaction().execute(async (trx) => {
        if (needsSecondPerson(ctx.actor())) {
          const payment = await trx
            .selectFrom('payments')
            .select(['loan_id', 'reverses_payment_id'])
            .where('id', '=', paymentId)
            .executeTakeFirst();
          if (!payment) throw notFound('Payment', paymentId);
          if (payment.reverses_payment_id !== null)
            throw ruleViolation('A reversal cannot itself be reversed; record a new payment instead.');
          const approvalId = await requestApproval(trx, ctx, {
            kind: 'payment-reversal',
            entity: 'payment',
            entityId: paymentId,
            payload: { paymentId, reason },
            reason,
          });
          return { approvalId };
        }
        return reversePayment(trx, ctx, paymentId, reason);
      }),

    'payments.receipt': async ({ paymentId }) => {
      const payment = await db
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', paymentId)
        .executeTakeFirst();
      if (!payment) throw notFound('Payment', paymentId);
      if (payment.reverses_payment_id !== null)
        throw ruleViolation('A reversal entry has no receipt; print the original payment.');
      const book = await loadLoanBook(db, payment.loan_id);
      const borrower = await db
        .selectFrom('borrowers')
        .selectAll()
        .where('id', '=', book.loan.borrower_id)
        .executeTakeFirstOrThrow();
      const reversed = book.paymentRows.some((r) => r.reverses_payment_id === payment.id);
      // The split is as the engine applied it on the payment's date, with every payment known today.
      const statement = statementOf(book, payment.date);
      const allocation = statement.allocations.find((a) => a.ref === payment.receipt_number);
      const settings = await loadSettings(ctx);
      return {
        receiptNumber: payment.receipt_number,
        companyName: settings.companyName,
        currency: settings.currency,
        loanNumber: book.loan.number,
        borrowerName: borrower.name,
        borrowerIdMasked: maskIdNumber(borrower.id_number),
        date: payment.date,
        amount: payment.amount,
        method: payment.method,
        reference: payment.reference,
        receivedBy: payment.received_by,
        split: allocation ? splitOf(allocation) : { penalty: 0, interest: 0, principal: 0, unapplied: 0 },
        outstandingPrincipalAfter: statement.outstandingPrincipal,
        reversed,
        printedOn: clock.today(),
      };
    },
  };
}
