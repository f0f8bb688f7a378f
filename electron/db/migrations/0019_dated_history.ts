import { sql, type Kysely } from 'kysely';

// Frozen. A past month's figures must read what was in force on each of its days, and only an
// entry dated in or before the month, keyed in afterwards, may change them (and is counted).
//
// - A schedule version is in force from its `effective_from` (a plan: its approval day) until
//   the next version's. Adding one forgets month-end rows from that day on, not the whole
//   history: a plan approved on 20 November leaves October as it was. Which version is active
//   no longer matters to a past month.
// - A status change is dated on the day it took effect (`changed_on`) and stamped with the day it
//   was recorded (`recorded_on`): a back-dated payment that settles a loan, or an imported loan
//   repaid long ago, closes it on the day the payment cleared it. A loan's history opens on its
//   disbursement day. Moving `changed_on` forgets the month-end rows it touches.

/** SQL that forgets loan `loanId`'s month-end rows from the month of `fromDate` on (as 0013). */
function forget(loanId: string, fromDate: string): string {
  return `
    DELETE FROM loan_month_ends WHERE loan_id = ${loanId} AND month >= substr(${fromDate}, 1, 7);
    UPDATE loan_status
       SET month_ends_through = min(month_ends_through, strftime('%Y-%m', ${fromDate}, 'start of month', '-1 day'))
     WHERE loan_id = ${loanId} AND month_ends_through IS NOT NULL;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE loan_status_changes ADD COLUMN recorded_on TEXT`.execute(db);
  // Until now every change was dated on the day it was recorded.
  await sql`UPDATE loan_status_changes SET recorded_on = changed_on`.execute(db);
  await sql`CREATE INDEX loan_status_changes_recorded ON loan_status_changes (recorded_on)`.execute(db);

  await sql`DROP TRIGGER loans_status_born`.execute(db);
  await sql`DROP TRIGGER loans_status_changed`.execute(db);
  await sql`
    CREATE TRIGGER loans_status_born AFTER INSERT ON loans BEGIN
      INSERT INTO loan_status_changes (loan_id, from_status, to_status, changed_on, recorded_on)
      VALUES (new.id, NULL, new.status, min(new.start_date, substr(new.created_at, 1, 10)),
              substr(new.created_at, 1, 10));
    END`.execute(db);
  await sql`
    CREATE TRIGGER loans_status_changed AFTER UPDATE OF status ON loans
    WHEN old.status IS NOT new.status BEGIN
      INSERT INTO loan_status_changes (loan_id, from_status, to_status, changed_on, recorded_on)
      VALUES (new.id, old.status, new.status, substr(new.updated_at, 1, 10), substr(new.updated_at, 1, 10));
    END`.execute(db);

  await sql`DROP TRIGGER schedule_added_month_ends`.execute(db);
  await sql`DROP TRIGGER schedule_switched_month_ends`.execute(db);
  const triggers: Record<string, string> = {
    'schedule_added_month_ends AFTER INSERT ON schedule_versions': forget(
      'new.loan_id',
      'new.effective_from',
    ),
    'status_redated_month_ends AFTER UPDATE OF changed_on ON loan_status_changes': forget(
      'new.loan_id',
      'min(old.changed_on, new.changed_on)',
    ),
  };
  for (const [head, body] of Object.entries(triggers)) {
    await sql.raw(`CREATE TRIGGER ${head} BEGIN ${body} END`).execute(db);
  }
  await sql`CREATE INDEX schedule_versions_recorded ON schedule_versions (created_at)`.execute(db);
}
