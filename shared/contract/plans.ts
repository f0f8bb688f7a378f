import { z } from 'zod';
import { method, changes, names, reads } from './define';
import { id, isoDate, optionalText } from './common';
import type { ErrorCode } from './error-codes';
import { parseAmount } from '../money/amount';
import { MAX_MONTHS, REPAYMENT_METHODS } from '../engine/schedule';
import type { PlanComparison, PlanSpec, PlanType, BalancePoint } from '../engine/plans/types';
import type { AgingBucket, PrepayMode, ScheduledInstallment } from '../engine';

function fitsAmount(text: string): boolean {
  try {
    parseAmount(text);
    return true;
  } catch {
    return false;
  }
}

const months = z
  .number()
  .int('must be a whole number of months')
  .min(1, 'must be at least 1: a plan needs a positive term')
  .max(MAX_MONTHS, `must be at most ${MAX_MONTHS}`);
const percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,6})?$/, 'must be a percentage such as 12 or 0.05, not negative');
const amountText = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/, 'must be an amount with at most 2 decimals, e.g. 50000.00')
  .refine(fitsAmount, 'is too large');

/**
 * A plan as a person writes it (the `"plan"` object of `plan-preview`, and what the UI sends):
 * amounts and rates as decimal text, so nothing passes through a float.
 */
export const planSpecSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('arrears-installments'),
      months,
      waivePenaltyPercent: percent.default('0'),
      regular: z.enum(['keep', 'suspend']).default('keep'),
    })
    .strict(),
  z
    .object({
      type: z.literal('extension'),
      months,
      annualRatePercent: percent.optional(),
      method: z.enum(REPAYMENT_METHODS).optional(),
      arrears: z.enum(['keep', 'capitalize']).default('keep'),
    })
    .strict(),
  z.object({ type: z.literal('holiday'), months, interest: z.enum(['capitalize', 'defer']) }).strict(),
  z.object({ type: z.literal('rate-change'), annualRatePercent: percent }).strict(),
  z.object({ type: z.literal('settlement'), amount: amountText, payBy: isoDate }).strict(),
]);
export type PlanSpecInput = z.input<typeof planSpecSchema>;

/** The engine's form of a validated plan: amounts in minor units. */
export function toPlanSpec(input: z.output<typeof planSpecSchema>): PlanSpec {
  if (input.type !== 'settlement') return input;
  return { type: 'settlement', amount: parseAmount(input.amount), payBy: input.payBy };
}

export const PLAN_STATUSES = ['proposed', 'rejected', 'active', 'broken', 'completed', 'lapsed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** One candidate in the what-if comparison: its figures, or why it cannot be made. */
export type PlanPreview =
  | {
      ok: true;
      spec: PlanSpecInput;
      installments: ScheduledInstallment[];
      comparison: PlanComparison;
      balances: BalancePoint[];
    }
  | {
      ok: false;
      spec: PlanSpecInput;
      field: string;
      /** English, for the CLI; the screen words `reason` with `params`. */
      message: string;
      reason: ErrorCode;
      params: Record<string, string | number>;
    };

export interface PlanRow {
  id: number;
  loanId: number;
  loanNumber: string;
  borrowerName: string;
  type: PlanType;
  spec: PlanSpecInput;
  status: PlanStatus;
  asOf: string;
  proposedBy: string;
  proposedByUserId: number;
  proposedAt: string;
  proposalNote: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string;
  /** The schedule version the plan created once approved. */
  versionId: number | null;
  /** When the plan was broken, completed or lapsed. */
  endedOn: string | null;
  comparison: PlanComparison;
}

/** What the printed plan agreement shows: the parties, the loan, the terms and the new schedule. */
export interface PlanAgreement {
  plan: PlanRow;
  companyName: string;
  loan: { number: string; principal: number; annualRatePercent: string; startDate: string };
  borrower: { name: string; idNumberMasked: string };
  guarantors: { name: string; idNumberMasked: string }[];
  /** The plan's installments: as approved, or as they would be today for a proposal. */
  installments: ScheduledInstallment[];
}

/** A schedule version's name as data, worded by the screen ("Plan #1, arrears in 6 installments"). */
export type ScheduleVersionName =
  | { kind: 'contract' }
  | { kind: 'import' }
  /** `installments`: an arrears plan's months; otherwise the plan's own installments. */
  | { kind: 'plan'; planId: number; planType: PlanType; installments: number }
  /** The plan broke and the penalty it waived was put back. */
  | { kind: 'plan-broken'; planId: number }
  /** A settlement not paid in time: the schedule before it is back. */
  | { kind: 'plan-lapsed'; planId: number }
  /** A partial prepayment re-planned the loan on `date`. */
  | { kind: 'prepayment'; mode: PrepayMode; date: string };

/**
 * How a restructured loan is aged under the DPD policy in Settings, as data the screen words:
 *  - 'held' (policy 'cure'): DPD counts from `heldSince`, the oldest installment unpaid on
 *    approval, until `required` plan installments in a row are kept (`kept` so far);
 *  - 'broken': the plan broke before it cured the loan, so DPD still counts from `heldSince`;
 *  - 'cured': enough plan installments were kept; aged on the plan's schedule like any loan;
 *  - 'reset' (policy 'reset'): aged on the plan's schedule from approval;
 *  - 'current': nothing was overdue on approval, so nothing is held.
 * `restructuredOn` is the approval date, `bucket` the bucket the loan is held in.
 */
export type RestructuredAging =
  | {
      kind: 'held';
      planId: number;
      restructuredOn: string;
      heldSince: string;
      bucket: AgingBucket;
      kept: number;
      required: number;
    }
  | {
      kind: 'broken';
      planId: number;
      restructuredOn: string;
      brokenOn: string;
      heldSince: string;
      bucket: AgingBucket;
    }
  | { kind: 'cured'; planId: number; restructuredOn: string; kept: number }
  | { kind: 'reset' | 'current'; planId: number; restructuredOn: string };

export const plansContract = {
  'plans.preview': method<PlanPreview[]>()(
    z.object({ loanId: id, candidates: z.array(planSpecSchema).min(1).max(4) }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
  'plans.propose': method<PlanRow>()(
    z.object({ loanId: id, spec: planSpecSchema, note: optionalText(500) }).strict(),
    changes('plans.propose', names('loan', 'loanId')),
  ),
  'plans.decide': method<PlanRow>()(
    z.object({ planId: id, decision: z.enum(['approve', 'reject']), note: optionalText(500) }).strict(),
    changes('approvals.decide', names('plan', 'planId')),
  ),
  'plans.get': method<PlanAgreement>()(
    z.object({ planId: id }).strict(),
    reads('book.read', names('plan', 'planId')),
  ),
  'plans.list': method<PlanRow[]>()(
    z.object({ status: z.enum(PLAN_STATUSES).optional(), loanId: id.optional() }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
} as const;
