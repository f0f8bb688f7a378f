import { sql, type Kysely } from 'kysely';

// Frozen. The monthly report and the dashboard's 12-month trend read every loan's position at
// past month-ends. Running the engine for the whole book on every open does not scale to 100k
// loans, so each loan's month-end position is kept here, computed by the same engine.
//
// A row stays right until something dated in or before its month changes; the triggers below
// drop such rows and pull the loan's watermark (`loan_status.month_ends_through`) back, so no
// service — present or future — can change a loan's past without the cache noticing.

/** SQL that forgets loan `loanId`'s month-end rows from the month of `fromDate` on. */
function forget(loanId: string, fromDate: string): string {
  return `
    DELETE FROM loan_month_ends WHERE loan_id = ${loanId} AND month >= substr(${fromDate}, 1, 7);
    UPDATE loan_status
       SET month_ends_through = min(month_ends_through, strftime('%Y-%m', ${fromDate}, 'start of month', '-1 day'))
     WHERE loan_id = ${loanId} AND month_ends_through IS NOT NULL;`;
}

/** The whole history: a schedule or term change moves every month. */
const EVER = `'0001-01-01'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE loan_month_ends (
      loan_id INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
      month TEXT NOT NULL,
      status TEXT NOT NULL,
      days_past_due INTEGER NOT NULL,
      outstanding_principal INTEGER NOT NULL,
      overdue_principal INTEGER NOT NULL,
      overdue_interest INTEGER NOT NULL,
      penalty_due INTEGER NOT NULL,
      collected_penalty INTEGER NOT NULL,
      collected_interest INTEGER NOT NULL,
      collected_principal INTEGER NOT NULL,
      collected_charges INTEGER NOT NULL DEFAULT 0,
      payments INTEGER NOT NULL,
      recovered INTEGER NOT NULL,
      PRIMARY KEY (month, loan_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  // Clustered by month: a report or the dashboard reads a month's rows in one sequential run.
  // The triggers and the refill reach one loan's rows through this index.
  await sql`CREATE INDEX loan_month_ends_loan ON loan_month_ends (loan_id, month)`.execute(db);

  // NULL: nothing kept yet. The month-of-today collections let the dashboard read this month
  // without the engine; they belong to `collected_month` only.
  for (const column of [
    'month_ends_through TEXT',
    'collected_month TEXT',
    'collected_penalty INTEGER NOT NULL DEFAULT 0',
    'collected_interest INTEGER NOT NULL DEFAULT 0',
    'collected_principal INTEGER NOT NULL DEFAULT 0',
    'collected_charges INTEGER NOT NULL DEFAULT 0',
    'collected_payments INTEGER NOT NULL DEFAULT 0',
  ]) {
    await sql.raw(`ALTER TABLE loan_status ADD COLUMN ${column}`).execute(db);
  }

  const triggers: Record<string, string> = {
    // A reversal changes the month of the payment it reverses, which is earlier.
    'payments_moved_month_ends AFTER INSERT ON payments': forget(
      'new.loan_id',
      'min(new.date, coalesce((SELECT date FROM payments WHERE id = new.reverses_payment_id), new.date))',
    ),
    'payments_removed_month_ends AFTER DELETE ON payments': forget('old.loan_id', 'old.date'),
    'status_moved_month_ends AFTER INSERT ON loan_status_changes': forget('new.loan_id', 'new.changed_on'),
    // Legal costs charged to the loan are owed from their date and paid before any surplus.
    'charge_added_month_ends AFTER INSERT ON legal_case_events WHEN new.charge_to_loan = 1': forget(
      '(SELECT loan_id FROM legal_cases WHERE id = new.case_id)',
      'new.date',
    ),
    'charge_removed_month_ends AFTER DELETE ON legal_case_events WHEN old.charge_to_loan = 1': forget(
      '(SELECT loan_id FROM legal_cases WHERE id = old.case_id)',
      'old.date',
    ),
    'schedule_added_month_ends AFTER INSERT ON schedule_versions': forget('new.loan_id', EVER),
    'schedule_switched_month_ends AFTER UPDATE OF is_active ON schedule_versions': forget(
      'new.loan_id',
      EVER,
    ),
    'terms_changed_month_ends AFTER UPDATE OF start_date, penalty_daily_rate_percent, grace_days, product ON loans':
      forget('new.id', EVER),
  };
  for (const [head, body] of Object.entries(triggers)) {
    await sql.raw(`CREATE TRIGGER ${head} BEGIN ${body} END`).execute(db);
  }
}
