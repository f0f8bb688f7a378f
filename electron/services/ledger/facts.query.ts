/**
 * What the journal of a completed month is made from: each loan's two month ends from the
 * month-end cache (the same rows the report sums) and the month's dated events (payments and
 * their reversals, legal costs, write-offs, recoveries, collateral sales, plans). A few queries
 * for the whole book; nothing per loan.
 */
import { sql } from 'kysely';
import { addDays, lastDayOfMonth, monthOf } from '../../../shared/dates';
import type { LoanStatus } from '../../../shared/contract';
import type { AccountingBasis } from '../../../shared/ledger/chart';
import {
  NON_ACCRUAL_DAYS,
  carriedReceivable,
  isAccruing,
  type LoanMonthFacts,
  type MonthAllocation,
  type PrincipalHome,
} from '../../../shared/ledger/journal';
import { BOOK_STATUSES } from '../../../shared/reports/monthly';
import type { Db } from '../../db/db';
import { rowsAsArrays } from '../../db/rows-as-arrays';
import type { ServiceContext } from '../context';

/** Where a loan's principal sits at a month end, by its status then. */
export function homeOf(status: string | null): PrincipalHome {
  if (status === null) return null;
  if (BOOK_STATUSES.includes(status as LoanStatus)) return 'loans';
  return status === 'repossessed' ? 'foreclosed' : null;
}

/** One empty list for the many loans with no such event (60,000 loans, six lists each). */
const NONE: readonly never[] = Object.freeze([]);

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The month-end cache's figures at the month's end, as the report reads them: outstanding
 * principal of the book and of loans under repossession, interest accrued and unpaid of the loans
 * still accruing, and the interest the month's payments paid.
 */
export interface CacheSums {
  book: number;
  foreclosed: number;
  accrued: number;
  interestCollected: number;
}

/** The columns of the month's rows, in the order the query selects them. */
type FactsRow = [
  loanId: number,
  number: string,
  startDate: string,
  principal: number,
  upfrontFee: number,
  status: string,
  daysPastDue: number,
  outstanding: number,
  receivable: number,
  charges: number,
  ...tail: FactsTail,
];
type FactsTail = [
  allocations: string,
  pStatus: string | null,
  pDpd: number | null,
  pOutstanding: number | null,
  pReceivable: number | null,
  pCharges: number | null,
  collectedInterest: number,
];

