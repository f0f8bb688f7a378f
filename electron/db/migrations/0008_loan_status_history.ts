import { sql, type Kysely } from 'kysely';

// Frozen. Reports must say what a loan's status was on any past date (the book on D is the loans
// active, restructured or in legal on D). Triggers record every status change, so no service —
// present or future — can change a status without leaving its history. The change date is the
// date part of `updated_at`, which services set from the injected clock.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE loan_status_changes (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
      from_status TEXT,
      to_status TEXT NOT NULL,
      changed_on TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX loan_status_changes_loan ON loan_status_changes (loan_id, changed_on, id)`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER loans_status_born AFTER INSERT ON loans BEGIN
      INSERT INTO loan_status_changes (loan_id, from_status, to_status, changed_on)
      VALUES (new.id, NULL, new.status, substr(new.created_at, 1, 10));
    END`.execute(db);
  await sql`
    CREATE TRIGGER loans_status_changed AFTER UPDATE OF status ON loans
    WHEN old.status IS NOT new.status BEGIN
      INSERT INTO loan_status_changes (loan_id, from_status, to_status, changed_on)
      VALUES (new.id, old.status, new.status, substr(new.updated_at, 1, 10));
    END`.execute(db);
  // Loans that existed before this migration start their history with their current status.
  await sql`
    INSERT INTO loan_status_changes (loan_id, from_status, to_status, changed_on)
    SELECT id, NULL, status, substr(created_at, 1, 10) FROM loans`.execute(db);
}
