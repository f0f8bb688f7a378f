import { z } from 'zod';
import { method, changes, names, open, reads } from './define';
import { id, isoDate, noInput, nonEmptyText, pageRequest } from './common';
import { paymentInputSchema } from './loans';

/** Users, sign-in, the audit trail and maker-checker approvals. */

export const ROLE_NAMES = ['owner', 'manager', 'collector', 'viewer'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface SignedInUser {
  userId: number;
  username: string;
  displayName: string;
  role: RoleName;
  permissions: string[];
}

export interface AuthStatus {
  /** False on first run: the screen asks for the owner's account. */
  hasUsers: boolean;
  user: SignedInUser | null;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: RoleName;
  active: boolean;
  lockedUntil: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  firstBroken?: { id: number; problem: string };
}

export const APPROVAL_KIND_NAMES = [
  'write-off',
  'penalty-waiver',
  'settlement-discount',
  'plan-approval',
  'backdated-payment',
  'payment-reversal',
  'grade-override',
] as const;

/**
 * Requests are numbered per kind, each series with its letter, so a plan and a write-off are
 * never both "#1": plans P-12, write-offs W-3, back-dated payments B-2, reversals R-5.
 */
export const REQUEST_SERIES = {
  plan: 'P',
  'write-off': 'W',
  'backdated-payment': 'B',
  'payment-reversal': 'R',
  'grade-override': 'G',
} as const;
export type RequestSeries = keyof typeof REQUEST_SERIES;

export function requestReference(series: RequestSeries, number: number): string {
  return `${REQUEST_SERIES[series]}-${number}`;
}

export interface ApprovalRow {
  id: number;
  /** The number staff quote: P-12, W-3 (see `requestReference`). */
  reference: string;
  kind: (typeof APPROVAL_KIND_NAMES)[number];
  entity: string;
  entityId: string;
  summary: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  requestedBy: string;
  /** The maker, so a screen can withhold Approve from them; null for the system. */
  requestedByUserId: number | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** What the request gives away, where it has one figure: the penalty waived, the settlement discount. */
  amount?: number | null;
}

const username = z
  .string()
  .trim()
  .min(2, 'must have at least 2 characters')
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'may contain letters, digits, ".", "_" and "-" only');
/** NIST and OWASP: length matters most; no composition rules, but at least 10 characters. */
const password = z.string().min(10, 'must have at least 10 characters').max(200);

const newUser = { username, displayName: nonEmptyText(80), password };
/** The user-management form validates with the same schema the service does. */
export const createUserSchema = z.object({ ...newUser, role: z.enum(ROLE_NAMES) }).strict();
export const resetPasswordSchema = z.object({ password }).strict();

export const accessContract = {
  'auth.status': method<AuthStatus>()(noInput, open(false)),
  'auth.createOwner': method<SignedInUser>()(z.object(newUser).strict(), open(true)),
  'auth.signIn': method<SignedInUser>()(
    z.object({ username, password: z.string().min(1, 'is required').max(200) }).strict(),
    open(true),
  ),
  'auth.signOut': method<{ signedOut: true }>()(noInput, open(true)),
  'users.list': method<UserRow[]>()(noInput, reads('users.manage')),
  'users.create': method<{ id: number }>()(createUserSchema, changes('users.manage')),
  'users.update': method<{ id: number }>()(
    z
      .object({
        id,
        displayName: nonEmptyText(80).optional(),
        role: z.enum(ROLE_NAMES).optional(),
        active: z.boolean().optional(),
        password: password.optional(),
      })
      .strict(),
    changes('users.manage'),
  ),
  /** Shows a borrower's full ID number: needs its own permission and leaves an audit entry. */
  'borrowers.revealIdNumber': method<{ idNumber: string }>()(
    z.object({ id }).strict(),
    changes('pii.reveal', names('borrower', 'id')),
  ),
  'audit.list': method<{ rows: AuditRow[]; total: number }>()(
    z
      .object({
        username: z.string().trim().max(32).default(''),
        entity: z.string().trim().max(40).default(''),
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** Only refused attempts: a method without its permission, or another collector's account. */
        refusedOnly: z.boolean().default(false),
        ...pageRequest,
      })
      .strict(),
    reads('audit.read'),
  ),
  'audit.verify': method<AuditVerifyResult>()(noInput, reads('audit.read')),
  /** A payment dated too far back, sent for a second user's approval instead of being posted. */
  'payments.requestBackdated': method<{ approvalId: number }>()(
    paymentInputSchema,
    changes('payments.record', names('loan', 'loanId')),
  ),
  'approvals.list': method<ApprovalRow[]>()(
    z.object({ status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional() }).strict(),
    reads('book.read'),
  ),
  'approvals.decide': method<{ id: number; status: 'approved' | 'rejected' }>()(
    z.object({ id, approve: z.boolean(), note: z.string().trim().max(500).default('') }).strict(),
    changes('approvals.decide', names('approval-request', 'id')),
  ),
};
