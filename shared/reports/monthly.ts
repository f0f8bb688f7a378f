/**
 * The monthly recovery report's figures, defined once, computed from engine statements.
 * The service layer gathers, per loan, its position at the end of the day before the month
 * (`atStart`) and at the end of the month (`atEnd`), the status on both days, and what the
 * month's payments paid — from engine statements (`monthOfLoan`), or from the month-end cache
 * the engine filled. Everything here is pure arithmetic on those, so the definitions can be read
 * and tested in one place.
 */
import type { Product, LoanStatus } from '../contract/loans';
import { AGING_BUCKETS, bucketOf, type AgingBucket } from '../engine/buckets';
import type { Statement } from '../engine/statement';
import { rate4 } from './rates';

export const BOOK_STATUSES: readonly LoanStatus[] = ['active', 'restructured', 'legal'];
export const PAR_THRESHOLDS = [1, 30, 60, 90] as const;

/** The part of an engine statement the report reads: a loan's position on one day. */
export type Position = Pick<Statement, 'daysPastDue' | 'bucket' | 'outstandingPrincipal' | 'overdue'>;

/**
 * Only the position of a statement: a month still running keeps one per loan at each end, and
 * whole statements (every installment and allocation) for 100,000 loans came to about 2 GB.
 */
export const positionOf = (s: Position): Position => ({
  daysPastDue: s.daysPastDue,
  bucket: s.bucket,
  outstandingPrincipal: s.outstandingPrincipal,
  overdue: { ...s.overdue },
});

/** What the payments dated in the month paid, as the engine split them. */
export interface Collected {
  penalty: number;
  interest: number;
  principal: number;
  /** Costs charged to the loan (legal costs), paid back. */
  charges: number;
  payments: number;
}

/** One loan's month: its positions at both ends, what was collected, and what was recovered. */
export interface LoanMonth {
  atStart: Position | null;
  atEnd: Position;
  collected: Collected;
  /** Paid during the month of what was overdue at its start (0 without `atStart`). */
  recovered: number;
}

export interface ReportLoan extends LoanMonth {
  id: number;
  number: string;
  product: Product;
  borrowerId: number;
  borrowerName: string;
  borrowerIdMasked: string;
  startDate: string;
  upfrontFee: number;
  statusAtStart: LoanStatus | null;
  statusAtEnd: LoanStatus;
}

export interface BucketCell {
  count: number;
  outstanding: number;
}

export interface AgingTable {
  buckets: Record<AgingBucket, BucketCell>;
  outstanding: number;
  par: Record<`par${(typeof PAR_THRESHOLDS)[number]}`, string>;
}

export type RollColumn = AgingBucket | 'paid-off' | 'written-off' | 'repossessed' | 'restructured';
export const ROLL_COLUMNS: readonly RollColumn[] = [
  ...AGING_BUCKETS,
  'paid-off',
  'written-off',
  'repossessed',
  'restructured',
];

export interface MonthlyFigures {
  month: string;
  monthStart: string;
  monthEnd: string;
  summary: {
    loansInBook: number;
    outstanding: number;
    overdueLoans: number;
    overdueAmount: number;
    par: AgingTable['par'];
  };
  collections: {
    penalty: number;
    interest: number;
    principal: number;
    fees: number;
    total: number;
    payments: number;
  };
  recovery: {
    overdueAtStart: number;
    recoveredFromStartOverdue: number;
    recoveryRate: string;
    overdueLoansAtStart: number;
    curedLoans: number;
    cureRate: string;
    newDelinquencies: number;
  };
  rollRate: { from: AgingBucket; to: Record<RollColumn, BucketCell> }[];
  aging: { all: AgingTable; mortgage: AgingTable; 'car-title': AgingTable; 'other-secured': AgingTable };
  topOverdue: {
    loanNumber: string;
    borrower: string;
    borrowerIdMasked: string;
    daysPastDue: number;
    bucket: AgingBucket;
    outstanding: number;
    exposure: number;
  }[];
  concentration: {
    top: { borrower: string; borrowerIdMasked: string; outstanding: number; share: string }[];
    topShare: string;
  };
}

const inBook = (status: LoanStatus | null, started: boolean) =>
  started && status !== null && BOOK_STATUSES.includes(status);

const overdueTotal = (s: Position) => s.overdue.principal + s.overdue.interest + s.overdue.penalty;

/** Exposure on a loan: outstanding principal, overdue interest and penalty due. */
export const exposureOf = (s: Position) => s.outstandingPrincipal + s.overdue.interest + s.overdue.penalty;

export function emptyCells(): Record<AgingBucket, BucketCell> {
  return Object.fromEntries(AGING_BUCKETS.map((b) => [b, { count: 0, outstanding: 0 }])) as Record<
    AgingBucket,
    BucketCell
  >;
}