export async function monthFacts(
  book: Pick<ServiceContext, 'db' | 'sqlite'>,
  month: string,
  basis: AccountingBasis,
  basisBefore: AccountingBasis,
): Promise<{ facts: LoanMonthFacts[]; cache: CacheSums }> {
  const { db } = book;
  const start = `${month}-01`;
  const end = lastDayOfMonth(month);
  const before = monthOf(addDays(start, -1));
  // As arrays, not objects: 60,000 rows of a month on Book-100k, read whole (see rowsAsArrays).
  const query = db
    .selectFrom('loan_month_ends as e')
    .innerJoin('loans as l', 'l.id', 'e.loan_id')
    .leftJoin('loan_month_ends as p', (j) =>
      j.onRef('p.loan_id', '=', 'e.loan_id').on('p.month', '=', before),
    )
    .select([
      'e.loan_id',
      'l.number',
      'l.start_date',
      'l.principal',
      'l.upfront_fee',
      'e.status',
      'e.days_past_due',
      'e.outstanding_principal',
      'e.interest_receivable',
      'e.charges_outstanding',
      'e.allocations',
      'p.status as p_status',
      'p.days_past_due as p_dpd',
      'p.outstanding_principal as p_outstanding',
      'p.interest_receivable as p_receivable',
      'p.charges_outstanding as p_charges',
      'e.collected_interest',
    ])
    .where('e.month', '=', month)
    .orderBy('e.loan_id')
    .compile();
  const rows = await rowsAsArrays<FactsRow>(book, query);

  // Reversals touching the month (the reversal, or the payment it reverses, dated in it), read
  // through the index of reversal rows: the month's other payments are in the allocations.
  const reversalPairs = await db
    .selectFrom('payments as r')
    .innerJoin('payments as o', 'o.id', 'r.reverses_payment_id')
    .select([
      'r.id',
      'r.loan_id',
      'r.date',
      'r.amount',
      'r.receipt_number',
      'o.id as o_id',
      'o.date as o_date',
      'o.amount as o_amount',
      'o.receipt_number as o_receipt',
    ])
    .where('r.reverses_payment_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('r.date', '>=', start), eb('r.date', '<=', end)]),
        eb.and([eb('o.date', '>=', start), eb('o.date', '<=', end)]),
      ]),
    )
    .execute();
  const reversedByLoan = new Map<number, LoanMonthFacts['reversedPayments'][number][]>();
  const reversalsByLoan = new Map<number, LoanMonthFacts['reversals'][number][]>();
  for (const p of reversalPairs) {
    if (p.date >= start && p.date <= end) {
      push(reversalsByLoan, p.loan_id, {
        id: p.id,
        date: p.date,
        amount: p.amount,
        receipt: p.receipt_number,
      });
    }
    if (p.o_date >= start && p.o_date <= end) {
      push(reversedByLoan, p.loan_id, {
        id: p.o_id,
        date: p.o_date,
        amount: p.o_amount,
        receipt: p.o_receipt,
      });
    }
  }

  const legal = await db
    .selectFrom('legal_case_events as v')
    .innerJoin('legal_cases as c', 'c.id', 'v.case_id')
    .select(['v.id', 'c.loan_id', 'c.id as case_id', 'v.date', 'v.cost', 'v.charge_to_loan'])
    .where('v.cost', '>', 0)
    .where('v.date', '>=', start)
    .where('v.date', '<=', end)
    .orderBy('v.id')
    .execute();
  const legalByLoan = new Map<number, LoanMonthFacts['legalCosts'][number][]>();
  for (const v of legal) {
    push(legalByLoan, v.loan_id, {
      key: `legal-${v.id}`,
      date: v.date,
      amount: v.cost,
      charged: v.charge_to_loan === 1,
      reference: `#${v.case_id}`,
    });
  }

  const writeOffs = new Map(
    (
      await db
        .selectFrom('loan_status_changes')
        .select(['loan_id', sql<string>`max(changed_on)`.as('on')])
        .where('to_status', '=', 'written-off')
        .where('changed_on', '>=', start)
        .where('changed_on', '<=', end)
        .groupBy('loan_id')
        .execute()
    ).map((r) => [r.loan_id, r.on]),
  );
  const recoveriesByLoan = new Map<number, LoanMonthFacts['recoveries'][number][]>();
  for (const r of await db
    .selectFrom('recoveries')
    .select(['id', 'loan_id', 'date', 'amount'])
    .where('date', '>=', start)
    .where('date', '<=', end)
    .execute()) {
    push(recoveriesByLoan, r.loan_id, { id: r.id, date: r.date, amount: r.amount });
  }

  const { sales: salesByLoan, fromSale } = await monthSales(db, start, end);
  const rescheduled = new Set(
    (
      await db
        .selectFrom('schedule_versions')
        .select('loan_id')
        .where('version', '>', 1)
        .where('effective_from', '>=', start)
        .where('effective_from', '<=', end)
        .execute()
    ).map((r) => r.loan_id),
  );

  const facts: LoanMonthFacts[] = [];
  const cache: CacheSums = { book: 0, foreclosed: 0, accrued: 0, interestCollected: 0 };
  const seen = new Set<number>();
  for (const row of rows) {
    const [loanId, number, startDate, principal, upfrontFee, status, dpd, outstanding, receivable, charges] =
      row;
    const [allocations, pStatus, pDpdRaw, pOutstanding, pReceivable, pCharges, collectedInterest] = row.slice(
      10,
    ) as FactsTail;
    seen.add(loanId);
    const startedNow = startDate >= start;
    const beforeHome = !startedNow && pStatus !== null ? homeOf(pStatus) : null;
    const afterHome = homeOf(status);
    const pDpd = Number(pDpdRaw ?? 0);
    const daysPastDue = Number(dpd);
    // The cache's own figures, summed as the report sums them, for the ties.
    if (afterHome === 'loans') {
      cache.book += outstanding;
      if (daysPastDue <= NON_ACCRUAL_DAYS) cache.accrued += receivable;
    } else if (afterHome === 'foreclosed') {
      cache.foreclosed += outstanding;
    }
    cache.interestCollected += collectedInterest;
    facts.push({
      loanId,
      number,
      monthEnd: end,
      start: startedNow ? { date: startDate, principal, fee: upfrontFee } : null,
      before: {
        home: beforeHome,
        outstanding: pOutstanding ?? 0,
        receivable: carriedReceivable(basisBefore, beforeHome, pDpd, pReceivable ?? 0),
        charges: pCharges ?? 0,
      },
      after: {
        home: afterHome,
        outstanding,
        receivable: carriedReceivable(basis, afterHome, daysPastDue, receivable),
        charges,
        daysPastDue,
      },
      accruingAtStart: basis === 'accrual' && isAccruing(basisBefore, beforeHome, pDpd),
      allocations: JSON.parse(allocations) as MonthAllocation[],
      fromSale,
      reversedPayments: reversedByLoan.get(loanId) ?? NONE,
      reversals: reversalsByLoan.get(loanId) ?? NONE,
      legalCosts: legalByLoan.get(loanId) ?? NONE,
      writeOffOn:
        status === 'written-off' && (beforeHome || startedNow) ? (writeOffs.get(loanId) ?? end) : null,
      recoveries: recoveriesByLoan.get(loanId) ?? NONE,
      sales: salesByLoan.get(loanId) ?? NONE,
      rescheduled: rescheduled.has(loanId),
    });
  }

  // Loans off the books all month still have money events: a recovery after write-off, a cost
  // borne by the lender, a sale. They have no month-end row, so no position to move.
  const offBook = [
    ...new Set([
      ...recoveriesByLoan.keys(),
      ...legalByLoan.keys(),
      ...salesByLoan.keys(),
      ...reversalsByLoan.keys(),
    ]),
  ].filter((id) => !seen.has(id));
  if (offBook.length > 0) {
    const numbers = new Map(
      (await db.selectFrom('loans').select(['id', 'number']).where('id', 'in', offBook).execute()).map(
        (l) => [l.id, l.number],
      ),
    );
    const nowhere = { home: null, outstanding: 0, receivable: 0, charges: 0 };
    for (const id of offBook) {
      facts.push({
        loanId: id,
        number: numbers.get(id) ?? String(id),
        monthEnd: end,
        start: null,
        before: nowhere,
        after: { ...nowhere, daysPastDue: 0 },
        accruingAtStart: false,
        allocations: [],
        fromSale,
        reversedPayments: reversedByLoan.get(id) ?? NONE,
        reversals: reversalsByLoan.get(id) ?? NONE,
        // Off the books, a cost charged to the loan is the lender's expense: no receivable is kept.
        legalCosts: (legalByLoan.get(id) ?? NONE).map((c) => ({ ...c, charged: false })),
        writeOffOn: null,
        recoveries: recoveriesByLoan.get(id) ?? NONE,
        sales: salesByLoan.get(id) ?? NONE,
        rescheduled: false,
      });
    }
  }
  return { facts, cache };
}

