/**
 * Each open loan's share of its collateral's value, kept on its status row (migration 0016) so
 * the worklist can rank the whole book in SQL. `collateralValueByLoan` stays the one definition:
 * this file only decides when to run it and writes what it says.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { engineOf } from '../../db/engine';
import type { DB } from '../../db/schema';
import { collateralValueByLoan } from './coverage';

/** From this many stale loans on, the whole register is valued in one pass. */
const WHOLE_BOOK_FROM = 2000;
/** Loans written per UPDATE statement (bound as one JSON text). */
const WRITE_CHUNK = 5000;

/**
 * Brings the kept collateral values up to date for `today` and says whether they answer for it.
 * They are current values: a valuation dated after `today` (a worklist asked for an earlier day)
 * means they cannot, and the caller must value the collateral as of that day itself.
 */
export async function keepCollateralValues(
  db: Kysely<DB> | Transaction<DB>,
  today: string,
): Promise<boolean> {
  const later = await db
    .selectFrom('collateral_valuations')
    .select('id')
    .where('voided_at', 'is', null)
    .where('date', '>', today)
    .limit(1)
    .executeTakeFirst();
  if (later) return false;
  // Read and write in one transaction, so a share moved in between is not marked fresh.
  const refresh = async (trx: Transaction<DB>) => {
    const stale = (
      await trx
        .selectFrom('loan_status')
        .select('loan_id')
        // A literal, not a bound 1: only then may SQLite use the partial index on stale rows.
        .where('collateral_stale', '=', sql.lit(1))
        // Another PC's valuation marks its loans stale again as it commits; holding the rows
        // makes that mark wait for this refresh, so it is never overwritten by an older value.
        .$if(engineOf(trx) === 'postgres', (qb) => qb.forUpdate())
        .execute()
    ).map((r) => r.loan_id);
    if (stale.length === 0) return;
    const values = await collateralValueByLoan(
      trx,
      today,
      stale.length < WHOLE_BOOK_FROM ? stale : undefined,
    );
    for (let i = 0; i < stale.length; i += WRITE_CHUNK) {
      const chunk = stale.slice(i, i + WRITE_CHUNK);
      if (engineOf(trx) === 'postgres') {
        await sql`
          UPDATE loan_status AS s
             SET collateral_value = j.value, collateral_stale = 0
            FROM unnest(CAST(${chunk} AS bigint[]), CAST(${chunk.map((id) => values.get(id) ?? null)} AS bigint[]))
                 AS j (loan_id, value)
           WHERE s.loan_id = j.loan_id`.execute(trx);
        continue;
      }
      const pairs = chunk.map((id) => [id, values.get(id) ?? null]);
      await sql`
        UPDATE loan_status AS s
           SET collateral_value = json_extract(j.value, '$[1]'), collateral_stale = 0
          FROM json_each(${JSON.stringify(pairs)}) AS j
         WHERE s.loan_id = json_extract(j.value, '$[0]')`.execute(trx);
    }
  };
  if (db.isTransaction) await refresh(db as Transaction<DB>);
  else await db.transaction().execute(refresh);
  return true;
}
