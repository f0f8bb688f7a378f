import { z } from 'zod';
import { method, changes, names, reads } from './define';
import type { RestructuredAging, ScheduleVersionName } from './plans';
import { id, isoDate, minorAmount, optionalText, pageRequest, positiveMinor, ratePercent } from './common';
import {
  AGING_BUCKETS,
  PREPAY_MODES,
  PREPAYMENT_INTEREST_RULES,
  REPAYMENT_METHODS,
  type AgingBucket,
  type PrepayMode,
  type PrepaymentTerms,
  type ScheduledInstallment,
  type Statement,
} from '../engine';
import { prepaymentFeePercent } from './loan-settings';
import { SUPPORTED_LOCALES } from './system';

import { PRODUCTS, type Product } from './products';
export { PRODUCTS, type Product };
export const LOAN_STATUSES = [
  'draft',
  'active',
  'restructured',
  'legal',
  'repossessed',
  'written-off',
  'closed',
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** How a loan moved on since an approval was asked for; the screen words each (`loans.changedSince`). */
export type LoanChangeSinceRequest =
  { change: 'unrecorded' | 'payment' | 'schedule' } | { change: 'status'; from: string; to: string };
/** Statuses in which money is still owed and payments are taken. */
export const OPEN_STATUSES: readonly LoanStatus[] = ['active', 'restructured', 'legal', 'repossessed'];

export const loanTermsSchema = z
  .object({
    method: z.enum(REPAYMENT_METHODS),
    principal: positiveMinor,
    annualRatePercent: ratePercent,
    months: z.number().int().min(1, 'must be at least 1').max(600, 'must be at most 600'),
    startDate: isoDate,
  })
  .strict();
export type LoanTermsInput = z.input<typeof loanTermsSchema>;

export const createLoanSchema = z
  .object({
    borrowerId: id,
    product: z.enum(PRODUCTS),
    terms: loanTermsSchema,
    penaltyDailyRatePercent: ratePercent.default('0'),
    graceDays: z.number().int().min(0).max(90).default(0),
    upfrontFee: minorAmount.refine((v) => v >= 0, 'cannot be negative').default(0),
    officer: optionalText(80),
    guarantorIds: z.array(id).max(10).default([]),
    references: z
      .array(z.object({ borrowerId: id, relationship: optionalText(60) }).strict())
      .max(10)
      .default([]),
    /** Draft loans keep their schedule but take no payments until activated. */
    activate: z.boolean().default(true),
    /** How early settlement is priced; the product defaults in Settings → Loans when omitted. */
    prepayment: z
      .object({ interest: z.enum(PREPAYMENT_INTEREST_RULES), feePercent: prepaymentFeePercent })
      .strict()
      .optional(),
  })
  .strict();
export type CreateLoanInput = z.input<typeof createLoanSchema>;

export interface LoanListRow {
  id: number;
  number: string;
  borrowerId: number;
  borrowerName: string;
  product: Product;
  status: LoanStatus;
  principal: number;
  outstandingPrincipal: number;
  daysPastDue: number;
  bucket: AgingBucket;
  overdueAmount: number;
  nextDueDate: string | null;
  nextDueAmount: number | null;
  officer: string;
}

export interface LoanParty {
  borrowerId: number;
  name: string;
  idNumberMasked: string;
  phone: string;
  role: 'guarantor' | 'reference';
  relationship: string;
  /** References are third parties; collections may contact them only under the contact profile's rules. */
  thirdParty: boolean;
}

export interface PaymentRow {
  id: number;
  receiptNumber: string;
  date: string;
  amount: number;
  method: PaymentMethod;
  reference: string;
  receivedBy: string;
  /** Set on a reversal entry: the payment it cancels. */
  reversesPaymentId: number | null;
  reversalReason: string;
  /** Set on a payment that a later entry reversed. */
  reversedBy: number | null;
  /** How the engine applies the payment today, with every entry known. */
  split: PaymentSplit | null;
  /**
   * The split printed on its receipt when it was posted, where an entry dated earlier and keyed
   * in later (a back-dated payment, a reversal) makes the engine apply it differently today.
   */
  receiptSplit: PaymentSplit | null;
}

export interface ScheduleVersionSummary {
  version: number;
  reason: string;
  /** What the screen calls the version; null where only `reason` says (then shown as it is). */
  name: ScheduleVersionName | null;
  effectiveFrom: string;
  active: boolean;
}

/**
 * How a payment was spent; `charges` (legal costs charged to the loan) and `fee` (the prepayment
 * fee) only when it paid some; `settlement` when it was at least the payoff and settled the loan.
 */
export interface PaymentSplit {
  penalty: number;
  interest: number;
  principal: number;
  unapplied: number;
  charges?: number;
  fee?: number;
  settlement?: true;
}

export interface LoanDetail {
  id: number;
  number: string;
  product: Product;
  status: LoanStatus;
  borrower: { id: number; name: string; idNumberMasked: string; phone: string };
  parties: LoanParty[];
  principal: number;
  annualRatePercent: string;
  months: number;
  method: (typeof REPAYMENT_METHODS)[number];
  startDate: string;
  penaltyDailyRatePercent: string;
  graceDays: number;
  upfrontFee: number;
  officer: string;
  /** What the lender noted on the loan (the import's 备注 column). */
  notes: string;
  prepayment: PrepaymentTerms;
  statement: Statement;
  /** What settles the loan today (`statement.payoff.total`): never interest not yet earned. */
  payoff: number;
  payments: PaymentRow[];
  versions: ScheduleVersionSummary[];
  activeVersion: number;
  /** A restructured loan: how its DPD follows the policy in Settings (explains `statement`). */
  restructured: RestructuredAging | null;
}

export const LOAN_LIST_SORTS = ['number', 'borrower', 'daysPastDue', 'outstanding', 'nextDue'] as const;
export type LoanListSort = (typeof LOAN_LIST_SORTS)[number];

export const loanListSchema = z
  .object({
    query: z.string().trim().max(100).default(''),
    status: z.enum(LOAN_STATUSES).optional(),
    product: z.enum(PRODUCTS).optional(),
    bucket: z.enum(AGING_BUCKETS).optional(),
    overdueOnly: z.boolean().default(false),
    sort: z.enum(LOAN_LIST_SORTS).default('number'),
    /** The reader's language: the borrower order is pinyin in zh-CN and strokes in zh-TW. */
    locale: z.enum(SUPPORTED_LOCALES).default('en'),
    ...pageRequest,
  })
  .strict();

export const PAYMENT_METHODS = ['cash', 'bank-transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * What a payment beyond what is due does with the rest: by default it pays the next installments
 * in order; `reduce-installment` and `shorten-term` repay principal early and re-plan the loan.
 */
export const prepayChoiceSchema = z.object({ mode: z.enum(PREPAY_MODES) }).strict();

export const paymentInputSchema = z
  .object({
    loanId: id,
    date: isoDate,
    amount: positiveMinor,
    method: z.enum(PAYMENT_METHODS),
    reference: optionalText(80),
    receivedBy: optionalText(80),
    prepay: prepayChoiceSchema.optional(),
  })
  .strict();

/** The schedule a partial prepayment would leave, shown before it is posted. */
export interface PrepayPreview {
  mode: PrepayMode;
  prepaidPrincipal: number;
  interestToDate: number;
  newInstallment: number;
  installmentsLeft: number;
  endDate: string;
  installments: ScheduledInstallment[];
}

export interface PaymentPreview {
  split: PaymentSplit;
  /** Installments touched by this payment, with what it pays on each. */
  byInstallment: { n: number; dueDate: string; penalty: number; interest: number; principal: number }[];
  before: { daysPastDue: number; bucket: AgingBucket; outstandingPrincipal: number; overdueTotal: number };
  after: { daysPastDue: number; bucket: AgingBucket; outstandingPrincipal: number; overdueTotal: number };
  /** The payoff on the payment's date, before it: a payment of this much settles the loan. */
  payoff: number;
  /** This payment settles the loan (installments due later are cancelled with their unearned interest). */
  settlement: boolean;
  /** What is due on the payment's date (installments due by then, penalty, charges): more is a prepayment. */
  dueNow: number;
  /** With a prepay mode: the new schedule. */
  prepay: PrepayPreview | null;
}

export interface Receipt {
  receiptNumber: string;
  companyName: string;
  currency: string;
  loanNumber: string;
  borrowerName: string;
  borrowerIdMasked: string;
  date: string;
  amount: number;
  method: PaymentMethod;
  reference: string;
  receivedBy: string;
  split: PaymentSplit;
  outstandingPrincipalAfter: number;
  /** The payment settled the loan; it is closed from the payment's date. */
  settledLoan: boolean;
  reversed: boolean;
  /** A reprint: the same figures as the first print, marked as a copy. */
  copy: boolean;
  printedOn: string;
}

/** Which field a search hit matched; each has a label in `search.matched` or `collateral.search`. */
export type BookMatch = 'name' | 'phone' | 'idTail' | 'loanNumber';
export type CollateralMatch = 'plate' | 'vin' | 'certificate' | 'address';

export type SearchHit = { id: number; title: string; subtitle: string } & (
  { kind: 'borrower' | 'loan'; matched: BookMatch } | { kind: 'collateral'; matched: CollateralMatch }
);

export const loansContract = {
  'loans.previewSchedule': method<{
    installments: ScheduledInstallment[];
    totalInterest: number;
    totalPayable: number;
  }>()(loanTermsSchema, reads('book.read')),
  'loans.create': method<{ id: number; number: string }>()(
    createLoanSchema,
    changes('book.write', names('borrower', 'borrowerId')),
  ),
  'loans.list': method<{ rows: LoanListRow[]; total: number }>()(loanListSchema, reads('book.read')),
  'loans.get': method<LoanDetail>()(
    z.object({ id, asOf: isoDate.optional() }).strict(),
    reads('book.read', names('loan', 'id')),
  ),
  'loans.scheduleVersion': method<ScheduledInstallment[]>()(
    z.object({ loanId: id, version: z.number().int().min(1) }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
  'loans.setStatus': method<{ id: number; status: LoanStatus }>()(
    z.object({ id, status: z.enum(['active', 'legal', 'repossessed']) }).strict(),
    changes('book.write', names('loan', 'id')),
  ),
  'payments.preview': method<PaymentPreview>()(
    z
      .object({ loanId: id, date: isoDate, amount: positiveMinor, prepay: prepayChoiceSchema.optional() })
      .strict(),
    reads('payments.record', names('loan', 'loanId')),
  ),
  'payments.record': method<{ id: number; receiptNumber: string }>()(
    paymentInputSchema,
    changes('payments.record', names('loan', 'loanId')),
  ),
  /** A person's reversal waits for a second user's approval and answers with `approvalId`. */
  'payments.reverse': method<{ id: number } | { approvalId: number }>()(
    z
      .object({
        paymentId: id,
        reason: z.string().trim().min(3, 'give the reason (at least 3 characters)').max(300),
      })
      .strict(),
    changes('payments.record', names('payment', 'paymentId')),
  ),
  'payments.receipt': method<Receipt>()(
    z.object({ paymentId: id, copy: z.boolean().default(false) }).strict(),
    reads('book.read', names('payment', 'paymentId')),
  ),
  'search.global': method<SearchHit[]>()(
    z.object({ query: z.string().trim().min(1, 'type something to search for').max(100) }).strict(),
    reads('book.read'),
  ),
};
