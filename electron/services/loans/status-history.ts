import { sql } from 'kysely';
import type { Db } from '../../db/db';

/** A loan's latest status change and the day it took effect; null: the day it last closed. */
export interface TookEffect {
  loanId: number;
  on: string | null;
}

/**
 * Dates each loan's latest status change on the day it took effect, where that is earlier than
 * the day it was recorded (the trigger of 0008/0019 dates it then). A payment keyed in late that
 * settles a loan closes it on the day it cleared it; a reversal that reopens a loan reopens it
 * on the day it had closed, since the settlement never held. A report of a past month then
 * sees the loan as it was, and counts the change as a late entry (0019's `recorded_on`).
 */
export async function dateStatusChanges(db: Db, changes: readonly TookEffect[]): Promise<void> {
  // Two bound parameters per loan; SQLite allows 32,766 per statement.
  for (let i = 0; i < changes.length; i += 1_000) {
    const chunk = changes.slice(i, i + 1_000);
    // Typed: PostgreSQL reads an untyped VALUES parameter as text.
    const days = sql.join(chunk.map((c) => sql`(CAST(${c.loanId} AS bigint), ${c.on})`));
    await sql`
      WITH took(loan_id, on_day) AS (VALUES ${days}),
      latest AS (
        SELECT c.loan_id, max(c.id) AS id,
               coalesce(t.on_day, (SELECT changed_on FROM loan_status_changes k
                                    WHERE k.loan_id = c.loan_id AND k.to_status = 'closed'
                                    ORDER BY k.id DESC LIMIT 1)) AS on_day
          FROM loan_status_changes c JOIN took t ON t.loan_id = c.loan_id
         GROUP BY c.loan_id, t.on_day)
      UPDATE loan_status_changes
         SET changed_on = (SELECT on_day FROM latest WHERE latest.id = loan_status_changes.id)
       WHERE id IN (SELECT id FROM latest WHERE on_day IS NOT NULL)
         AND changed_on > (SELECT on_day FROM latest WHERE latest.id = loan_status_changes.id)`.execute(db);
  }
}
