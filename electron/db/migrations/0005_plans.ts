import { sql, type Kysely } from 'kysely';

// Frozen: negotiated repayment plans as first shipped. One row per proposal; approval creates a
// schedule version (schedule_versions) and points at it. Calendar dates are YYYY-MM-DD, instants
// ISO-8601 UTC, money INTEGER minor units; the plan's terms and figures are JSON.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE repayment_plans (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      type TEXT NOT NULL
        CHECK (type IN ('arrears-installments', 'extension', 'holiday', 'rate-change', 'settlement')),
      params TEXT NOT NULL,
      status TEXT NOT NULL
        CHECK (status IN ('proposed', 'rejected', 'active', 'broken', 'completed', 'lapsed')),
      as_of TEXT NOT NULL,
      comparison TEXT NOT NULL,
      penalty_waived INTEGER NOT NULL DEFAULT 0 CHECK (penalty_waived >= 0),
      written_off INTEGER NOT NULL DEFAULT 0 CHECK (written_off >= 0),
      reverse_waiver_on_break INTEGER NOT NULL DEFAULT 1 CHECK (reverse_waiver_on_break IN (0, 1)),
      proposed_by INTEGER NOT NULL,
      proposed_by_name TEXT NOT NULL,
      proposed_at TEXT NOT NULL,
      proposal_note TEXT NOT NULL DEFAULT '',
      decided_by INTEGER,
      decided_by_name TEXT,
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      version_id INTEGER REFERENCES schedule_versions (id),
      carried_rows INTEGER,
      held_due_date TEXT,
      ended_on TEXT,
      CHECK (decided_by IS NULL OR decided_by <> proposed_by)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX repayment_plans_loan ON repayment_plans (loan_id, status)`.execute(db);
  await sql`CREATE INDEX repayment_plans_status ON repayment_plans (status)`.execute(db);
  // A loan follows one plan at a time.
  await sql`CREATE UNIQUE INDEX repayment_plans_one_active ON repayment_plans (loan_id)
    WHERE status = 'active'`.execute(db);

  // 核销: removing what is left of a loan from the book, approved by a second user. `amount` is
  // the payoff (principal, interest and penalty) on the approval date.
  await sql`
    CREATE TABLE write_offs (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
      amount INTEGER CHECK (amount >= 0),
      principal INTEGER CHECK (principal >= 0),
      approved_on TEXT,
      requested_by INTEGER NOT NULL,
      requested_by_name TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      decided_by INTEGER,
      decided_by_name TEXT,
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      CHECK (decided_by IS NULL OR decided_by <> requested_by)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX write_offs_loan ON write_offs (loan_id, status)`.execute(db);

  // Money received after a write-off: kept apart from payments, so the statement engine (which
  // no longer runs on a written-off loan) is untouched and reports can count recoveries.
  await sql`
    CREATE TABLE recoveries (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      write_off_id INTEGER NOT NULL REFERENCES write_offs (id),
      date TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount > 0),
      method TEXT NOT NULL,
      reference TEXT NOT NULL DEFAULT '',
      received_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX recoveries_loan ON recoveries (loan_id, date)`.execute(db);
  await sql`CREATE INDEX recoveries_date ON recoveries (date)`.execute(db);
}
