/**
 * The general-ledger journal, generated from the book and never typed: for one loan's month, the
 * double entries its events make (disbursement, fee, payments, reversals, charges, write-off,
 * recovery, collateral sale, accrual) from the facts the month-end cache keeps. Every entry
 * balances or is not made (`entry` throws): a journal that does not balance is a bug, not data.
 */
import type { IsoDate } from '../dates/civil';
import type { Minor } from '../money/amount';
import type { AccountingBasis, AccountRole } from './chart';

/** [payment id, date, principal, interest, penalty, charges, fee, unapplied, receipt number]. */
export type MonthAllocation = [number, IsoDate, Minor, Minor, Minor, Minor, Minor, Minor, string];

export const ENTRY_KINDS = [
  'disbursement',
  'fee',
  'payment',
  'paymentReversed',
  'reversal',
  'legalCharge',
  'legalExpense',
  'collateralSale',
  'saleCosts',
  'writeOff',
  'recovery',
  'repossession',
  'restructuring',
  'settlementCredit',
  'accrual',
  'nonAccrual',
  'provision',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface JournalLine {
  account: AccountRole;
  debit: Minor;
  credit: Minor;
}

export interface JournalEntry {
  /** Stable within a month: the voucher of one transaction keeps its number. */
  key: string;
  date: IsoDate;
  kind: EntryKind;
  loanId: number | null;
  loanNumber: string | null;
  /** The receipt number, legal case or sale the entry comes from, when there is one. */
  reference: string;
  lines: JournalLine[];
}

/** Where a loan's principal sits: on the loan book, under repossession, or nowhere (off the books). */
export type PrincipalHome = 'loans' | 'foreclosed' | null;

/** A loan's position at one month end, as the ledger reads it. */
export interface LedgerPosition {
  home: PrincipalHome;
  outstanding: Minor;
  /** Interest carried as receivable at that end (0 on the cash basis or once non-accrual). */
  receivable: Minor;
  /** Charges owed at that end. */
  charges: Minor;
}

/** Everything one loan did in a month that the journal records. */
export interface LoanMonthFacts {
  loanId: number;
  number: string;
  monthEnd: IsoDate;
  /** Made this month: its principal and the up-front fee it paid. */
  start: { date: IsoDate; principal: Minor; fee: Minor } | null;
  before: LedgerPosition;
  after: LedgerPosition & { daysPastDue: number };
  /** Accrual is the basis this month and the loan was accruing at the month before's end. */
  accruingAtStart: boolean;
  allocations: readonly MonthAllocation[];
  /** Payments paid out of collateral sale proceeds (held as a payable until applied). */
  fromSale: ReadonlySet<number>;
  /** Payments dated this month that were reversed later (or the same month). */
  reversedPayments: readonly { id: number; date: IsoDate; amount: Minor; receipt: string }[];
  /** Reversal rows dated this month. */
  reversals: readonly { id: number; date: IsoDate; amount: Minor; receipt: string }[];
  /** Legal costs this month: charged to the loan, or borne by the lender. */
  legalCosts: readonly { key: string; date: IsoDate; amount: Minor; charged: boolean; reference: string }[];
  /** Written off this month, on this day. */
  writeOffOn: IsoDate | null;
  recoveries: readonly { id: number; date: IsoDate; amount: Minor }[];
  sales: readonly { id: number; date: IsoDate; gross: Minor; costs: Minor }[];
  /** A schedule version took effect this month (a plan): a principal change is a restructuring. */
  rescheduled: boolean;
}

/** Days past due beyond which a loan stops accruing interest (non-accrual). */
export const NON_ACCRUAL_DAYS = 90;

/**
 * The loan accrues interest: the accrual basis, on the loan book (not under repossession), and
 * not over 90 days past due.
 */
export const isAccruing = (basis: AccountingBasis, home: PrincipalHome, daysPastDue: number): boolean =>
  basis === 'accrual' && home === 'loans' && daysPastDue <= NON_ACCRUAL_DAYS;

/** What the ledger carries as interest receivable for a loan at a month end. */
export const carriedReceivable = (
  basis: AccountingBasis,
  home: PrincipalHome,
  daysPastDue: number,
  earnedUnpaid: Minor,
): Minor => (isAccruing(basis, home, daysPastDue) ? earnedUnpaid : 0);

const line = (account: AccountRole, debit: Minor, credit: Minor): JournalLine => ({ account, debit, credit });

/** An entry from its lines, without the zero ones; throws when it does not balance. */
export function entry(head: Omit<JournalEntry, 'lines'>, lines: readonly JournalLine[]): JournalEntry | null {
  // One loop, no intermediate arrays: a month of Book-100k makes some 200,000 entries.
  const kept: JournalLine[] = [];
  let debit = 0;
  let credit = 0;
  for (const l of lines) {
    if (l.debit === 0 && l.credit === 0) continue;
    kept.push(l);
    debit += l.debit;
    credit += l.credit;
  }
  if (debit !== credit) throw new Error(`entry ${head.key} does not balance: ${debit} ≠ ${credit}`);
  return kept.length === 0 ? null : { ...head, lines: kept };
}

/** A line of `amount`, on the debit side when positive and the credit side when negative. */
const signed = (account: AccountRole, amount: Minor): JournalLine =>
  amount >= 0 ? line(account, amount, 0) : line(account, 0, -amount);

/** The loan's entries for the month, in date order (month-end entries last). */
export function loanMonthEntries(facts: LoanMonthFacts, basis: AccountingBasis): JournalEntry[] {
  const entries: (JournalEntry | null)[] = [];
  const head = (key: string, date: IsoDate, kind: EntryKind, reference = '') => ({
    key,
    date,
    kind,
    loanId: facts.loanId,
    loanNumber: facts.number,
    reference,
  });
  const { before, after, start } = facts;
  // Principal is credited where it sat at the month's start (a loan made this month: the book).
  const home: AccountRole = before.home ?? 'loans';
  let principalLeft = before.home ? before.outstanding : 0;
  let chargesLeft = before.home ? before.charges : 0;
  let receivable = before.receivable;

  if (start) {
    principalLeft += start.principal;
    entries.push(
      entry(head(`disbursement-${facts.loanId}`, start.date, 'disbursement'), [
        line('loans', start.principal, 0),
        line('bank', 0, start.principal),
      ]),
      entry(head(`fee-${facts.loanId}`, start.date, 'fee'), [
        line('bank', start.fee, 0),
        line('feeIncome', 0, start.fee),
      ]),
    );
  }
  for (const cost of facts.legalCosts) {
    if (cost.charged) chargesLeft += cost.amount;
    entries.push(
      entry(head(cost.key, cost.date, cost.charged ? 'legalCharge' : 'legalExpense', cost.reference), [
        line(cost.charged ? 'otherReceivables' : 'adminExpense', cost.amount, 0),
        line('bank', 0, cost.amount),
      ]),
    );
  }
  for (const sale of facts.sales) {
    // The buyer pays the lender; the proceeds are the borrower's until applied to the loan, and
    // the costs of the sale come out of them (beyond them, they are the lender's expense).
    const fromProceeds = Math.min(sale.costs, sale.gross);
    entries.push(
      entry(head(`sale-${sale.id}`, sale.date, 'collateralSale'), [
        line('bank', sale.gross, 0),
        line('otherPayables', 0, sale.gross),
      ]),
      entry(head(`sale-costs-${sale.id}`, sale.date, 'saleCosts'), [
        line('otherPayables', fromProceeds, 0),
        line('adminExpense', sale.costs - fromProceeds, 0),
        line('bank', 0, sale.costs),
      ]),
    );
  }
  const interestTo: AccountRole =
    basis === 'accrual' && facts.accruingAtStart ? 'interestReceivable' : 'interestIncome';
  for (const [
    id,
    date,
    principal,
    interest,
    penalty,
    charges,
    fee,
    unapplied,
    receipt,
  ] of facts.allocations) {
    const amount = principal + interest + penalty + charges + fee + unapplied;
    principalLeft -= principal;
    chargesLeft -= charges;
    if (interestTo === 'interestReceivable') receivable -= interest;
    entries.push(
      entry(head(`payment-${id}`, date, 'payment', receipt), [
        line(facts.fromSale.has(id) ? 'otherPayables' : 'bank', amount, 0),
        line(home, 0, principal),
        line(interestTo, 0, interest),
        line('penaltyIncome', 0, penalty),
        line('otherReceivables', 0, charges),
        line('feeIncome', 0, fee),
        line('otherPayables', 0, unapplied),
      ]),
    );
  }
  // A payment later reversed was money held, never the loan's: received into and returned from
  // other payables, so the loan's figures (which never saw it) and the bank both stay right.
  for (const p of facts.reversedPayments) {
    entries.push(
      entry(head(`payment-${p.id}`, p.date, 'paymentReversed', p.receipt), [
        line('bank', p.amount, 0),
        line('otherPayables', 0, p.amount),
      ]),
    );
  }
  for (const r of facts.reversals) {
    entries.push(
      entry(head(`reversal-${r.id}`, r.date, 'reversal', r.receipt), [
        line('otherPayables', r.amount, 0),
        line('bank', 0, r.amount),
      ]),
    );
  }

  let principalHome: AccountRole = home;
  if (facts.writeOffOn) {
    // Written off against the provision, whole; the month-end provision entry tops it up again.
    entries.push(
      entry(head(`write-off-${facts.loanId}`, facts.writeOffOn, 'writeOff'), [
        line('provision', principalLeft + chargesLeft, 0),
        line(home, 0, principalLeft),
        line('otherReceivables', 0, chargesLeft),
      ]),
    );
    principalLeft = 0;
  } else if (after.home && after.home !== home && principalLeft !== 0) {
    entries.push(
      entry(head(`repossession-${facts.loanId}`, facts.monthEnd, 'repossession'), [
        line(after.home, principalLeft, 0),
        line(home, 0, principalLeft),
      ]),
    );
    principalHome = after.home;
  }
  for (const r of facts.recoveries) {
    entries.push(
      entry(head(`recovery-${r.id}`, r.date, 'recovery'), [
        line('bank', r.amount, 0),
        line('provision', 0, r.amount),
      ]),
    );
  }
  // A plan that capitalised arrears (or a settlement that forgave some) moved the principal with
  // no money: recognised as interest, or forgiven against the provision.
  const moved = (after.home ? after.outstanding : 0) - principalLeft;
  if (moved !== 0 && facts.rescheduled && after.home) {
    entries.push(
      entry(
        head(`restructuring-${facts.loanId}`, facts.monthEnd, 'restructuring'),
        moved > 0
          ? [line(principalHome, moved, 0), line('interestIncome', 0, moved)]
          : [line('provision', -moved, 0), line(principalHome, 0, -moved)],
      ),
    );
  } else if (moved < 0 && after.outstanding === 0 && !facts.writeOffOn) {
    // Settled early: interest paid ahead on installments the settlement cancelled is handed back
    // and pays principal (the engine's `settleEarly`), so it stops being interest.
    entries.push(
      entry(head(`settlement-credit-${facts.loanId}`, facts.monthEnd, 'settlementCredit'), [
        line(interestTo, -moved, 0),
        line(principalHome, 0, -moved),
      ]),
    );
    if (interestTo === 'interestReceivable') receivable -= moved;
  }
  // Month end: accrue the interest earned (to the receivable the accrual basis keeps), or, for a
  // loan that went non-accrual (or left the book), reverse what was accrued and is unpaid.
  const accrued = after.receivable - receivable;
  if (accrued !== 0) {
    const kind = isAccruing(basis, after.home, after.daysPastDue) ? 'accrual' : 'nonAccrual';
    entries.push(
      entry(head(`${kind}-${facts.loanId}`, facts.monthEnd, kind), [
        signed('interestReceivable', accrued),
        signed('interestIncome', -accrued),
      ]),
    );
  }
  return entries
    .filter((e): e is JournalEntry => e !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The month-end provision entry: the account brought to what the rules require. */
export function provisionEntry(
  monthEnd: IsoDate,
  balanceBefore: Minor,
  required: Minor,
): JournalEntry | null {
  const charge = required - balanceBefore;
  return entry(
    { key: 'provision', date: monthEnd, kind: 'provision', loanId: null, loanNumber: null, reference: '' },
    [signed('impairmentLoss', charge), signed('provision', -charge)],
  );
}
