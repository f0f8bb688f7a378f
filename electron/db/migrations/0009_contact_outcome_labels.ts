import { sql, type Kysely } from 'kysely';

// Frozen. The contact outcome list becomes editable in Settings. `translated` marks an outcome
// still worded as the app shipped it, so each user sees it in their own language; renaming one
// turns it off and the lender's label is shown as typed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE contact_outcomes
    ADD COLUMN translated INTEGER NOT NULL DEFAULT 0 CHECK (translated IN (0, 1))`.execute(db);
  await sql`UPDATE contact_outcomes SET translated = 1 WHERE code IN (
    'no-answer', 'wrong-number', 'left-message', 'reached-promise', 'reached-refused',
    'reached-dispute', 'reached-hardship', 'paid', 'letter-sent')`.execute(db);
}
