/**
 * The status column of a lender's book, applied after its loans and payments are written, by
 * the same rules as the screens: a closed loan must be settled by its payments (else the
 * payoff still owed is named), a legal or restructured loan is an open one moved on the day the
 * sheet says, and a written-off loan is written off for its payoff on that day, any later money
 * becoming recoveries, as `writeOffs.decide` and `recoveries.record` do.
 */
import { setLoanStatus } from '../loans/loan.repository';
import { formatAmount } from '../../../shared/money/amount';
import { OPEN_STATUSES } from '../../../shared/contract';
import type { ImportBook, LoanDraft, PaymentDraft, RowRef } from '../../../shared/import/book';
import type { ImportField } from '../../../shared/import/fields';
import type { RejectionCode, RejectionParams } from '../../../shared/import/reasons';
import type { ServiceContext } from '../context';
import type { Db } from '../../db/db';
import { loadLoanRecords } from '../loans/loan-records';
import { payoffOf, statementOf } from '../loans/statement';
import { refreshLoanStatus } from '../loans/status-cache';
import { dateStatusChanges } from '../loans/status-history';
import { requirePermission } from '../auth/permissions';
import { userIdOf } from '../auth/scope';

type Reject = (at: RowRef, field: ImportField | '', code: RejectionCode, params?: RejectionParams) => void;

export async function applyStatuses(
  trx: Db,
  ctx: ServiceContext,
  input: {
    book: ImportBook;
    loanIds: ReadonlyMap<string, number>;
    skippedNumbers: ReadonlySet<string>;
    writtenOff: ReadonlyMap<string, { loan: LoanDraft; on: string }>;
    recoveries: readonly PaymentDraft[];
    reject: Reject;
  },
): Promise<void> {
  const actor = requirePermission(ctx.actor(), 'book.write');
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  for (const loan of input.book.loans) {
    const wanted = loan.status.status;
    const loanId = input.loanIds.get(loan.number);
    if (wanted === 'active' || loanId === undefined || input.skippedNumbers.has(loan.number)) continue;
    const on = loan.status.on ?? today;
    const book = await loadLoanRecords(trx, loanId);
    if (wanted === 'closed') {
      if (book.loan.status !== 'closed') {
        const payoff = formatAmount(payoffOf(statementOf(book, today)));
        input.reject(loan.at, 'status', 'status.closedButOwing', { payoff });
      }
      continue;
    }
    if (!OPEN_STATUSES.includes(book.loan.status)) {
      input.reject(loan.at, 'status', 'status.notOpen', { status: book.loan.status });
      continue;
    }
    if (wanted === 'written-off') {
      const statement = statementOf(book, on);
      const { id: writeOffId } = await trx
        .insertInto('write_offs')
        .values({
          loan_id: loanId,
          status: 'approved',
          amount: payoffOf(statement),
          principal: statement.outstandingPrincipal,
          approved_on: on,
          requested_by: userIdOf(actor) ?? 0,
          requested_by_name: actor.displayName,
          requested_at: now,
          reason: 'imported',
          // Decided in the lender's own book before Pledgebook: no second user here to name.
          decided_by: null,
          decided_by_name: 'import',
          decided_at: now,
          decision_note: 'imported',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const r of input.recoveries.filter((p) => p.loanNumber === loan.number)) {
        await trx
          .insertInto('recoveries')
          .values({
            loan_id: loanId,
            write_off_id: writeOffId,
            date: r.date,
            amount: r.amount,
            method: 'other',
            reference: r.reference,
            received_by: actor.displayName,
            created_at: now,
          })
          .execute();
      }
    }
    await setLoanStatus(trx, loanId, wanted, now);
    await dateStatusChanges(trx, [{ loanId, on }]);
    await refreshLoanStatus(trx, loanId, today);
  }
}