/** Aging buckets and PARx = outstanding of loans with DPD > x over total outstanding. */
export function agingOf(statements: readonly Position[]): AgingTable {
  const buckets = emptyCells();
  for (const s of statements) {
    buckets[s.bucket].count += 1;
    buckets[s.bucket].outstanding += s.outstandingPrincipal;
  }
  const atRisk = (x: number) =>
    statements.filter((s) => s.daysPastDue > x).reduce((sum, s) => sum + s.outstandingPrincipal, 0);
  return agingTable(buckets, atRisk);
}

/** The aging table from its bucket cells and the outstanding principal at risk past each threshold. */
export function agingTable(
  buckets: Record<AgingBucket, BucketCell>,
  atRisk: (threshold: (typeof PAR_THRESHOLDS)[number]) => number,
): AgingTable {
  const outstanding = AGING_BUCKETS.reduce((sum, b) => sum + buckets[b].outstanding, 0);
  return {
    buckets,
    outstanding,
    par: Object.fromEntries(
      PAR_THRESHOLDS.map((x) => [`par${x}`, rate4(atRisk(x), outstanding)]),
    ) as AgingTable['par'],
  };
}

/**
 * Of what was overdue at the start of the month (unpaid principal, interest and penalty of
 * overdue installments), how much was paid during the month. Penalty that accrued during the
 * month is not part of the start's overdue amount, so at most the start's penalty counts.
 */
export function recoveredFromStartOverdue(atStart: Statement, atEnd: Statement): number {
  let recovered = 0;
  atStart.installments.forEach((before, i) => {
    if (before.status !== 'overdue' && before.penaltyDue === 0) return;
    const after = atEnd.installments[i];
    if (!after) return;
    if (before.status === 'overdue') {
      recovered += after.paidPrincipal - before.paidPrincipal + (after.paidInterest - before.paidInterest);
    }
    recovered += Math.min(after.paidPenalty - before.paidPenalty, before.penaltyDue);
  });
  return recovered;
}

/** A loan's month from engine statements at the day before the month and at its end. */
export function monthOfLoan(atStart: Statement | null, atEnd: Statement, monthStart: string): LoanMonth {
  const collected = { penalty: 0, interest: 0, principal: 0, charges: 0, payments: 0 };
  for (const a of atEnd.allocations) {
    if (a.date < monthStart) continue;
    collected.penalty += a.penalty;
    collected.interest += a.interest;
    collected.principal += a.principal;
    collected.charges += a.charges;
    collected.payments += 1;
  }
  return {
    atStart: atStart && positionOf(atStart),
    atEnd: positionOf(atEnd),
    collected,
    recovered: atStart ? recoveredFromStartOverdue(atStart, atEnd) : 0,
  };
}

function rollColumn(loan: ReportLoan): RollColumn {
  if (loan.statusAtEnd === 'written-off') return 'written-off';
  if (loan.statusAtEnd === 'repossessed') return 'repossessed';
  if (loan.statusAtEnd === 'closed') return 'paid-off';
  if (loan.statusAtEnd === 'restructured' && loan.statusAtStart !== 'restructured') return 'restructured';
  return loan.atEnd.bucket;
}

/** The roll-rate table with every cell at zero: from each bucket at the start to each column. */
export function emptyRollTable(): Map<AgingBucket, Record<RollColumn, BucketCell>> {
  return new Map(
    AGING_BUCKETS.map((b) => [
      b,
      Object.fromEntries(ROLL_COLUMNS.map((c) => [c, { count: 0, outstanding: 0 }])) as Record<
        RollColumn,
        BucketCell
      >,
    ]),
  );
}

/** The recovery section from its counts and sums: the rates are defined here only. */
export function recoverySection(c: {
  overdueAtStart: number;
  recovered: number;
  overdueLoansAtStart: number;
  curedLoans: number;
  newDelinquencies: number;
}): MonthlyFigures['recovery'] {
  return {
    overdueAtStart: c.overdueAtStart,
    recoveredFromStartOverdue: c.recovered,
    recoveryRate: rate4(c.recovered, c.overdueAtStart),
    overdueLoansAtStart: c.overdueLoansAtStart,
    curedLoans: c.curedLoans,
    cureRate: rate4(c.curedLoans, c.overdueLoansAtStart),
    newDelinquencies: c.newDelinquencies,
  };
}

/** The concentration section: the top borrowers and their shares of the book's outstanding. */
export function concentrationSection(
  top: Omit<MonthlyFigures['concentration']['top'][number], 'share'>[],
  outstanding: number,
): MonthlyFigures['concentration'] {
  return {
    top: top.map((t) => ({ ...t, share: rate4(t.outstanding, outstanding) })),
    topShare: rate4(
      top.reduce((s, t) => s + t.outstanding, 0),
      outstanding,
    ),
  };
}

