/**
 * Writes a read loan book as the screens write each record — new borrowers, loans with their
 * contract schedule, collateral with the collateral service's own checks, payments checked against
 * the statement engine — in ONE transaction, with the rows the screens' functions build.
 * The rows go out in multi-row INSERTs (`BulkInsert`): one query per row, built by Kysely, took
 * an import of 10,000 loans past its budget of 10 s.
 * Any rejected row rolls the whole import back, so a preview is simply this run, undone.
 *
 * Loan numbers the book already has:
 *  - skip: the loan row and its payments in the file are left out; the book keeps its loan.
 *  - update: the terms are replaced by a new schedule version, but only while the loan has no
 *    payment recorded in Pledgebook (else that row is rejected): a schedule under real payments
 *    is changed by a restructuring, never by a spreadsheet.
 * Payments for a loan already in the book are added, except one with the same date and amount
 * as a payment the loan already has: re-importing a payments sheet does not post it twice.
 * Collateral whose loans were all in the book before, already secured, is left as it is.
 */
import { currentWork, stopIfCancelled } from '../work';
import {
  buildSchedule,
  computeStatement,
  type ScheduledInstallment,
  type Statement,
} from '../../../shared/engine';
import { OPEN_STATUSES, type FieldIssue, type ImportResult } from '../../../shared/contract';
import type { ImportBook, PaymentDraft, RowError, RowRef } from '../../../shared/import/book';
import type { ImportField } from '../../../shared/import/fields';
import {
  detailCoded,
  rejection,
  type RejectionCode,
  type RejectionParams,
} from '../../../shared/import/reasons';
import type { ImportProgress } from '../../../shared/contract';
import { BulkInsert } from '../../db/bulk-insert';
import type { ServiceContext } from '../context';
import { DomainError } from '../errors';
import { requirePermission } from '../auth/permissions';
import { borrowerRow } from '../borrowers/borrowers.service';
import { contractVersion, defaultPrepayment, loanRow } from '../loans/loans.service';
import { loadSettings } from '../system/system.service';
import {
  installmentRow,
  retireActiveVersion,
  scheduleVersionRow,
  type NewScheduleVersion,
  nextScheduleVersion,
} from '../loans/loan.repository';
import { type Db } from '../../db/db';
import { STATUS_COLUMNS, currentStatusRow, refreshLoanStatus, statusRow } from '../loans/status-cache';
import { loadLoanRecords, loadManyLoanRecords, type LoanRecords } from '../loans/loan-records';
import { statementOf } from '../loans/statement';
import {
  RECEIPT_COUNTER,
  checkPayment,
  nextReceiptNumber,
  receiptNumberOf,
  settleStatuses,
} from '../payments/payments.service';
import { reserveCounter } from '../system/settings.repository';
import { userIdNamed } from '../auth/scope';
import { formatAmount } from '../../../shared/money/amount';
import { applyStatuses } from './statuses';
import { appendAudit } from '../audit/audit';
import { checkNewItem, itemRow, linkRow, type NewItem } from '../collateral/items.service';
import { activeItemsWithVins, linkableLoans, type LinkableLoan } from '../collateral/item.repository';
import { valuationRow } from '../collateral/valuations.service';

export type ExistingLoans = 'skip' | 'update';
type Counts = Pick<ImportResult, 'borrowers' | 'loans' | 'collateral' | 'payments' | 'updated' | 'skipped'>;

/**
 * better-sqlite3 answers every query synchronously, so a long import would hold the service
 * host's event loop for its whole run. Handing it back every this many rows lets the progress
 * reach the window and a cancel reach the import, while the one transaction stays open.
 */
const ROWS_PER_YIELD = 250;
const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

class RollBack extends Error {}

/** The header a field had in the row's sheet, so errors point at the lender's own column. */
function columnOf(book: ImportBook, at: RowRef, field: ImportField): string {
  const plan = book.sheets.find((s) => s.name === at.sheet);
  const i = plan?.fields.indexOf(field) ?? -1;
  return i >= 0 ? plan!.headers[i]! : field;
}

