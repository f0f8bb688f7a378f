import { z } from 'zod';
import { method, changes, names, reads } from './define';
import { id, isoDate, minorAmount, optionalText, pageRequest, positiveMinor, ratePercent } from './common';
import {
  AGING_BUCKETS,
  REPAYMENT_METHODS,
  type AgingBucket,
  type ScheduledInstallment,
  type Statement,
} from '../engine';

export const PRODUCTS = ['mortgage', 'car-title', 'other-secured'] as const;
export type Product = (typeof PRODUCTS)[number];
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
  split: PaymentSplit | null;
}

export interface ScheduleVersionSummary {
  version: number;
  reason: string;
  effectiveFrom: string;
  active: boolean;
}

/** How a payment was spent; `charges` (legal costs charged to the loan) only when it paid some. */
export interface PaymentSplit {
  penalty: number;
  interest: number;
  principal: number;
  unapplied: number;
  charges?: number;
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
  statement: Statement;
  /** What it takes to settle everything today: overdue amounts, penalty and all remaining principal. */
  payoff: number;
  payments: PaymentRow[];
  versions: ScheduleVersionSummary[];
  activeVersion: number;
}

export const loanListSchema = z
  .object({
    query: z.string().trim().max(100).default(''),
    status: z.enum(LOAN_STATUSES).optional(),
    product: z.enum(PRODUCTS).optional(),
    bucket: z.enum(AGING_BUCKETS).optional(),
    overdueOnly: z.boolean().default(false),
    sort: z.enum(['number', 'daysPastDue', 'outstanding', 'nextDue']).default('number'),
    ...pageRequest,
  })
  .strict();

export const PAYMENT_METHODS = ['cash', 'bank-transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const paymentInputSchema = z
  .object({
    loanId: id,
    date: isoDate,
    amount: positiveMinor,
    method: z.enum(PAYMENT_METHODS),
    reference: optionalText(80),
    receivedBy: optionalText(80),
  })
  .strict();

export interface PaymentPreview {
  split: PaymentSplit;
  /** Installments touched by this payment, with what it pays on each. */
  byInstallment: { n: number; dueDate: string; penalty: number; interest: number; principal: number }[];
  before: { daysPastDue: number; bucket: AgingBucket; outstandingPrincipal: number; overdueTotal: number };
  after: { daysPastDue: number; bucket: AgingBucket; outstandingPrincipal: number; overdueTotal: number };
  payoff: number;
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
  reversed: boolean;
  printedOn: string;
}

export interface SearchHit {
  kind: 'borrower' | 'loan' | 'collateral';
  id: number;
  title: string;
  subtitle: string;
  /** Which field matched, e.g. 'phone' or 'idTail'. */
  matched: string;
}

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
    z.object({ loanId: id, date: isoDate, amount: positiveMinor }).strict(),
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
    z.object({ paymentId: id }).strict(),
    reads('book.read', names('payment', 'paymentId')),
  ),
  'search.global': method<SearchHit[]>()(
    z.object({ query: z.string().trim().min(1, 'type something to search for').max(100) }).strict(),
    reads('book.read'),
  ),
};
