import { buildSchedule, type PrepaymentTerms, type ScheduledInstallment } from '../../../shared/engine';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { LoanDetail, LoanSettings, LoanStatus, ParsedInput } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { domainError, notFound, ruleViolation, invalidField } from '../errors';
import { loadSettings } from '../system/system.service';
import { nextCounter } from '../system/settings.repository';
import { idsInNameOrder, pageOfIds, matchingLoans, sortedPage } from './list.query';
import { bookVersion } from '../../db/book-version';
import {
  insertScheduleVersion,
  installmentsOf,
  partiesOf,
  setLoanStatus,
  borrowerExists,
  borrowerRow,
  findLoan,
  insertLoanRow,
  insertParties,
  scheduleVersionNumbered,
  scheduleVersionsOf,
} from './loan.repository';
import { type Db } from '../../db/db';
import { loadLoanRecords } from './loan-records';
import { payoffOf, prepaymentTermsOf, statementOf } from './statement';
import { refreshLoanStatus } from './status-cache';
import { paymentRowsWithSplit } from './payment-rows';
import { appendAudit } from '../audit/audit';
import { restructuredDelinquency } from './restructured-dpd';
import type { ScheduleVersionName } from '../../../shared/contract/plans';
import { lockLoans } from './loan-lock';

type LoanHandlers = Pick<
  Handlers,
  | 'loans.previewSchedule'
  | 'loans.create'
  | 'loans.list'
  | 'loans.get'
  | 'loans.scheduleVersion'
  | 'loans.setStatus'
>;

