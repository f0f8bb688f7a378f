import { sql, type Kysely } from 'kysely';

// Frozen once shipped. Two changes measured on Book-100k on PostgreSQL, same rules:
//
// 1. Marking a loan's kept collateral value stale (every payment that moves principal does it)
//    read all of loan_status: `loan_id = loan OR loan_id IN (…)` leaves PostgreSQL no index to
//    use for the OR with a subquery, ~19 ms per payment. One IN over a UNION is two index lookups.
// 2. Each item's latest valuation on a date (the month-end report's coverage, the collateral
//    register as of a day) was a sort of every valuation. An index in DISTINCT ON's own order
//    (item, latest date, latest id; live valuations only) is read in order instead, ~3× faster.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION pledgebook_stale_loan(loan bigint) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE loan_status SET collateral_stale = 1
       WHERE collateral_stale = 0
         AND loan_id IN (
           SELECT loan
           UNION
           SELECT other.loan_id FROM collateral_links mine
             JOIN collateral_links other ON other.item_id = mine.item_id
            WHERE mine.loan_id = loan);
    END $$`.execute(db);
  await sql`
    CREATE INDEX collateral_valuations_latest
      ON collateral_valuations (item_id, date DESC, id DESC) INCLUDE (value)
      WHERE voided_at IS NULL`.execute(db);
}
