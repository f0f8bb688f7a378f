import { sql, type Kysely } from 'kysely';

// Frozen. What the general-ledger journal needs of each loan's month end, beside the report's
// figures: the interest earned and not yet paid (the accrual basis's receivable), the charges and
// the unapplied money still held, the prepayment fees paid in the month, and how each payment of
// the month was split. The cache is emptied so every month is rebuilt with them, lazily, the
// first time a report or the ledger asks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM loan_month_ends`.execute(db);
  await sql`UPDATE loan_status SET month_ends_through = NULL`.execute(db);
  for (const column of ['interest_receivable', 'charges_outstanding', 'unapplied', 'collected_fee']) {
    await sql`ALTER TABLE loan_month_ends ADD COLUMN ${sql.raw(column)} INTEGER NOT NULL DEFAULT 0`.execute(
      db,
    );
  }
  // JSON: [[payment id, date, principal, interest, penalty, charges, fee, unapplied, receipt], …].
  await sql`ALTER TABLE loan_month_ends ADD COLUMN allocations TEXT NOT NULL DEFAULT '[]'`.execute(db);
  // The ledger's cash before a month is one pass over this index, not over the payments table
  // (1.4 M rows on Book-100k).
  await sql`CREATE INDEX payments_date ON payments (date, reverses_payment_id, amount)`.execute(db);
  // The few reversal rows (payments being reversed while a month closes), and the few month
  // ends holding money paid beyond what was owed (the payable before a month): the unique index
  // on reverses_payment_id also holds the 1.4 M rows that reverse nothing.
  await sql`CREATE INDEX payments_reversals ON payments (reverses_payment_id) WHERE reverses_payment_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX loan_month_ends_unapplied ON loan_month_ends (loan_id, month) WHERE unapplied <> 0`.execute(
    db,
  );
}
