import { sql, type Kysely } from 'kysely';

// Frozen once shipped. SQLite's 0027: the month-end cache keeps what the general-ledger journal
// needs (interest receivable, charges and unapplied money held, prepayment fees, each payment's
// split), and is emptied so every month is rebuilt with them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM loan_month_ends`.execute(db);
  await sql`UPDATE loan_status SET month_ends_through = NULL`.execute(db);
  await sql`
    ALTER TABLE loan_month_ends
      ADD COLUMN interest_receivable bigint NOT NULL DEFAULT 0,
      ADD COLUMN charges_outstanding bigint NOT NULL DEFAULT 0,
      ADD COLUMN unapplied bigint NOT NULL DEFAULT 0,
      ADD COLUMN collected_fee bigint NOT NULL DEFAULT 0,
      ADD COLUMN allocations text NOT NULL DEFAULT '[]'`.execute(db);
  // The ledger's cash before a month (see SQLite's 0027).
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
