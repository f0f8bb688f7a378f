/**
 * Where the book stands on collateral today: per loan its exposure, collateral value and LTV;
 * per item its value and shares; and the alerts. One pass serves the alerts list, the register,
 * the loan card and the borrower page, so all four tell the same story.
 */
import { OPEN_STATUSES, type CollateralAlert, type Coverage } from '../../../shared/contract';
import type { LoanStatus } from '../../../shared/contract';
import {
  detailsFinding,
  documentFindings,
  insuranceFinding,
  ltvFinding,
  valuationFinding,
  type CollateralRules,
  type Finding,
} from '../../../shared/collateral/alerts';
import { ltvBasisPoints, ltvOf } from '../../../shared/collateral/coverage';
import { ALERT_KINDS, type AlertKind } from '../../../shared/collateral/kinds';
import type { Db } from '../../db/db';
import { loadLoanRecords } from '../loans/loan-records';
import { statementOf } from '../loans/statement';
import { exposureOf, itemShares } from './coverage';
import { labelOf } from './item.repository';
import type { CollateralItemRecord } from './tables';

export interface LoanPosition extends Coverage {
  loanId: number;
  number: string;
  status: LoanStatus;
  borrowerId: number;
  borrowerName: string;
  /** itemId → this loan's share of that item's value. */
  shares: Map<number, number>;
}

/** What the position needs of an item: its label and the facts the alert rules read. */
const POSITION_COLUMNS = [
  'id',
  'kind',
  'borrower_id',
  'address',
  'title_certificate_no',
  'vin',
  'plate',
  'make',
  'model',
  'year',
  'insurance_expiry',
  'holds_title_certificate',
  'mortgage_registration_no',
  'holds_mortgage_registration',
  'holds_registration_certificate',
] as const;

export interface ItemPosition {
  record: Pick<CollateralItemRecord, (typeof POSITION_COLUMNS)[number]>;
  borrowerName: string;
  value: number;
  valuationDate: string | null;
  /** loanId → share, for the open loans it secures. */
  shares: Map<number, number>;
  worstLtvBasisPoints: number | null;
}

export interface BookPosition {
  loans: Map<number, LoanPosition>;
  items: Map<number, ItemPosition>;
  alerts: CollateralAlert[];
  /** itemId → the kinds of alert it raises, in ALERT_KINDS order. */
  alertKindsByItem: Map<number, AlertKind[]>;
}

/**
 * Exposure of each loan today, from the status cache where the cache still holds for today, and
 * from the engine (in memory, nothing written) where it does not: a row computed for another
 * date whose figures move with the calendar (an installment fell due, or penalty accrues), or
 * one computed for a later date (an --as-of in the past). Reading alerts never writes.
 */
export async function exposureByLoan(db: Db, today: string, loanIds?: readonly number[]) {
  const exposures = new Map<number, number>();
  if (loanIds?.length === 0) return exposures;
  let query = db
    .selectFrom('loan_status')
    .select([
      'loan_id',
      'computed_as_of',
      'next_due_date',
      'oldest_unpaid_due_date',
      'outstanding_principal',
      'overdue_interest',
      'penalty_due',
    ])
    .where('loan_id', 'in', (eb) =>
      eb
        .selectFrom('loans')
        .select('id')
        .where('status', 'in', [...OPEN_STATUSES]),
    );
  if (loanIds) query = query.where('loan_id', 'in', [...loanIds]);
  for (const r of await query.execute()) {
    const moved =
      r.computed_as_of !== today &&
      (r.computed_as_of > today ||
        (r.next_due_date !== null && r.next_due_date <= today) ||
        (r.oldest_unpaid_due_date !== null && r.oldest_unpaid_due_date < today));
    exposures.set(
      r.loan_id,
      moved
        ? exposureOf(statementOf(await loadLoanRecords(db, r.loan_id), today))
        : r.outstanding_principal + r.overdue_interest + r.penalty_due,
    );
  }
  return exposures;
}

/**
 * The position of the loans in `scope` (all open secured loans when omitted), with every item
 * that secures them. Items that secure no open loan carry no exposure and raise no alert.
 */
