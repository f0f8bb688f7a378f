import type { Generated } from 'kysely';

export const APPROVAL_KINDS = [
  'write-off',
  'penalty-waiver',
  'settlement-discount',
  'plan-approval',
  'backdated-payment',
  'payment-reversal',
] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface ApprovalRequestsTable {
  id: Generated<number>;
  kind: ApprovalKind;
  entity: string;
  entity_id: string;
  /** JSON: exactly what will be done once approved. */
  payload: string;
  reason: Generated<string>;
  status: Generated<ApprovalStatus>;
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: Generated<string>;
  /** JSON result of carrying the action out, once approved. */
  result: string | null;
}

export interface ApprovalTables {
  approval_requests: ApprovalRequestsTable;
}