const PAYMENT_FIELD: Record<string, ImportField> = { date: 'paymentDate', amount: 'paymentAmount' };

/** Payments written between two hand-backs of the event loop while they are numbered and queued. */
const PAYMENTS_PER_YIELD = 4000;

/**
 * Whether a loan's new payments all pass `checkPayment` without checking them one by one (one
 * statement instead of one per payment). They do when the loan takes payments, none predates
 * the disbursement, and the engine, applying them in date order, leaves nothing unapplied: each
 * payment then fit what was owed on its date, which is no more than what is owed today, the
 * limit `checkPayment` puts on it. Otherwise they are posted one by one to name the refused row.
 * When they pass, that statement is the loan's as it stands with them: its status row.
 */
function passingStatement(
  book: LoanRecords,
  fresh: readonly PaymentDraft[],
  today: string,
): Statement | null {
  if (fresh.length > 0) {
    if (!OPEN_STATUSES.includes(book.loan.status)) return null;
    if (fresh.some((p) => p.date < book.loan.start_date || p.date > today)) return null;
  }
  const statement = statementOf(book, today, [...fresh]);
  return fresh.length === 0 || statement.unapplied === 0 ? statement : null;
}

export async function writeBook(
  ctx: ServiceContext,
  book: ImportBook,
  options: {
    existing: ExistingLoans;
    dryRun: boolean;
    acceptWarnings: boolean;
    files: string[];
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<Counts & { errors: RowError[]; warnings: RowError[]; committed: boolean }> {
  const { clock } = ctx;
  const work = currentWork();
  // Imported loans take the product's early-settlement terms, as a loan made on screen would.
  const prepayment = defaultPrepayment(await loadSettings(ctx));
  const today = clock.today();
  const now = clock.now();
  const errors: RowError[] = [...book.errors];
  const counts: Counts = { borrowers: 0, loans: 0, collateral: 0, payments: 0, updated: 0, skipped: 0 };
  const reject = (at: RowRef, field: ImportField | '', code: RejectionCode, params: RejectionParams = {}) =>
    errors.push({ ...at, column: field ? columnOf(book, at, field) : '', ...rejection(code, params) });
  const warn = (at: RowRef, field: ImportField, code: RejectionCode, params: RejectionParams) =>
    book.warnings.push({ ...at, column: columnOf(book, at, field), ...rejection(code, params) });
  const progress: ImportProgress = {
    phase: 'borrowers',
    done: 0,
    total: book.borrowers.length + book.loans.length + book.collateral.length + book.payments.length,
  };
  /** Counts one row done; every ROWS_PER_YIELD rows reports and lets the event loop breathe. */
  const step = async (phase: ImportProgress['phase'], rows = 1) => {
    const before = Math.floor(progress.done / ROWS_PER_YIELD);
    progress.phase = phase;
    progress.done += rows;
    if (Math.floor(progress.done / ROWS_PER_YIELD) !== before || progress.done === progress.total) {
      options.onProgress?.({ ...progress });
      await nextMacrotask();
      // Inside the one transaction: a cancel rolls the whole import back.
      stopIfCancelled(work);
    }
  };
  options.onProgress?.({ ...progress });

  const writeAll = async (trx: Db) => {
    const actor = requirePermission(ctx.actor(), 'book.write');
    // Each writer is flushed after the writers of the rows it refers to (foreign keys).
    const borrowersOut = new BulkInsert(ctx, trx, 'borrowers');
    const loansOut = new BulkInsert(ctx, trx, 'loans', { after: [borrowersOut] });
    const versionsOut = new BulkInsert(ctx, trx, 'schedule_versions', { after: [loansOut] });
    const installmentsOut = new BulkInsert(ctx, trx, 'installments', { after: [versionsOut] });
    const itemsOut = new BulkInsert(ctx, trx, 'collateral_items', { after: [borrowersOut] });
    const linksOut = new BulkInsert(ctx, trx, 'collateral_links', { after: [itemsOut, loansOut] });
    const valuationsOut = new BulkInsert(ctx, trx, 'collateral_valuations', {
      after: [itemsOut, linksOut],
    });
    const paymentsOut = new BulkInsert(ctx, trx, 'payments', { after: [loansOut] });
    const partiesOut = new BulkInsert(ctx, trx, 'loan_parties', { after: [loansOut, borrowersOut] });
    const assignmentsOut = new BulkInsert(ctx, trx, 'collection_assignments', { after: [loansOut] });
    /** Collectors by the name the sheet uses, resolved to users once each. */
    const collectorIds = new Map<string, number | null>();
    for (const name of new Set(book.loans.map((l) => l.collector).filter(Boolean)))
      collectorIds.set(name, await userIdNamed(trx, name));
    // After the payments: their triggers move the month-end watermark on the status row.
    const statusesOut = new BulkInsert(ctx, trx, 'loan_status', {
      after: [loansOut, paymentsOut],
      upsert: { conflict: 'loan_id', update: STATUS_COLUMNS },
    });

    const borrowerIds = new Map(
      (await trx.selectFrom('borrowers').select(['id', 'id_number']).execute()).map((b) => [
        b.id_number,
        b.id,
      ]),
    );
    // A loan row skipped because the book has its number creates nothing: not its borrower or
    // guarantor either, unless another row of the file needs them (a borrowers sheet always does).
    const loanSheets = new Set(book.sheets.filter((p) => p.kind === 'loans').map((p) => p.name));
    const inBook =
      options.existing === 'skip'
        ? new Set((await trx.selectFrom('loans').select('number').execute()).map((l) => l.number))
        : new Set<string>();
    const needed = new Set(
      book.loans
        .filter((l) => !inBook.has(l.number))
        .flatMap((l) => [l.borrowerIdNumber, ...(l.guarantorIdNumber === null ? [] : [l.guarantorIdNumber])]),
    );
    for (const b of book.borrowers) {
      await step('borrowers');
      if (borrowerIds.has(b.idNumber)) continue;
      if (loanSheets.has(b.at.sheet) && !needed.has(b.idNumber)) continue;
      const id = await borrowersOut.newId();
      await borrowersOut.add({ id, ...borrowerRow(b, now) });
      borrowerIds.set(b.idNumber, id);
      counts.borrowers += 1;
    }
    await borrowersOut.flush();

    const loanIds = new Map(
      (await trx.selectFrom('loans').select(['id', 'number']).execute()).map((l) => [l.number, l.id]),
    );
    const skippedNumbers = new Set<string>();
    const withPayments = new Set(book.payments.map((p) => p.loanNumber));
    const touched = new Set<number>();
    /** A schedule version, written active, with its installments. */
    const addSchedule = async (v: NewScheduleVersion, installments: readonly ScheduledInstallment[]) => {
      const versionId = await versionsOut.newId();
      await versionsOut.add({ id: versionId, ...scheduleVersionRow(v) });
      for (const x of installments) await installmentsOut.add(installmentRow(versionId, x));
      return versionId;
    };
    /** The books of the loans payments are posted to, those written here kept from the start. */
    const books = new Map<number, LoanRecords>();
    for (const loan of book.loans) {
      await step('loans');
      const existingId = loanIds.get(loan.number);
      const borrowerId = borrowerIds.get(loan.borrowerIdNumber)!;
      const installments = buildSchedule(loan.terms);
      if (existingId === undefined) {
        const id = await loansOut.newId();
        const draft = { ...loan, borrowerId, status: 'active' as const, prepayment };
        const row = { id, ...loanRow(draft, now), notes: loan.notes };
        await loansOut.add(row);
        if (loan.guarantorIdNumber !== null) {
          await partiesOut.add({
            loan_id: id,
            borrower_id: borrowerIds.get(loan.guarantorIdNumber)!,
            role: 'guarantor',
            relationship: '',
          });
        }
        if (loan.collector) {
          await assignmentsOut.add({
            loan_id: id,
            collector: loan.collector,
            collector_id: collectorIds.get(loan.collector) ?? null,
            assigned_at: now,
          });
        }
        // A new loan has no schedule to retire: its contract is written active at once.
        const versionId = await addSchedule(contractVersion(id, draft, now), installments);
        loanIds.set(loan.number, id);
        if (withPayments.has(loan.number)) {
          touched.add(id);
          // Its book as loadLoanRecords would read it back: no payments yet, no legal costs.
          books.set(id, { loan: row, versionId, version: 1, installments, paymentRows: [], charges: [] });
        } else {
          // What refreshLoanStatus would compute, without reading back the rows just written:
          // a new imported loan has its own penalty terms and no payments.
          const statement = computeStatement({
            installments,
            penaltyDailyRatePercent: loan.penaltyDailyRatePercent,
            graceDays: loan.graceDays,
            payments: [],
            asOf: today,
            startDate: loan.terms.startDate,
            prepayment,
          });
          await statusesOut.add({ loan_id: id, ...statusRow(statement, null) });
        }
        counts.loans += 1;
      } else if (options.existing === 'skip') {
        skippedNumbers.add(loan.number);
        counts.skipped += 1;
      } else {
        const payment = await trx
          .selectFrom('payments')
          .select('id')
          .where('loan_id', '=', existingId)
          .executeTakeFirst();
        if (payment) {
          reject(loan.at, 'loanNumber', 'loan.hasPayments', { number: loan.number });
          continue;
        }
        await trx
          .updateTable('loans')
          .set({
            borrower_id: borrowerId,
            product: loan.product,
            principal: loan.terms.principal,
            annual_rate_percent: loan.terms.annualRatePercent,
            months: loan.terms.months,
            method: loan.terms.method,
            start_date: loan.terms.startDate,
            penalty_daily_rate_percent: loan.penaltyDailyRatePercent,
            grace_days: loan.graceDays,
            updated_at: now,
          })
          .where('id', '=', existingId)
          .execute();
        const version = await nextScheduleVersion(trx, existingId);
        await retireActiveVersion(trx, existingId);
        await addSchedule(
          {
            loanId: existingId,
            version,
            reason: 'import',
            effectiveFrom: loan.terms.startDate,
            createdAt: now,
          },
          installments,
        );
        touched.add(existingId);
        counts.updated += 1;
      }
    }
    await installmentsOut.flush();
    await statusesOut.flush();
    await partiesOut.flush();
    await assignmentsOut.flush();

    // Collateral: each item through the collateral service's own checks, on loans and VINs read
    // for all items at once.
    const products = new Map(book.loans.map((l) => [l.number, l.product]));
    const unknownProducts = book.collateral
      .flatMap((c) => c.loanNumbers)
      .filter((n) => !products.has(n) && loanIds.has(n));
    for (let i = 0; i < unknownProducts.length; i += 500) {
      const rows = await trx
        .selectFrom('loans')
        .select(['number', 'product'])
        .where('number', 'in', unknownProducts.slice(i, i + 500))
        .execute();
      for (const r of rows) products.set(r.number, r.product as never);
    }
    // Re-importing a book (or updating its terms) must not pledge the same car twice: an item whose
    // loans were all in the book before and already have collateral is left as the book has it.
    const secured = new Set(
      (await trx.selectFrom('collateral_links').select('loan_id').distinct().execute()).map((k) => k.loan_id),
    );
    const pledgedLoanIds = [
      ...new Set(book.collateral.flatMap((c) => c.loanNumbers.flatMap((n) => loanIds.get(n) ?? []))),
    ];
    const linkable = new Map<number, LinkableLoan>();
    for (let i = 0; i < pledgedLoanIds.length; i += 500) {
      for (const l of await linkableLoans(trx, pledgedLoanIds.slice(i, i + 500))) linkable.set(l.id, l);
    }
    /** The active item holding each VIN: those in the book, then those written here. */
    const vinHolders = await activeItemsWithVins(
      trx,
      book.collateral.flatMap((c) => (c.details.kind === 'vehicle' && c.details.vin ? [c.details.vin] : [])),
    );
    for (const item of book.collateral) {
      await step('collateral');
      const missing = item.loanNumbers.find((n) => !loanIds.has(n));
      if (missing !== undefined) {
        reject(item.at, 'loanNumber', 'loan.unknown', { number: missing });
        continue;
      }
      if (item.loanNumbers.every((n) => skippedNumbers.has(n) || secured.has(loanIds.get(n)!))) {
        counts.skipped += 1;
        continue;
      }
      const carLoan = item.loanNumbers.find((n) => products.get(n) === 'car-title');
      const mortgage = item.loanNumbers.find((n) => products.get(n) === 'mortgage');
      if (item.details.kind === 'property' && carLoan !== undefined) {
        reject(item.at, 'loanNumber', 'collateral.carNeedsVehicle', { number: carLoan });
        continue;
      }
      if (item.details.kind === 'vehicle' && mortgage !== undefined) {
        reject(item.at, 'loanNumber', 'collateral.mortgageNeedsProperty', { number: mortgage });
        continue;
      }
      const input: NewItem = {
        loanIds: item.loanNumbers.map((n) => loanIds.get(n)!),
        description: '',
        notes: '',
        details: item.details,
        valuation: item.appraisal
          ? { ...item.appraisal, source: 'appraiser', valuedBy: 'import', note: '' }
          : undefined,
      };
      const vin = input.details.kind === 'vehicle' && input.details.vin ? input.details.vin : undefined;
      try {
        const { borrowerId } = checkNewItem(
          input,
          input.loanIds.flatMap((id) => linkable.get(id) ?? []),
          vin === undefined ? undefined : vinHolders.get(vin),
          today,
        );
        const id = await itemsOut.newId();
        const row = itemRow(input, borrowerId, actor.displayName, now);
        await itemsOut.add({ id, ...row });
        for (const loanId of input.loanIds) await linksOut.add(linkRow(id, loanId, actor.displayName, now));
        if (input.valuation)
          await valuationsOut.add(valuationRow(id, input.valuation, actor.displayName, now));
        if (vin !== undefined) vinHolders.set(vin, { id, plate: row.plate ?? null });
        counts.collateral += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const issue = (error.details as FieldIssue[] | undefined)?.[0];
        const detail = issue?.message ?? error.message.replace(/^\w+: /, '');
        const coded = detailCoded({
          reason: issue?.reason ?? error.reason,
          params: issue?.params ?? error.params,
        });
        if (issue?.field === 'details.vin' && item.details.kind === 'vehicle')
          reject(item.at, 'vin', 'vin.taken', { vin: item.details.vin, detail });
        else reject(item.at, 'loanNumber', 'collateral.refused', { detail, ...coded });
      }
    }
    await valuationsOut.flush();

    // A loan the sheet says was written off takes money after that day as recoveries, as the
    // app records it (the statement engine no longer runs on it); earlier money is its history.
    const writtenOff = new Map(
      book.loans
        .filter((l) => l.status.status === 'written-off' && !skippedNumbers.has(l.number))
        .map((l) => [l.number, { loan: l, on: l.status.on ?? today }]),
    );
    const recoveries: PaymentDraft[] = [];
    const reversals: PaymentDraft[] = [];
    const byLoan = new Map<string, PaymentDraft[]>();
    for (const p of book.payments) {
      if (p.amount < 0) {
        reversals.push(p);
        continue;
      }
      const w = writtenOff.get(p.loanNumber);
      if (w && p.date > w.on) {
        await step('payments');
        recoveries.push(p);
        continue;
      }
      if (skippedNumbers.has(p.loanNumber)) {
        await step('payments');
        counts.skipped += 1;
        continue;
      }
      if (!loanIds.has(p.loanNumber)) {
        await step('payments');
        reject(p.at, 'loanNumber', 'loan.unknown', { number: p.loanNumber });
        continue;
      }
      const list = byLoan.get(p.loanNumber);
      if (list) list.push(p);
      else byLoan.set(p.loanNumber, [p]);
    }
    /** Queues a payment; the loan's book gets the row as it will be written. */
    const addPayment = async (book: LoanRecords, p: PaymentDraft, receipt: string) => {
      const row = {
        id: await paymentsOut.newId(),
        loan_id: book.loan.id,
        receipt_number: receipt,
        date: p.date,
        amount: p.amount,
        method: 'other' as const,
        reference: p.reference,
        received_by: '',
        reverses_payment_id: null,
        reversal_reason: '',
        // An imported payment has no receipt of ours: a reprint shows the engine's split.
        receipt_split: null,
        created_at: now,
      };
      await paymentsOut.add(row);
      book.paymentRows.push(row);
    };
    const earlierLoans = [...byLoan.keys()].map((n) => loanIds.get(n)!).filter((id) => !books.has(id));
    for (const [id, book] of await loadManyLoanRecords(trx, earlierLoans)) books.set(id, book);
    // The engine applies payments by date; posting them in date order checks each like the clerk would.
    const postings = [...byLoan].map(([number, payments]) => {
      const loanId = loanIds.get(number)!;
      const book = books.get(loanId)!;
      const earlier = new Set(book.paymentRows.map((r) => `${r.date}|${r.amount}`));
      const fresh: PaymentDraft[] = [];
      for (const p of [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
        if (earlier.has(`${p.date}|${p.amount}`)) counts.skipped += 1;
        else fresh.push(p);
      }
      return { loanId, book, rows: payments.length, fresh, passed: passingStatement(book, fresh, today) };
    });
    // Loans whose payments all pass share one block of receipt numbers.
    const batch = postings.filter((x) => x.passed).flatMap((x) => x.fresh.map((p) => ({ book: x.book, p })));
    if (batch.length > 0) {
      const first = await reserveCounter(trx, RECEIPT_COUNTER, batch.length);
      for (const [k, { book, p }] of batch.entries()) {
        await addPayment(book, p, receiptNumberOf(today, first + k));
        if (k % PAYMENTS_PER_YIELD === PAYMENTS_PER_YIELD - 1) await nextMacrotask();
      }
      counts.payments += batch.length;
    }
    const settled: { book: LoanRecords; statement: Statement }[] = [];
    /**
     * Each reversal row undoes the loan's latest payment of the same amount dated on or before
     * it, not yet reversed — one already in the book or one this file adds — as the payment
     * screen's reversal does, with the reason "reversal (imported)". None: the row is refused.
     */
    const reverse = async (rows: readonly PaymentDraft[]) => {
      for (const r of [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
        await step('payments');
        const loanId = loanIds.get(r.loanNumber);
        if (loanId === undefined || skippedNumbers.has(r.loanNumber)) {
          if (loanId === undefined) reject(r.at, 'loanNumber', 'loan.unknown', { number: r.loanNumber });
          else counts.skipped += 1;
          continue;
        }
        const loanBook = books.get(loanId) ?? (await loadLoanRecords(trx, loanId));
        books.set(loanId, loanBook);
        const rows = loanBook.paymentRows;
        const reversed = new Set(
          rows.flatMap((p) => (p.reverses_payment_id === null ? [] : [p.reverses_payment_id])),
        );
        if (rows.some((p) => p.reverses_payment_id !== null && p.date === r.date && p.amount === -r.amount)) {
          counts.skipped += 1; // re-imported: this reversal is already in the book
          continue;
        }
        const target = rows
          .filter((p) => p.reverses_payment_id === null && !reversed.has(p.id))
          .filter((p) => p.amount === -r.amount && p.date <= r.date)
          .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id))[0];
        if (!target) {
          reject(r.at, 'paymentAmount', 'payment.nothingToReverse', {
            amount: formatAmount(-r.amount),
            date: r.date,
          });
          continue;
        }
        const row = {
          id: await paymentsOut.newId(),
          loan_id: loanId,
          receipt_number: `${target.receipt_number}-REV`,
          date: r.date,
          amount: target.amount,
          method: target.method,
          reference: r.reference,
          received_by: '',
          reverses_payment_id: target.id,
          reversal_reason: 'reversal (imported)',
          receipt_split: null,
          created_at: now,
        };
        await paymentsOut.add(row);
        rows.push(row);
        counts.payments += 1;
      }
    };
    for (const { loanId, book, rows, fresh, passed } of postings) {
      // A loan with a payment too many is posted row by row, to name the row that is refused.
      for (const p of passed ? [] : fresh) {
        // Before the disbursement is a warning (a lender's sheet often dates an advance fee or a
        // deposit so); its amount is still held to the payoff, as on the disbursement day.
        const early = p.date < book.loan.start_date;
        if (early)
          warn(p.at, 'paymentDate', 'warn.paymentBeforeDisbursement', {
            date: p.date,
            startDate: book.loan.start_date,
          });
        try {
          checkPayment(book, early ? book.loan.start_date : p.date, p.amount, today);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const issue = (error.details as FieldIssue[] | undefined)?.[0];
          // Above the payoff: the lender needs the excess to find the mistyped amount.
          if (error.reason === 'payment.aboveDue') {
            const payoff = Number(error.params.payoff);
            reject(p.at, 'paymentAmount', 'payment.abovePayoff', {
              amount: formatAmount(p.amount),
              excess: formatAmount(p.amount - payoff),
              payoff: formatAmount(payoff),
              date: String(error.params.date),
            });
            continue;
          }
          reject(p.at, PAYMENT_FIELD[issue?.field ?? ''] ?? 'loanNumber', 'payment.refused', {
            detail: issue?.message ?? error.message.replace(/^\w+: /, ''),
            ...detailCoded({ reason: issue?.reason ?? error.reason, params: issue?.params ?? error.params }),
          });
          continue;
        }
        await addPayment(book, p, await nextReceiptNumber(trx, today));
        counts.payments += 1;
      }
      touched.delete(loanId);
      // The book holds every payment row queued above, so the status needs no second read.
      const { statement, row } = await currentStatusRow(trx, book, today, passed ?? undefined);
      await statusesOut.add({ loan_id: loanId, ...row });
      settled.push({ book, statement });
      await step('payments', rows);
    }
    await reverse(reversals);
    await statusesOut.flush();
    // Once every status row is written, as recordPayment settles a loan after its status.
    await settleStatuses(trx, settled, now);
    for (const loanId of new Set(reversals.flatMap((r) => loanIds.get(r.loanNumber) ?? []))) {
      const reread = await loadLoanRecords(trx, loanId);
      await settleStatuses(
        trx,
        [{ book: reread, statement: await refreshLoanStatus(trx, loanId, today) }],
        now,
      );
    }
    for (const loanId of touched) await refreshLoanStatus(trx, loanId, today);
    await applyStatuses(trx, ctx, { book, loanIds, skippedNumbers, writtenOff, recoveries, reject });

    options.onProgress?.({ ...progress, phase: 'finishing' });
    const unaccepted = book.warnings.length > 0 && !options.acceptWarnings;
    if (errors.length > 0 || unaccepted || options.dryRun) throw new RollBack();
    await appendAudit(trx, ctx, {
      entity: 'import',
      entityId: options.files.join(', ').slice(0, 200),
      action: 'import',
      after: counts,
    });
  };

  try {
    await ctx.db.transaction().execute(writeAll);
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return { ...counts, errors, warnings: book.warnings, committed: false };
  }
  return { ...counts, errors, warnings: book.warnings, committed: true };
}
