import { z } from 'zod';
import { method, changes, names, reads } from './define';
import { id, isoDate, optionalText, positiveMinor } from './common';
import { PAYMENT_METHODS, type PaymentMethod } from './loans';

export interface WriteOffRow {
  id: number;
  loanId: number;
  loanNumber: string;
  status: 'proposed' | 'approved' | 'rejected';
  /** Payoff written off on the approval date; null until approved. */
  amount: number | null;
  principal: number | null;
  approvedOn: string | null;
  requestedBy: string;
  requestedByUserId: number;
  reason: string;
  decidedBy: string | null;
  decisionNote: string;
}

export interface RecoveryRow {
  id: number;
  loanId: number;
  loanNumber: string;
  writeOffId: number;
  date: string;
  amount: number;
  method: PaymentMethod;
  reference: string;
  receivedBy: string;
}

/** Write-off (核销) with maker-checker approval, and recoveries received afterwards. */
export const writeOffsContract = {
  'writeOffs.request': method<WriteOffRow>()(
    z.object({ loanId: id, reason: optionalText(500) }).strict(),
    changes('book.write', names('loan', 'loanId')),
  ),
  'writeOffs.decide': method<WriteOffRow>()(
    z.object({ writeOffId: id, decision: z.enum(['approve', 'reject']), note: optionalText(500) }).strict(),
    changes('approvals.decide', names('write-off', 'writeOffId')),
  ),
  'writeOffs.list': method<WriteOffRow[]>()(
    z.object({ loanId: id.optional() }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
  'recoveries.record': method<RecoveryRow>()(
    z
      .object({
        loanId: id,
        date: isoDate,
        amount: positiveMinor,
        method: z.enum(PAYMENT_METHODS),
        reference: optionalText(80),
      })
      .strict(),
    changes('payments.record', names('loan', 'loanId')),
  ),
  'recoveries.list': method<RecoveryRow[]>()(
    z.object({ loanId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
} as const;
