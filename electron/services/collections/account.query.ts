import type {
  CollectionAccount,
  ContactRow,
  Dossier,
  TimelineEvent,
  VisitOutcome,
  VisitRow,
} from '../../../shared/contract/collections';
import { maskIdNumber } from '../../../shared/privacy/mask';
import { loadLoanRecords, effectivePayments } from '../loans/loan-records';
import { statementOf } from '../loans/statement';
import { partiesOf } from '../loans/loan.repository';
import { type Db } from '../../db/db';
import {
  collateralValueByLoan,
  currentValues,
  exposureOf,
  ltvBasisPoints,
  ltvOf,
} from '../collateral/coverage';
import { notFound } from '../errors';
import { evaluatedPromises } from './promises.query';
import { localTimeOf } from './local-time';
import type { ContactRecord, VisitRecord } from './tables';
import type { CollectionSettings } from '../../../shared/contract/collections';

const localStamp = (instant: string, timeZone: string) => {
  const l = localTimeOf(instant, timeZone);
  return `${l.date} ${l.hhmm}`;
};

export async function borrowerOf(db: Db, borrowerId: number) {
  const b = await db.selectFrom('borrowers').selectAll().where('id', '=', borrowerId).executeTakeFirst();
  if (!b) throw notFound('borrower.notFound', borrowerId);
  return b;
}

export async function contactRows(
  db: Db,
  records: readonly ContactRecord[],
  timeZone: string,
): Promise<ContactRow[]> {
  if (records.length === 0) return [];
  const names = new Map(
    (
      await db
        .selectFrom('borrowers')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(records.map((r) => r.party_borrower_id))])
        .execute()
    ).map((b) => [b.id, b.name]),
  );
  return records.map((r) => ({
    id: r.id,
    loanId: r.loan_id,
    partyBorrowerId: r.party_borrower_id,
    partyName: names.get(r.party_borrower_id) ?? '',
    party: r.party,
    channel: r.channel,
    at: r.at,
    localAt: localStamp(r.at, timeZone),
    durationSeconds: r.duration_seconds,
    outcome: r.outcome,
    notes: r.notes,
    followUpOn: r.follow_up_on,
    amendsContactId: r.amends_contact_id,
    amendedBy: records.filter((x) => x.amends_contact_id === r.id).map((x) => x.id),
    overrideReason: r.override_reason,
    overrideRules: r.override_rules ? r.override_rules.split(',') : [],
    loggedBy: r.logged_by,
  }));
}

export function visitRow(v: VisitRecord, timeZone: string): VisitRow {
  return {
    id: v.id,
    loanId: v.loan_id,
    plannedAt: v.planned_at,
    localAt: localStamp(v.planned_at, timeZone),
    addressKind: v.address_kind,
    address: v.address,
    team: JSON.parse(v.team) as string[],
    purpose: v.purpose,
    talkingPoints: v.talking_points,
    overrideReason: v.override_reason,
    plannedBy: v.planned_by,
    outcome: v.outcome === null ? null : (JSON.parse(v.outcome) as VisitOutcome),
  };
}

