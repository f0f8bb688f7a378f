import {
  contract,
  OPEN_STATUSES,
  type PaymentMethod,
  type PaymentPreview,
  type PrepayPreview,
} from '../../../shared/contract';
import {
  prepaySchedule,
  PrepayRefusal,
  type PrepayMode,
  type PrepayOutcome,
  type Statement,
} from '../../../shared/engine';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, ruleViolation, ruleViolationWith, invalidField, fieldRefusal } from '../errors';
import { loadSettings } from '../system/system.service';
import { nextCounter } from '../system/settings.repository';
import { effectivePayments, loadLoanRecords, type LoanRecords } from '../loans/loan-records';
import { payoffOf, prepaymentTermsOf, splitOf, statementInputOf, statementOf } from '../loans/statement';
import { keepLoanStatus, refreshLoanStatus } from '../loans/status-cache';
import {
  insertScheduleVersion,
  nextScheduleVersion,
  borrowerRow,
  scheduleVersionReason,
  setLoansStatus,
  findPayment,
  insertPayment,
  insertPaymentRow,
  reversalOf,
} from '../loans/loan.repository';
import { receiptSplitOf } from '../loans/payment-rows';
import type { Db } from '../../db/db';
import { dateStatusChanges, type TookEffect } from '../loans/status-history';
import { appendAudit } from '../audit/audit';
import { needsSecondPerson, requestApproval } from '../approvals/request';
import { approvalAction, registerApprovalAction } from '../approvals/registry';
import { isBackdated } from '../approvals/backdating';
import { lockLoanOf } from '../loans/loan-lock';

type PaymentHandlers = Pick<
  Handlers,
  | 'payments.preview'
  | 'payments.record'
  | 'payments.reverse'
  | 'payments.receipt'
  | 'payments.requestBackdated'
>;

const PREVIEW_REF = '__preview__';

const summaryOf = (s: Statement) => ({
  daysPastDue: s.daysPastDue,
  bucket: s.bucket,
  outstandingPrincipal: s.outstandingPrincipal,
  overdueTotal: s.overdue.principal + s.overdue.interest + s.overdue.penalty,
});

/** The last day on which a payment still counted towards the loan, or null before the first. */
const lastPaymentDate = (book: LoanRecords): string | null =>
  effectivePayments(book.paymentRows)
    .map((p) => p.date)
    .sort()
    .at(-1) ?? null;

/**
 * Rules every payment must pass before it is previewed or posted. No payment may exceed the
 * payoff on its date, nor what the loan owes today after every payment already known (a
 * back-dated entry must not pay a loan twice). A payment of exactly the payoff settles the loan.
 */
export function checkPayment(book: LoanRecords, date: string, amount: number, today: string): void {
  const { loan } = book;
  if (loan.status === 'written-off') {
    throw ruleViolationWith({ recordAs: 'recovery' }, 'payment.writtenOff', { number: loan.number });
  }
  if (!OPEN_STATUSES.includes(loan.status)) {
    throw ruleViolation('payment.loanClosed', { number: loan.number, status: loan.status });
  }
  if (date > today) {
    throw invalidField('date', 'payment.dateAfterToday', { today });
  }
  if (date < loan.start_date) {
    throw invalidField('date', 'payment.dateBeforeDisbursement', { startDate: loan.start_date });
  }
  for (const day of date === today ? [date] : [date, today]) {
    const payoff = payoffOf(statementOf(book, day));
    if (amount > payoff) {
      throw invalidField('amount', 'payment.aboveDue', { amount, payoff, date: day });
    }
  }
}

/**
 * A settlement dated before the last payment already posted would turn that payment into a
 * refund: like any back-dating, a person needs a second user's approval for it.
 */
export function settlesBeforeLastPayment(book: LoanRecords, date: string, amount: number): string | null {
  const last = lastPaymentDate(book);
  if (last === null || date >= last) return null;
  return amount >= payoffOf(statementOf(book, date)) ? last : null;
}

/** What is due on the statement's day: installments due by then, penalty and charges owed. */
const dueOn = (s: Statement) =>
  s.installments
    .filter((i) => i.dueDate <= s.asOf)
    .reduce((sum, i) => sum + i.total - i.paidPrincipal - i.paidInterest, 0) +
  s.overdue.penalty +
  s.chargesOutstanding;

/**
 * The schedule a partial prepayment leaves (README "Partial prepayment"). Only a loan on its
 * contract schedule (or one already re-planned by a prepayment) can take one, dated no earlier
 * than its last payment; the engine's refusals name the field and a reason the screen words.
 */