export async function bookPosition(
  db: Db,
  today: string,
  rules: CollateralRules,
  scope?: { loanIds?: readonly number[]; itemIds?: readonly number[] },
): Promise<BookPosition> {
  let loanIds = scope?.loanIds;
  if (scope?.itemIds) {
    const ids = scope.itemIds.length === 0 ? [] : scope.itemIds;
    const linked = ids.length
      ? await db
          .selectFrom('collateral_links')
          .select('loan_id')
          .where('item_id', 'in', [...ids])
          .execute()
      : [];
    loanIds = [...new Set([...(loanIds ?? []), ...linked.map((r) => r.loan_id)])];
  }
  const split = await itemShares(db, today, loanIds);
  // The whole book is read without ID lists; a scope reads just the loans and items it touches.
  const whole = loanIds === undefined;
  const allLoanIds = [...new Set([...split.values()].flatMap((s) => [...s.shares.keys()]))];
  const itemIds = [...split.keys()];

  let loanQuery = db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.id', 'l.number', 'l.status', 'l.borrower_id', 'b.name'])
    .where('l.status', 'in', [...OPEN_STATUSES]);
  let itemQuery = db
    .selectFrom('collateral_items as i')
    .innerJoin('borrowers as b', 'b.id', 'i.borrower_id')
    .select(POSITION_COLUMNS.map((c) => `i.${c}` as const))
    .select('b.name as borrower_name')
    .where('i.status', '=', 'active');
  if (!whole) {
    loanQuery = loanQuery.where('l.id', 'in', allLoanIds.length ? allLoanIds : [0]);
    itemQuery = itemQuery.where('i.id', 'in', itemIds.length ? itemIds : [0]);
  }
  const [loanRows, itemRows, exposures] = await Promise.all([
    loanQuery.execute(),
    itemQuery.execute(),
    exposureByLoan(db, today, whole ? undefined : allLoanIds),
  ]);

  const loans = new Map<number, LoanPosition>();
  const secured = new Set(allLoanIds);
  for (const l of loanRows) {
    if (!secured.has(l.id)) continue;
    loans.set(l.id, {
      loanId: l.id,
      number: l.number,
      status: l.status,
      borrowerId: l.borrower_id,
      borrowerName: l.name,
      exposure: exposures.get(l.id) ?? 0,
      value: 0,
      ltvBasisPoints: null,
      shares: new Map(),
    });
  }
  const items = new Map<number, ItemPosition>();
  for (const r of itemRows) {
    const { borrower_name, ...record } = r;
    const s = split.get(r.id);
    if (!s) continue; // secures no open loan
    items.set(r.id, {
      record,
      borrowerName: borrower_name,
      value: s.value,
      valuationDate: s.date,
      shares: s.shares,
      worstLtvBasisPoints: null,
    });
    for (const [loanId, share] of s.shares) {
      const loan = loans.get(loanId);
      if (!loan) continue;
      loan.shares.set(r.id, share);
      loan.value += share;
    }
  }
  for (const loan of loans.values()) {
    const ltv = ltvOf(loan.exposure, loan.value);
    loan.ltvBasisPoints = ltv ? ltvBasisPoints(ltv) : null;
  }
  for (const item of items.values()) {
    const ltvs = [...item.shares.keys()].map((id) => loans.get(id)?.ltvBasisPoints ?? null);
    const known = ltvs.filter((x): x is number => x !== null);
    item.worstLtvBasisPoints = known.length ? Math.max(...known) : null;
  }

  const alerts = alertsOf(loans, items, today, rules);
  const wanted = scope?.loanIds && !scope.itemIds ? new Set(scope.loanIds) : null;
  const shown = wanted ? alerts.filter((a) => wanted.has(a.loanId)) : alerts;
  const alertKindsByItem = new Map<number, AlertKind[]>();
  for (const a of shown) {
    const kinds = alertKindsByItem.get(a.itemId) ?? [];
    if (!kinds.includes(a.kind)) alertKindsByItem.set(a.itemId, [...kinds, a.kind]);
  }
  for (const [id, kinds] of alertKindsByItem)
    alertKindsByItem.set(
      id,
      [...kinds].sort((x, y) => ALERT_KINDS.indexOf(x) - ALERT_KINDS.indexOf(y)),
    );
  return { loans, items, alerts: shown, alertKindsByItem };
}

/**
 * What the register and the alerts list read of the book's position: every alert, the kinds each
 * item raises, and each item's value and worst LTV. Small enough to keep between calls.
 */
export interface RegisterPosition extends Pick<BookPosition, 'alerts' | 'alertKindsByItem'> {
  items: Map<number, Pick<ItemPosition, 'value' | 'valuationDate' | 'worstLtvBasisPoints'>>;
}