export async function collectionAccount(
  db: Db,
  loanId: number,
  today: string,
  now: string,
  settings: CollectionSettings,
): Promise<CollectionAccount> {
  const book = await loadLoanRecords(db, loanId);
  const statement = statementOf(book, today);
  const b = await borrowerOf(db, book.loan.borrower_id);
  const parties = await partiesOf(db, loanId);
  const contacts = await db
    .selectFrom('collection_contacts')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const promises = await db
    .selectFrom('promises_to_pay')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('id', 'desc')
    .execute();
  const visits = await db
    .selectFrom('collection_visits')
    .selectAll()
    .where('loan_id', '=', loanId)
    .orderBy('planned_at', 'desc')
    .execute();
  const unreachable = await db
    .selectFrom('borrower_unreachable')
    .select(['since', 'reason'])
    .where('borrower_id', '=', b.id)
    .executeTakeFirst();
  const assignment = await db
    .selectFrom('collection_assignments')
    .select('collector')
    .where('loan_id', '=', loanId)
    .executeTakeFirst();
  const outcomes = await db
    .selectFrom('contact_outcomes')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
  return {
    loanId,
    loanNumber: book.loan.number,
    product: book.loan.product,
    status: book.loan.status,
    borrower: {
      id: b.id,
      name: b.name,
      idNumberMasked: maskIdNumber(b.id_number),
      phone: b.phone,
      address: b.address,
      timeZone: b.time_zone,
    },
    borrowerLocalNow: localStamp(now, b.time_zone),
    unreachable: unreachable ?? null,
    parties: parties.map((p) => ({
      borrowerId: p.borrower_id,
      name: p.name,
      role: p.role,
      phone: p.phone,
      relationship: p.relationship,
    })),
    daysPastDue: statement.daysPastDue,
    bucket: statement.bucket,
    overdueAmount: statement.overdue.principal + statement.overdue.interest + statement.overdue.penalty,
    outstandingPrincipal: statement.outstandingPrincipal,
    collector: assignment?.collector ?? null,
    profile: settings.profile,
    outcomes: outcomes.map((o) => ({
      code: o.code,
      label: o.label,
      connected: o.connected === 1,
      translated: o.translated === 1,
    })),
    contacts: await contactRows(db, contacts, b.time_zone),
    promises: await evaluatedPromises(db, promises, today, settings.promiseToleranceDays),
    visits: visits.map((v) => visitRow(v, b.time_zone)),
  };
}

/**
 * One timeline of contacts, payments, promises and visits, newest first, for a loan or for
 * every loan of a borrower. (Plans and legal events join it once those features exist.)
 */
export async function timelineOf(
  db: Db,
  scope: { loanId?: number; borrowerId?: number },
  today: string,
  settings: CollectionSettings,
): Promise<TimelineEvent[]> {
  let loansQuery = db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.id', 'l.number', 'b.time_zone']);
  if (scope.loanId !== undefined) loansQuery = loansQuery.where('l.id', '=', scope.loanId);
  if (scope.borrowerId !== undefined) loansQuery = loansQuery.where('l.borrower_id', '=', scope.borrowerId);
  const loans = await loansQuery.execute();
  if (loans.length === 0) return [];
  const ids = loans.map((l) => l.id);
  const numberOf = new Map(loans.map((l) => [l.id, l.number]));
  const events: TimelineEvent[] = [];
  const zoneOf = new Map(loans.map((l) => [l.id, l.time_zone]));
  const base = (loanId: number, at: string) => ({
    loanId,
    loanNumber: numberOf.get(loanId) ?? '',
    at,
    localAt: at.length === 10 ? at : localStamp(at, zoneOf.get(loanId) ?? 'Asia/Shanghai'),
  });

  const contacts = await db
    .selectFrom('collection_contacts')
    .selectAll()
    .where('loan_id', 'in', ids)
    .execute();
  for (const c of contacts) {
    events.push({
      kind: 'contact',
      refId: c.id,
      ...base(c.loan_id, c.at),
      summary: { channel: c.channel, outcome: c.outcome, notes: c.notes },
    });
  }
  const payments = await db
    .selectFrom('payments')
    .selectAll()
    .where('loan_id', 'in', ids)
    .orderBy('id')
    .execute();
  const effective = new Set(effectivePayments(payments).map((p) => p.id));
  for (const p of payments) {
    if (p.reverses_payment_id !== null) continue;
    events.push({
      kind: 'payment',
      refId: p.id,
      ...base(p.loan_id, p.date),
      summary: { amount: p.amount, status: effective.has(p.id) ? 'posted' : 'reversed' },
    });
  }
  const promises = await db.selectFrom('promises_to_pay').selectAll().where('loan_id', 'in', ids).execute();
  for (const p of await evaluatedPromises(db, promises, today, settings.promiseToleranceDays)) {
    events.push({
      kind: 'promise',
      refId: p.id,
      ...base(p.loanId, p.madeOn),
      summary: { amount: p.amount, date: p.dueDate, status: p.status },
    });
  }
  const visits = await db.selectFrom('collection_visits').selectAll().where('loan_id', 'in', ids).execute();
  for (const v of visits) {
    events.push({
      kind: 'visit',
      refId: v.id,
      ...base(v.loan_id, v.planned_at),
      summary: { status: v.outcome === null ? 'planned' : 'done', notes: v.purpose },
    });
  }
  const legal = await db
    .selectFrom('legal_case_events as e')
    .innerJoin('legal_cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.stage', 'e.date', 'e.note', 'e.cost', 'c.loan_id'])
    .where('c.loan_id', 'in', ids)
    .execute();
  for (const e of legal) {
    events.push({
      kind: 'legal',
      refId: e.id,
      ...base(e.loan_id, e.date),
      summary: { status: e.stage, notes: e.note, amount: e.cost },
    });
  }
  return events.sort((a, b) => b.at.localeCompare(a.at) || b.refId - a.refId);
}

