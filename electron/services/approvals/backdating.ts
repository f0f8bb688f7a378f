import type { Kysely, Transaction } from 'kysely';
import { addDays } from '../../../shared/dates/civil';
import type { DB } from '../../db/schema';

/** Payments dated more than this many days before today need a second user's approval. */
export const DEFAULT_BACKDATE_DAYS = 3;
/** Settings key that overrides the default, as a JSON number. */
export const BACKDATE_DAYS_KEY = 'approvals.backdatedPaymentDays';

export async function isBackdated(
  db: Kysely<DB> | Transaction<DB>,
  date: string,
  today: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', BACKDATE_DAYS_KEY)
    .executeTakeFirst();
  const parsed = row ? Number(JSON.parse(row.value)) : NaN;
  const days = Number.isInteger(parsed) && parsed >= 0 ? parsed : DEFAULT_BACKDATE_DAYS;
  return date < addDays(today, -days);
}
