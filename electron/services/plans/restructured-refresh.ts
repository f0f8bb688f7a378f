import type { PlanSettings } from '../../../shared/contract/plan-settings';
import type { Db } from '../../db/db';
import { refreshLoanStatus } from '../loans/status-cache';

/** The settings that decide how a restructured loan is aged. */
const AGING_KEYS: readonly (keyof PlanSettings)[] = [
  'restructuredDpdPolicy',
  'cureInstallments',
  'planToleranceDays',
];

/**
 * After a change of the DPD policy for restructured loans, re-ages every restructured loan's
 * status row at once: lists, worklist and reports read DPD from that cache, and must agree with
 * the loan page (computed live) on the same day, not from tomorrow's roll-forward.
 */
export async function reageRestructuredLoans(db: Db, changed: object, today: string): Promise<number> {
  if (!AGING_KEYS.some((key) => key in changed)) return 0;
  const loans = await db.selectFrom('loans').select('id').where('status', '=', 'restructured').execute();
  for (const { id } of loans) await refreshLoanStatus(db, id, today);
  return loans.length;
}