/** Everything two collectors need on paper before a visit; IDs are masked. */
export async function dossierOf(
  db: Db,
  visitId: number,
  today: string,
  now: string,
  settings: CollectionSettings,
  companyName: string,
): Promise<Dossier> {
  const visit = await db
    .selectFrom('collection_visits')
    .selectAll()
    .where('id', '=', visitId)
    .executeTakeFirst();
  if (!visit) throw notFound('visit.notFound', visitId);
  const account = await collectionAccount(db, visit.loan_id, today, now, settings);
  const book = await loadLoanRecords(db, visit.loan_id);
  const statement = statementOf(book, today);
  const b = await borrowerOf(db, book.loan.borrower_id);
  const parties = await partiesOf(db, visit.loan_id);

  const links = await db
    .selectFrom('collateral_links as k')
    .innerJoin('collateral_items as i', 'i.id', 'k.item_id')
    .select(['i.id', 'i.description'])
    .where('k.loan_id', '=', visit.loan_id)
    .where('i.status', '=', 'active')
    .execute();
  const values = await currentValues(
    db,
    today,
    links.map((l) => l.id),
  );
  const valuedOn = new Map<number, string>();
  if (links.length > 0) {
    const dated = await db
      .selectFrom('collateral_valuations')
      .select(['item_id', 'date'])
      .where(
        'item_id',
        'in',
        links.map((l) => l.id),
      )
      .where('voided_at', 'is', null)
      .where('date', '<=', today)
      .orderBy('date')
      .orderBy('id')
      .execute();
    for (const d of dated) valuedOn.set(d.item_id, d.date);
  }
  const allocated = (await collateralValueByLoan(db, today, [visit.loan_id])).get(visit.loan_id);
  const ltv = allocated === undefined ? null : ltvOf(exposureOf(statement), allocated);

  return {
    visit: visitRow(visit, b.time_zone),
    companyName,
    printedOn: today,
    borrower: { name: b.name, idNumberMasked: maskIdNumber(b.id_number), phone: b.phone, address: b.address },
    guarantors: parties
      .filter((p) => p.role === 'guarantor')
      .map((p) => ({
        name: p.name,
        idNumberMasked: maskIdNumber(p.id_number),
        phone: p.phone,
        relationship: p.relationship,
      })),
    loan: {
      number: book.loan.number,
      product: book.loan.product,
      principal: book.loan.principal,
      outstandingPrincipal: statement.outstandingPrincipal,
      daysPastDue: statement.daysPastDue,
      bucket: statement.bucket,
      overdueAmount: account.overdueAmount,
      nextDueDate: statement.nextDue?.dueDate ?? null,
    },
    payments: effectivePayments(book.paymentRows)
      .map((p) => ({ date: p.date, amount: p.amount, receiptNumber: p.ref ?? '' }))
      .sort((x, y) => y.date.localeCompare(x.date))
      .slice(0, 12),
    collateral: links.map((l) => ({
      description: l.description,
      value: valuedOn.has(l.id) ? (values.get(l.id) ?? 0) : null,
      valuedOn: valuedOn.get(l.id) ?? null,
    })),
    ltvBasisPoints: ltv === null ? null : ltvBasisPoints(ltv),
    contacts: account.contacts.slice(0, 10),
    promises: account.promises.slice(0, 10),
  };
}