/** Loans per slice when the whole book's position is computed a slice at a time. */
const SLICE_LOANS = 5000;

/**
 * The whole book's register position, computed a few thousand loans at a time. A slice's
 * position is the book's for its loans (an item's split still counts every loan it secures), and
 * as an item secures loans of its owner only, cutting at borrower boundaries values it once.
 * At 100k loans the whole position at once took ~200 MB of heap; a slice takes a twentieth.
 */
export async function registerPositionOfBook(
  db: Db,
  today: string,
  rules: CollateralRules,
  sliceLoans = SLICE_LOANS,
): Promise<RegisterPosition> {
  const secured = await db
    .selectFrom('loans as l')
    .select(['l.id', 'l.borrower_id'])
    .where('l.status', 'in', [...OPEN_STATUSES])
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('collateral_links as k').select('k.item_id').whereRef('k.loan_id', '=', 'l.id')),
    )
    .orderBy('l.borrower_id')
    .orderBy('l.id')
    .execute();
  const whole: RegisterPosition = { alerts: [], alertKindsByItem: new Map(), items: new Map() };
  for (let from = 0; from < secured.length;) {
    let to = Math.min(from + sliceLoans, secured.length);
    while (to < secured.length && secured[to]!.borrower_id === secured[to - 1]!.borrower_id) to++;
    const slice = await bookPosition(db, today, rules, {
      loanIds: secured.slice(from, to).map((l) => l.id),
    });
    whole.alerts.push(...slice.alerts);
    for (const [id, kinds] of slice.alertKindsByItem) whole.alertKindsByItem.set(id, kinds);
    for (const [id, item] of slice.items)
      whole.items.set(id, {
        value: item.value,
        valuationDate: item.valuationDate,
        worstLtvBasisPoints: item.worstLtvBasisPoints,
      });
    from = to;
  }
  whole.alerts.sort(alertOrder);
  return whole;
}

function alertsOf(
  loans: Map<number, LoanPosition>,
  items: Map<number, ItemPosition>,
  today: string,
  rules: CollateralRules,
): CollateralAlert[] {
  const alerts: CollateralAlert[] = [];
  const push = (f: Finding, loan: LoanPosition, itemId: number) =>
    alerts.push({
      ...f,
      loanId: loan.loanId,
      loanNumber: loan.number,
      itemId,
      item: labelOf(items.get(itemId)!.record),
      borrowerId: loan.borrowerId,
      borrowerName: loan.borrowerName,
    });

  for (const loan of loans.values()) {
    const collateral = [...loan.shares].map(([itemId, value]) => ({
      itemId,
      kind: items.get(itemId)!.record.kind,
      value,
    }));
    const ltv = ltvFinding(loan.exposure, collateral, rules);
    // The item named on an LTV alert is the loan's largest piece of collateral.
    const main = [...collateral].sort((a, b) => b.value - a.value || a.itemId - b.itemId)[0];
    if (ltv && main) push(ltv, loan, main.itemId);

    for (const { itemId } of collateral) {
      const r = items.get(itemId)!;
      const findings = [
        valuationFinding({ kind: r.record.kind, latestValuationDate: r.valuationDate }, today, rules),
        insuranceFinding({ kind: r.record.kind, insuranceExpiry: r.record.insurance_expiry }, today, rules),
        ...documentFindings({
          kind: r.record.kind,
          holdsTitleCertificate: r.record.holds_title_certificate === 1,
          mortgageRegistrationNo: r.record.mortgage_registration_no,
          holdsMortgageRegistration: r.record.holds_mortgage_registration === 1,
          holdsRegistrationCertificate: r.record.holds_registration_certificate === 1,
        }),
        detailsFinding(r.record),
      ];
      for (const f of findings) if (f) push(f, loan, itemId);
    }
  }
  return alerts.sort(alertOrder);
}

const kindOrder = (k: string) => ALERT_KINDS.indexOf(k as (typeof ALERT_KINDS)[number]);
/** Alerts by loan number, then kind, then item (a stable sort keeps a loan's findings in order). */
const alertOrder = (a: CollateralAlert, b: CollateralAlert) =>
  a.loanNumber.localeCompare(b.loanNumber) || kindOrder(a.kind) - kindOrder(b.kind) || a.itemId - b.itemId;
