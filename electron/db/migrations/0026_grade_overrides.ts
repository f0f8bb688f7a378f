import { sql, type Kysely } from 'kysely';

// Frozen. A manager's override of a loan's risk grade (五级分类), asked by one manager and
// approved by another, in force from its approval until it is removed. At most one override in
// force per loan, and one waiting.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE grade_overrides (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      grade TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'removed')),
      requested_by INTEGER NOT NULL,
      requested_by_name TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      decided_by INTEGER,
      decided_by_name TEXT,
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      effective_from TEXT,
      removed_on TEXT,
      removed_by_name TEXT,
      removal_reason TEXT NOT NULL DEFAULT '',
      CHECK (decided_by IS NULL OR decided_by <> requested_by)
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX grade_overrides_waiting ON grade_overrides (loan_id) WHERE status = 'proposed'`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX grade_overrides_in_force ON grade_overrides (loan_id) WHERE status = 'approved'`.execute(
    db,
  );
}