/** Collateral sales whose proceeds were applied this month, and the payments they made. */
async function monthSales(db: Db, start: string, end: string) {
  const applied = await db
    .selectFrom('repossession_steps as a')
    .innerJoin('repossessions as r', 'r.id', 'a.repossession_id')
    .select(['a.id', 'a.repossession_id', 'r.loan_id', 'a.date', 'a.payment_id'])
    .where('a.step', '=', 'applied')
    .where('a.reversed_at', 'is', null)
    .where('a.date', '>=', start)
    .where('a.date', '<=', end)
    .execute();
  const sales = new Map<number, LoanMonthFacts['sales'][number][]>();
  const fromSale = new Set<number>();
  if (applied.length === 0) return { sales, fromSale };
  const steps = await db
    .selectFrom('repossession_steps')
    .select(['repossession_id', 'gross_price', 'storage_cost', 'towing_cost', 'selling_costs'])
    .where(
      'repossession_id',
      'in',
      applied.map((a) => a.repossession_id),
    )
    .where('reversed_at', 'is', null)
    .execute();
  for (const a of applied) {
    const own = steps.filter((s) => s.repossession_id === a.repossession_id);
    const gross = own.reduce((s, x) => s + (x.gross_price ?? 0), 0);
    const costs = own.reduce(
      (s, x) => s + (x.storage_cost ?? 0) + (x.towing_cost ?? 0) + (x.selling_costs ?? 0),
      0,
    );
    push(sales, a.loan_id, { id: a.id, date: a.date, gross, costs });
    if (a.payment_id !== null) fromSale.add(a.payment_id);
  }
  return { sales, fromSale };
}
