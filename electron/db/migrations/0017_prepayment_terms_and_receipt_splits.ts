import { sql, type Kysely } from 'kysely';

// Frozen. Two things a loan must keep as they were on the day they happened:
//  - how early settlement is priced (interest to date or for the whole period, and a fee on the
//    principal repaid early). Each loan keeps the terms it was made with; loans made before this
//    migration settle as the rule always meant: interest to date, no fee;
//  - how each payment was split when it was posted, so a reprinted receipt says what the paper
//    in the borrower's hands says. Payments posted before this migration have no stored split
//    (NULL): their receipts show the split the engine computes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE loans ADD COLUMN prepayment_interest TEXT NOT NULL DEFAULT 'to-date'
    CHECK (prepayment_interest IN ('to-date', 'whole-period'))`.execute(db);
  await sql`ALTER TABLE loans ADD COLUMN prepayment_fee_percent TEXT NOT NULL DEFAULT '0'`.execute(db);
  await sql`ALTER TABLE payments ADD COLUMN receipt_split TEXT
    CHECK (receipt_split IS NULL OR json_valid(receipt_split))`.execute(db);
}