export function monthlyFigures(
  month: string,
  monthStart: string,
  monthEnd: string,
  loans: readonly ReportLoan[],
): MonthlyFigures {
  const bookAtEnd = loans.filter((l) => inBook(l.statusAtEnd, l.startDate <= monthEnd));
  const bookAtStart = loans.filter(
    (l) => l.atStart !== null && inBook(l.statusAtStart, l.startDate < monthStart),
  );
  const endStatements = bookAtEnd.map((l) => l.atEnd);
  const all = agingOf(endStatements);

  // Collected: every payment dated in the month, as the engine split it.
  const collections = { penalty: 0, interest: 0, principal: 0, fees: 0, total: 0, payments: 0 };
  for (const loan of loans) {
    collections.penalty += loan.collected.penalty;
    collections.interest += loan.collected.interest;
    collections.principal += loan.collected.principal;
    // Costs charged to the loan (legal costs) come back as fees.
    collections.fees += loan.collected.charges;
    collections.payments += loan.collected.payments;
    // Up-front fees are taken when the loan is disbursed.
    if (loan.startDate >= monthStart && loan.startDate <= monthEnd) collections.fees += loan.upfrontFee;
  }
  collections.total = collections.penalty + collections.interest + collections.principal + collections.fees;

  let overdueAtStart = 0;
  let recovered = 0;
  let overdueLoansAtStart = 0;
  let curedLoans = 0;
  let newDelinquencies = 0;
  const roll = emptyRollTable();
  for (const loan of bookAtStart) {
    const start = loan.atStart!;
    overdueAtStart += overdueTotal(start);
    recovered += loan.recovered;
    const column = rollColumn(loan);
    // Roll rates follow balances: the cell carries the principal that stood in the row's bucket.
    const cell = roll.get(start.bucket)![column];
    cell.count += 1;
    cell.outstanding += start.outstandingPrincipal;
    if (start.daysPastDue > 0) {
      overdueLoansAtStart += 1;
      if (column === 'paid-off' || (BOOK_STATUSES.includes(loan.statusAtEnd) && loan.atEnd.daysPastDue === 0))
        curedLoans += 1;
    } else if (BOOK_STATUSES.includes(loan.statusAtEnd) && loan.atEnd.daysPastDue > 0) {
      newDelinquencies += 1;
    }
  }

  const byProduct = (p: Product) => agingOf(bookAtEnd.filter((l) => l.product === p).map((l) => l.atEnd));

  const topOverdue = bookAtEnd
    .filter((l) => l.atEnd.daysPastDue > 0)
    .map((l) => ({
      loanNumber: l.number,
      borrower: l.borrowerName,
      borrowerIdMasked: l.borrowerIdMasked,
      daysPastDue: l.atEnd.daysPastDue,
      bucket: bucketOf(l.atEnd.daysPastDue),
      outstanding: l.atEnd.outstandingPrincipal,
      exposure: exposureOf(l.atEnd),
    }))
    .sort((a, b) => b.exposure - a.exposure || a.loanNumber.localeCompare(b.loanNumber))
    .slice(0, 10);

  const byBorrower = new Map<number, { borrower: string; borrowerIdMasked: string; outstanding: number }>();
  for (const l of bookAtEnd) {
    const entry = byBorrower.get(l.borrowerId) ?? {
      borrower: l.borrowerName,
      borrowerIdMasked: l.borrowerIdMasked,
      outstanding: 0,
    };
    entry.outstanding += l.atEnd.outstandingPrincipal;
    byBorrower.set(l.borrowerId, entry);
  }
  const top = [...byBorrower.values()]
    .sort((a, b) => b.outstanding - a.outstanding || a.borrower.localeCompare(b.borrower))
    .slice(0, 10);

  return {
    month,
    monthStart,
    monthEnd,
    summary: {
      loansInBook: bookAtEnd.length,
      outstanding: all.outstanding,
      overdueLoans: endStatements.filter((s) => s.daysPastDue > 0).length,
      overdueAmount: endStatements.reduce((sum, s) => sum + overdueTotal(s), 0),
      par: all.par,
    },
    collections,
    recovery: recoverySection({
      overdueAtStart,
      recovered,
      overdueLoansAtStart,
      curedLoans,
      newDelinquencies,
    }),
    rollRate: AGING_BUCKETS.map((from) => ({ from, to: roll.get(from)! })),
    aging: {
      all,
      mortgage: byProduct('mortgage'),
      'car-title': byProduct('car-title'),
      'other-secured': byProduct('other-secured'),
    },
    topOverdue,
    concentration: concentrationSection(top, all.outstanding),
  };
}
