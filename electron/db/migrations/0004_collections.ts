import { sql, type Kysely } from 'kysely';

// Frozen: the collections workbench as first shipped. Contacts are a permanent log (triggers
// refuse UPDATE and DELETE; a correction is a new row pointing at the one it amends). Instants
// are ISO-8601 UTC text; calendar dates are YYYY-MM-DD; money is INTEGER minor units.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The outcome list staff pick from; `connected` marks a real conversation, which the
  // contact-profile rules count.
  await sql`
    CREATE TABLE contact_outcomes (
      code TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      connected INTEGER NOT NULL CHECK (connected IN (0, 1)),
      sort_order INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT`.execute(db);
  await sql`INSERT INTO contact_outcomes (code, label, connected, sort_order) VALUES
    ('no-answer', 'No answer', 0, 10),
    ('wrong-number', 'Wrong number', 0, 20),
    ('left-message', 'Left message', 0, 30),
    ('reached-promise', 'Reached – promise', 1, 40),
    ('reached-refused', 'Reached – refused', 1, 50),
    ('reached-dispute', 'Reached – dispute', 1, 60),
    ('reached-hardship', 'Reached – hardship', 1, 70),
    ('paid', 'Paid', 1, 80),
    ('letter-sent', 'Letter sent', 0, 90)`.execute(db);

  await sql`
    CREATE TABLE collection_contacts (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      party_borrower_id INTEGER NOT NULL REFERENCES borrowers (id),
      party TEXT NOT NULL CHECK (party IN ('borrower', 'guarantor', 'reference')),
      channel TEXT NOT NULL CHECK (channel IN ('call-out', 'call-in', 'sms', 'letter', 'email', 'visit')),
      at TEXT NOT NULL,
      duration_seconds INTEGER NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
      outcome TEXT NOT NULL REFERENCES contact_outcomes (code),
      notes TEXT NOT NULL DEFAULT '',
      follow_up_on TEXT,
      amends_contact_id INTEGER REFERENCES collection_contacts (id),
      override_reason TEXT NOT NULL DEFAULT '',
      override_rules TEXT NOT NULL DEFAULT '',
      logged_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX collection_contacts_loan ON collection_contacts (loan_id, at)`.execute(db);
  await sql`CREATE INDEX collection_contacts_party ON collection_contacts (party_borrower_id, at)`.execute(
    db,
  );
  await sql`CREATE TRIGGER collection_contacts_immutable_update BEFORE UPDATE ON collection_contacts
    BEGIN SELECT RAISE(ABORT, 'a saved contact cannot be changed; record an amendment'); END`.execute(db);
  await sql`CREATE TRIGGER collection_contacts_immutable_delete BEFORE DELETE ON collection_contacts
    BEGIN SELECT RAISE(ABORT, 'a saved contact cannot be deleted; record an amendment'); END`.execute(db);

  // Kept or broken is not stored: it follows from payments, which can be reversed later.
  await sql`
    CREATE TABLE promises_to_pay (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      contact_id INTEGER REFERENCES collection_contacts (id),
      amount INTEGER NOT NULL CHECK (amount > 0),
      made_on TEXT NOT NULL,
      due_date TEXT NOT NULL,
      collector TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX promises_to_pay_loan ON promises_to_pay (loan_id, due_date)`.execute(db);
  await sql`CREATE INDEX promises_to_pay_due ON promises_to_pay (due_date)`.execute(db);

  await sql`
    CREATE TABLE collection_visits (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      planned_at TEXT NOT NULL,
      planned_local_date TEXT NOT NULL,
      address_kind TEXT NOT NULL CHECK (address_kind IN ('home', 'business', 'collateral')),
      address TEXT NOT NULL,
      team TEXT NOT NULL,
      purpose TEXT NOT NULL,
      talking_points TEXT NOT NULL DEFAULT '',
      override_reason TEXT NOT NULL DEFAULT '',
      override_rules TEXT NOT NULL DEFAULT '',
      planned_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      outcome TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX collection_visits_loan ON collection_visits (loan_id)`.execute(db);
  await sql`CREATE INDEX collection_visits_date ON collection_visits (planned_local_date)`.execute(db);

  await sql`
    CREATE TABLE collection_assignments (
      loan_id INTEGER PRIMARY KEY REFERENCES loans (id),
      collector TEXT NOT NULL,
      assigned_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX collection_assignments_collector ON collection_assignments (collector)`.execute(db);

  // A referral to legal: one case per escalation, moving forward through fixed stages. Costs are
  // recorded per event; charge_to_loan marks those the lender means to recover from the borrower.
  await sql`
    CREATE TABLE legal_cases (
      id INTEGER PRIMARY KEY,
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      stage TEXT NOT NULL CHECK (stage IN ('demand-sent', 'lawyer-engaged', 'filed', 'hearing', 'judgment', 'enforcement', 'closed')),
      court TEXT NOT NULL DEFAULT '',
      case_number TEXT NOT NULL DEFAULT '',
      lawyer TEXT NOT NULL DEFAULT '',
      opened_on TEXT NOT NULL,
      closed_on TEXT,
      outcome TEXT NOT NULL DEFAULT '',
      opened_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX legal_cases_loan ON legal_cases (loan_id)`.execute(db);
  await sql`
    CREATE TABLE legal_case_events (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES legal_cases (id),
      stage TEXT NOT NULL,
      date TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      cost INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
      charge_to_loan INTEGER NOT NULL DEFAULT 0 CHECK (charge_to_loan IN (0, 1)),
      recorded_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX legal_case_events_case ON legal_case_events (case_id, date)`.execute(db);

  // Third parties may be contacted (China profile) only once the borrower is marked unreachable.
  await sql`
    CREATE TABLE borrower_unreachable (
      borrower_id INTEGER PRIMARY KEY REFERENCES borrowers (id),
      since TEXT NOT NULL,
      reason TEXT NOT NULL,
      marked_by TEXT NOT NULL
    ) STRICT`.execute(db);
}