export async function prepayOutcome(
  db: Db,
  book: LoanRecords,
  date: string,
  amount: number,
  mode: PrepayMode,
): Promise<PrepayOutcome> {
  if (!['contract', PREPAYMENT_VERSION].includes(await scheduleVersionReason(db, book.versionId))) {
    throw invalidField('prepay.mode', 'payment.prepayUnderPlan');
  }
  const last = lastPaymentDate(book);
  if (last !== null && date < last) {
    throw invalidField('date', 'payment.prepayBeforeLastPayment', { lastPaid: last });
  }
  const { loan } = book;
  try {
    return prepaySchedule(
      statementInputOf(book, date),
      {
        method: loan.method,
        annualRatePercent: loan.annual_rate_percent,
        principal: loan.principal,
        months: loan.months,
        startDate: loan.start_date,
        prepayment: prepaymentTermsOf(loan),
      },
      amount,
      mode,
    );
  } catch (e) {
    if (!(e instanceof PrepayRefusal)) throw e;
    throw fieldRefusal(e.field, e.reason, { amount });
  }
}

/** Schedule versions written by a partial prepayment carry this reason. */
export const PREPAYMENT_VERSION = 'prepayment';

export async function previewOf(
  db: Db,
  book: LoanRecords,
  date: string,
  amount: number,
  prepay?: { mode: PrepayMode },
): Promise<PaymentPreview> {
  const before = statementOf(book, date);
  const outcome = prepay ? await prepayOutcome(db, book, date, amount, prepay.mode) : null;
  const replanned = outcome ? { ...book, installments: outcome.installments } : book;
  const after = statementOf(replanned, date, [{ date, amount, ref: PREVIEW_REF }]);
  const allocation = after.allocations.find((a) => a.ref === PREVIEW_REF);
  if (!allocation) throw new Error('the previewed payment was not applied');
  const paidBefore = statementOf(replanned, date).installments;
  const byInstallment = after.installments
    .map((i, k) => {
      const b = paidBefore[k]!;
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
    settlement: allocation.settlement,
    dueNow: dueOn(before),
    prepay: outcome && prepay ? { mode: prepay.mode, ...outcome } : null,
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
export async function settleStatus(
  db: Db,
  book: LoanRecords,
  statement: Statement,
  now: string,
): Promise<void> {
  await settleStatuses(db, [{ book, statement }], now);
}

/** `settleStatus` for many loans (an import settles thousands), a few statements in all. */
export async function settleStatuses(
  db: Db,
  loans: readonly { book: LoanRecords; statement: Statement }[],
  now: string,
): Promise<void> {
  const moves: Record<'closed' | 'active', number[]> = { closed: [], active: [] };
  const tookEffect: TookEffect[] = [];
  for (const { book, statement } of loans) {
    const owes = statement.settledOn === null;
    if (!owes && OPEN_STATUSES.includes(book.loan.status)) moves.closed.push(book.loan.id);
    else if (owes && book.loan.status === 'closed') moves.active.push(book.loan.id);
    else continue;
    // Closed on the day the last payment cleared it; reopened on the day it had closed.
    tookEffect.push({ loanId: book.loan.id, on: owes ? null : statement.settledOn });
  }
  for (const status of ['closed', 'active'] as const) await setLoansStatus(db, moves[status], status, now);
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
    prepay?: { mode: PrepayMode } | undefined;
  },
): Promise<{ id: number; receiptNumber: string }> {
  const { clock } = ctx;
  const today = clock.today();
  // Two PCs posting to one loan: the second waits here, then checks against the first's payment.
  const book = await loadLoanRecords(trx, input.loanId, { lock: true });
  checkPayment(book, input.date, input.amount, today);
  // The receipt prints this split; it is kept so a reprint shows the same figures, whatever is
  // keyed in later.
  const preview = await previewOf(trx, book, input.date, input.amount, input.prepay);
  const { split } = preview;
  const receiptNumber = await nextReceiptNumber(trx, today);
  const payment = await insertPaymentRow(trx, {
    loan_id: input.loanId,
    receipt_number: receiptNumber,
    date: input.date,
    amount: input.amount,
    method: input.method,
    reference: input.reference,
    received_by: input.receivedBy,
    reverses_payment_id: null,
    reversal_reason: '',
    receipt_split: JSON.stringify(split),
    created_at: clock.now(),
  });
  const id = payment.id;
  let statement;
  if (preview.prepay) {
    await writePrepaymentVersion(trx, book, input.date, preview.prepay, clock.now());
    statement = await refreshLoanStatus(trx, input.loanId, today);
  } else {
    // The loan as read above plus this payment (the newest id, last in id order): read again,
    // it would be the same rows.
    statement = await keepLoanStatus(trx, { ...book, paymentRows: [...book.paymentRows, payment] }, today);
  }
  await settleStatus(trx, book, statement, clock.now());
  await appendAudit(trx, ctx, {
    entity: 'payment',
    entityId: id,
    action: 'record',
    after: { receiptNumber, ...input },
  });
  return { id, receiptNumber };
}

/** Makes the re-planned schedule of a partial prepayment the loan's active version. */
async function writePrepaymentVersion(
  trx: Db,
  book: LoanRecords,
  date: string,
  prepay: PrepayPreview,
  now: string,
): Promise<void> {
  await insertScheduleVersion(
    trx,
    {
      loanId: book.loan.id,
      version: await nextScheduleVersion(trx, book.loan.id),
      reason: PREPAYMENT_VERSION,
      name: { kind: 'prepayment', mode: prepay.mode, date },
      effectiveFrom: date,
      createdAt: now,
    },
    prepay.installments,
  );
}

/** Reverses a payment inside the caller's transaction; the original stays, a reversal row cancels it. */
export async function reversePayment(
  trx: Db,
  ctx: ServiceContext,
  paymentId: number,
  reason: string,
): Promise<{ id: number }> {
  const { clock } = ctx;
  await lockLoanOf(trx, 'payments', paymentId);
  const original = await findPayment(trx, paymentId);
  if (!original) throw notFound('payment.notFound', paymentId);
  if (original.reverses_payment_id !== null) throw ruleViolation('payment.reversalOfReversal');
  const already = await reversalOf(trx, paymentId);
  if (already) throw ruleViolation('payment.alreadyReversed', { receipt: original.receipt_number });
  const today = clock.today();
  const id = await insertPayment(trx, {
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
  });
  const book = await loadLoanRecords(trx, original.loan_id);
  const statement = await keepLoanStatus(trx, book, today);
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
    /** A payment dated further back than the book allows waits for a second person's approval. */
    'payments.requestBackdated': async (input) =>
      db.transaction().execute(async (trx) => {
        const today = clock.today();
        if (!(await isBackdated(trx, input.date, today))) throw invalidField('date', 'payment.recentEnough');
        // Checked now so a payment that could never be posted is refused, not queued.
        checkPayment(await loadLoanRecords(trx, input.loanId), input.date, input.amount, today);
        const approvalId = await requestApproval(trx, ctx, {
          kind: 'backdated-payment',
          entity: 'loan',
          entityId: input.loanId,
          payload: { ...input },
          reason: `payment dated ${input.date}`,
        });
        return { approvalId };
      }),

    'payments.preview': async ({ loanId, date, amount, prepay }) => {
      const book = await loadLoanRecords(db, loanId);
      checkPayment(book, date, amount, clock.today());
      return previewOf(db, book, date, amount, prepay);
    },

    'payments.record': async (input) =>
      db.transaction().execute(async (trx) => {
        const actor = ctx.actor();
        if (needsSecondPerson(actor) && (await isBackdated(trx, input.date, clock.today()))) {
          throw ruleViolationWith({ needsApproval: 'backdated-payment' }, 'payment.backdated', {
            date: input.date,
          });
        }
        // A person's payment is checked against the loan before recordPayment reads it again:
        // lock it first on this path (recordPayment takes the lock itself for everyone else).
        let lastPaid: ReturnType<typeof settlesBeforeLastPayment> = null;
        if (needsSecondPerson(actor)) {
          lastPaid = settlesBeforeLastPayment(
            await loadLoanRecords(trx, input.loanId, { lock: true }),
            input.date,
            input.amount,
          );
        }
        if (lastPaid !== null) {
          throw ruleViolationWith(
            { needsApproval: 'backdated-payment', reason: 'payment.settlementBeforeLastPayment', lastPaid },
            'payment.settlementBeforeLastPayment',
            { date: input.date, lastPaid },
          );
        }
        return recordPayment(trx, ctx, input);
      }),

    'payments.reverse': async ({ paymentId, reason }) =>
      db.transaction().execute(async (trx) => {
        if (needsSecondPerson(ctx.actor())) {
          const payment = await findPayment(trx, paymentId);
          if (!payment) throw notFound('payment.notFound', paymentId);
          if (payment.reverses_payment_id !== null) throw ruleViolation('payment.reversalOfReversal');
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

    'payments.receipt': async ({ paymentId, copy }) => {
      const payment = await findPayment(db, paymentId);
      if (!payment) throw notFound('payment.notFound', paymentId);
      if (payment.reverses_payment_id !== null) throw ruleViolation('payment.reversalHasNoReceipt');
      const book = await loadLoanRecords(db, payment.loan_id);
      const borrower = await borrowerRow(db, book.loan.borrower_id);
      const reversed = book.paymentRows.some((r) => r.reverses_payment_id === payment.id);
      // The receipt says what it said when the payment was posted. Payments posted before receipts
      // kept their split (migration 0017) show it as the engine applies it on the payment's date.
      const statement = statementOf(book, payment.date);
      const allocation = statement.allocations.find((a) => a.ref === payment.receipt_number);
      const split =
        receiptSplitOf(payment) ??
        (allocation ? splitOf(allocation) : { penalty: 0, interest: 0, principal: 0, unapplied: 0 });
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
        split,
        outstandingPrincipalAfter: statement.outstandingPrincipal,
        settledLoan: split.settlement === true,
        reversed,
        copy,
        printedOn: clock.today(),
      };
    },
  };
}

// What an approved reversal or back-dated payment does: the same posting a person with the
// right would have done, in the approver's transaction, with the payload checked again.
registerApprovalAction(
  'payment-reversal',
  approvalAction(contract['payments.reverse'].input, (trx, ctx, p) =>
    reversePayment(trx, ctx, p.paymentId, p.reason),
  ),
);
registerApprovalAction(
  'backdated-payment',
  approvalAction(contract['payments.requestBackdated'].input, (trx, ctx, p) => recordPayment(trx, ctx, p)),
);