/** Loan numbers read PB-2026-000123: prefix, year of disbursement, a counter that never repeats. */
export function formatLoanNumber(prefix: string, startDate: string, sequence: number): string {
  const body = `${startDate.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
  return prefix ? `${prefix}-${body}` : body;
}

type NewLoan = Pick<ParsedInput<'loans.create'>, 'borrowerId' | 'product' | 'terms'> &
  Partial<
    Pick<ParsedInput<'loans.create'>, 'penaltyDailyRatePercent' | 'graceDays' | 'upfrontFee' | 'officer'>
  > & {
    number: string;
    status: LoanStatus;
    /** Early-settlement terms; the product defaults when the caller has none of its own. */
    prepayment: PrepaymentTerms;
  };

/** The row a new loan is written as; the loan screen and the spreadsheet import both use it. */
export function loanRow(loan: NewLoan, now: string) {
  return {
    number: loan.number,
    product: loan.product,
    borrower_id: loan.borrowerId,
    status: loan.status,
    principal: loan.terms.principal,
    annual_rate_percent: loan.terms.annualRatePercent,
    months: loan.terms.months,
    method: loan.terms.method,
    start_date: loan.terms.startDate,
    penalty_daily_rate_percent: loan.penaltyDailyRatePercent ?? '0',
    grace_days: loan.graceDays ?? 0,
    upfront_fee: loan.upfrontFee ?? 0,
    officer: loan.officer ?? '',
    prepayment_interest: loan.prepayment.interest,
    prepayment_fee_percent: loan.prepayment.feePercent,
    created_at: now,
    updated_at: now,
  };
}

/** The product defaults for early settlement (Settings → Loans) a new loan copies. */
export const defaultPrepayment = (settings: LoanSettings): PrepaymentTerms => ({
  interest: settings.prepaymentInterest,
  feePercent: settings.prepaymentFeePercent,
});

/** A new loan's first schedule version: its contract. */
export const contractVersion = (loanId: number, loan: NewLoan, now: string) => ({
  loanId,
  version: 1,
  reason: 'contract',
  effectiveFrom: loan.terms.startDate,
  createdAt: now,
});

/**
 * Writes a loan and its contract schedule (version 1); the caller refreshes its status in the
 * same transaction.
 */
export async function insertLoan(
  db: Db,
  loan: NewLoan,
  installments: readonly ScheduledInstallment[],
  now: string,
): Promise<number> {
  const id = await insertLoanRow(db, loanRow(loan, now));
  await insertScheduleVersion(db, contractVersion(id, loan, now), installments);
  return id;
}

/** Moves a clerk may make by hand; restructuring, write-off and closing come from their own workflows. */
const MANUAL_STATUS_MOVES: Record<LoanStatus, LoanStatus[]> = {
  draft: ['active'],
  active: ['legal', 'repossessed'],
  restructured: ['legal', 'repossessed'],
  legal: ['active', 'repossessed'],
  repossessed: ['legal'],
  'written-off': [],
  closed: [],
};

export function loanHandlers(ctx: ServiceContext): LoanHandlers {
  const { db, clock } = ctx;
  /** The loan list in name order, kept while the book and the filter stay the same (list.query). */
  let nameOrder: { key: string; ids: Promise<number[]> } | null = null;

  const schedulePreview = (installments: ScheduledInstallment[]) => ({
    installments,
    totalInterest: installments.reduce((s, i) => s + i.interest, 0),
    totalPayable: installments.reduce((s, i) => s + i.principal + i.interest, 0),
  });

  return {
    'loans.previewSchedule': async (terms) => schedulePreview(buildSchedule(terms)),

    'loans.create': async (input) => {
      const today = clock.today();
      const now = clock.now();
      const parties = [
        ...input.guarantorIds.map((borrowerId) => ({
          borrowerId,
          role: 'guarantor' as const,
          relationship: '',
        })),
        ...input.references.map((r) => ({ ...r, role: 'reference' as const })),
      ];
      if (parties.some((p) => p.borrowerId === input.borrowerId)) {
        throw invalidField('guarantorIds', 'loan.borrowerIsParty');
      }
      if (input.terms.startDate > today) {
        throw invalidField('terms.startDate', 'loan.startAfterToday', { today });
      }
      const installments = buildSchedule(input.terms);
      const settings = await loadSettings(ctx);
      const { loanNumberPrefix } = settings;
      return db.transaction().execute(async (trx) => {
        if (!(await borrowerExists(trx, input.borrowerId)))
          throw invalidField('borrowerId', 'loan.borrowerMissing', { id: input.borrowerId });
        for (const p of parties) {
          if (!(await borrowerExists(trx, p.borrowerId)))
            throw invalidField(p.role === 'guarantor' ? 'guarantorIds' : 'references', 'loan.partyMissing', {
              id: p.borrowerId,
            });
        }
        const number = formatLoanNumber(
          loanNumberPrefix,
          input.terms.startDate,
          await nextCounter(trx, 'loan-number'),
        );
        const id = await insertLoan(
          trx,
          {
            ...input,
            number,
            status: input.activate ? 'active' : 'draft',
            prepayment: input.prepayment ?? defaultPrepayment(settings),
          },
          installments,
          now,
        );
        if (parties.length > 0) {
          await insertParties(
            trx,
            parties.map((p) => ({
              loan_id: id,
              borrower_id: p.borrowerId,
              role: p.role,
              relationship: p.relationship,
            })),
          );
        }
        await refreshLoanStatus(trx, id, today);
        await appendAudit(trx, ctx, {
          entity: 'loan',
          entityId: id,
          action: 'create',
          after: { number, ...input },
        });
        return { id, number };
      });
    },

    'loans.list': async (input) => {
      const today = clock.today();
      const actor = ctx.actor();
      const q = matchingLoans(db, today, input, actor);
      if (input.sort === 'borrower') {
        const { offset, limit, ...filter } = input;
        const key = JSON.stringify([await bookVersion(ctx), today, actor?.userId ?? null, filter]);
        if (nameOrder?.key !== key) nameOrder = { key, ids: idsInNameOrder(db, q, input.locale) };
        const ids = await nameOrder.ids.catch((error: unknown) => {
          nameOrder = null;
          throw error;
        });
        return pageOfIds(q, ids, { offset, limit });
      }
      return sortedPage(db, q, input.sort, input);
    },

    'loans.get': async ({ id, asOf }) => {
      // On a server book each read is a round trip: the reads that need only the loan's id go
      // together, each on its own pooled connection (a file book runs them one after another).
      const [book, versions, parties] = await Promise.all([
        loadLoanRecords(db, id),
        scheduleVersionsOf(db, id),
        partiesOf(db, id),
      ]);
      const when = asOf ?? clock.today();
      const [{ statement, restructured }, borrower] = await Promise.all([
        restructuredDelinquency(db, book, statementOf(book, when), (d) => statementOf(book, d)),
        borrowerRow(db, book.loan.borrower_id),
      ]);
      const { loan } = book;
      const detail: LoanDetail = {
        id: loan.id,
        number: loan.number,
        product: loan.product,
        status: loan.status,
        borrower: {
          id: borrower.id,
          name: borrower.name,
          idNumberMasked: maskIdNumber(borrower.id_number),
          phone: borrower.phone,
        },
        parties: parties.map((p) => ({
          borrowerId: p.borrower_id,
          name: p.name,
          idNumberMasked: maskIdNumber(p.id_number),
          phone: p.phone,
          role: p.role,
          relationship: p.relationship,
          thirdParty: p.role === 'reference',
        })),
        principal: loan.principal,
        annualRatePercent: loan.annual_rate_percent,
        months: loan.months,
        method: loan.method,
        startDate: loan.start_date,
        penaltyDailyRatePercent: loan.penalty_daily_rate_percent,
        graceDays: loan.grace_days,
        upfrontFee: loan.upfront_fee,
        officer: loan.officer,
        notes: loan.notes,
        prepayment: prepaymentTermsOf(loan),
        statement,
        payoff: payoffOf(statement),
        payments: paymentRowsWithSplit(book.paymentRows, statement),
        versions: versions.map((v) => ({
          version: v.version,
          reason: v.reason,
          name: v.name === null ? null : (JSON.parse(v.name) as ScheduleVersionName | null),
          effectiveFrom: v.effective_from,
          active: v.is_active === 1,
        })),
        activeVersion: book.version,
        restructured,
      };
      return detail;
    },

    'loans.scheduleVersion': async ({ loanId, version }) => {
      const row = await scheduleVersionNumbered(db, loanId, version);
      if (!row) throw domainError('not-found', 'scheduleVersion.notFound', { version, key: loanId });
      return installmentsOf(db, row.id);
    },

    'loans.setStatus': async ({ id, status }) => {
      return db.transaction().execute(async (trx) => {
        await lockLoans(trx, [id]);
        const loan = await findLoan(trx, id);
        if (!loan) throw notFound('loan.notFound', id);
        if (!MANUAL_STATUS_MOVES[loan.status].includes(status)) {
          throw ruleViolation('loan.statusMove', {
            number: loan.number,
            status: loan.status,
            target: status,
          });
        }
        await setLoanStatus(trx, id, status, clock.now());
        await refreshLoanStatus(trx, id, clock.today());
        await appendAudit(trx, ctx, {
          entity: 'loan',
          entityId: id,
          action: 'set-status',
          before: { status: loan.status },
          after: { status },
        });
        return { id, status };
      });
    },
  };
}
