import { sql, type Kysely } from 'kysely';

// Frozen: the loan book as first shipped. Money columns are INTEGER minor units; rates are TEXT
// decimals so the engine can do exact arithmetic on exactly what was agreed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE borrowers (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('person', 'company')),
      name TEXT NOT NULL CHECK (length(name) > 0),
      id_type TEXT NOT NULL,
      id_number TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '',
      alt_phone TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      employer TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX borrowers_name ON borrowers (name)`.execute(db);
  await sql`CREATE INDEX borrowers_phone ON borrowers (phone)`.execute(db);
  await sql`CREATE INDEX borrowers_id_number ON borrowers (id_number)`.execute(db);

  await sql`
    CREATE TABLE loans (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      product TEXT NOT NULL CHECK (product IN ('mortgage', 'car-title', 'other-secured')),
      borrower_id INTEGER NOT NULL REFERENCES borrowers (id),
      status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'restructured', 'legal', 'repossessed', 'written-off', 'closed')),
      principal INTEGER NOT NULL CHECK (principal > 0),
      annual_rate_percent TEXT NOT NULL,
      months INTEGER NOT NULL CHECK (months >= 1),
      method TEXT NOT NULL CHECK (method IN ('annuity', 'equal-principal', 'interest-only', 'bullet')),
      start_date TEXT NOT NULL,
      penalty_daily_rate_percent TEXT NOT NULL DEFAULT '0',
      grace_days INTEGER NOT NULL DEFAULT 0 CHECK (grace_days >= 0),
      upfront_fee INTEGER NOT NULL DEFAULT 0 CHECK (upfront_fee >= 0),
      officer TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX loans_borrower ON loans (borrower_id)`.execute(db);
  await sql`CREATE INDEX loans_status ON loans (status)`.execute(db);

  // Guarantors and third-party references are parties to a loan; references are flagged as
  // third parties so collections can restrict when they may be contacted.
  await sql`
    CREATE TABLE loan_parties (
      loan_id INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
      borrower_id INTEGER NOT NULL REFERENCES borrowers (id),
      role TEXT NOT NULL CHECK (role IN ('guarantor', 'reference')),
      relationship TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (loan_id, borrower_id, role)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX loan_parties_borrower ON loan_parties (borrower_id)`.execute(db);

  // A loan's schedule is versioned: version 1 is the contract; repayment plans add versions that
  // replace the remaining schedule while earlier ones stay viewable.
  await sql`
    CREATE TABLE schedule_versions (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      reason TEXT NOT NULL,
      effective_from TEXT NOT NULL,
      is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
      created_at TEXT NOT NULL,
      UNIQUE (loan_id, version)
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX schedule_versions_one_active ON schedule_versions (loan_id) WHERE is_active = 1`.execute(
    db,
  );

  await sql`
    CREATE TABLE installments (
      version_id INTEGER NOT NULL REFERENCES schedule_versions (id) ON DELETE CASCADE,
      n INTEGER NOT NULL CHECK (n >= 1),
      due_date TEXT NOT NULL,
      principal INTEGER NOT NULL,
      interest INTEGER NOT NULL,
      PRIMARY KEY (version_id, n)
    ) STRICT, WITHOUT ROWID`.execute(db);

  // Payments are never deleted or edited: a reversal is its own row pointing at the original.
  await sql`
    CREATE TABLE payments (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      receipt_number TEXT NOT NULL UNIQUE,
      date TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount > 0),
      method TEXT NOT NULL CHECK (method IN ('cash', 'bank-transfer', 'other')),
      reference TEXT NOT NULL DEFAULT '',
      received_by TEXT NOT NULL DEFAULT '',
      reverses_payment_id INTEGER UNIQUE REFERENCES payments (id),
      reversal_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX payments_loan_date ON payments (loan_id, date)`.execute(db);

  // Per-loan status as of the last change, written in the same transaction as the change. DPD on
  // any later date D is max(0, D - oldest_unpaid_due_date), so the cache never goes stale with
  // the calendar; only payments and schedule changes move it.
  await sql`
    CREATE TABLE loan_status (
      loan_id INTEGER PRIMARY KEY REFERENCES loans (id) ON DELETE CASCADE,
      computed_as_of TEXT NOT NULL,
      oldest_unpaid_due_date TEXT,
      outstanding_principal INTEGER NOT NULL,
      overdue_principal INTEGER NOT NULL,
      overdue_interest INTEGER NOT NULL,
      penalty_due INTEGER NOT NULL,
      next_due_date TEXT,
      next_due_amount INTEGER,
      last_payment_date TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX loan_status_oldest_unpaid ON loan_status (oldest_unpaid_due_date)`.execute(db);
}
