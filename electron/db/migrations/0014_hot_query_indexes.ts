import { sql, type Kysely } from 'kysely';

// Frozen. Indexes for the queries the daily work and the reports run on a large book; the
// query-plan test (test/integration/performance) names the statement each one serves.
export async function up(db: Kysely<unknown>): Promise<void> {
  const indexes = [
    // The worklist's follow-ups due: few contacts carry a follow-up date.
    'collection_contacts_follow_up ON collection_contacts (follow_up_on) WHERE follow_up_on IS NOT NULL',
    // The monthly report's contacts and guard overrides in a month.
    'collection_contacts_at ON collection_contacts (at)',
    // The monthly report's promises made in a month.
    'promises_to_pay_made ON promises_to_pay (made_on)',
    // The monthly report's count of entries keyed in after the month closed.
    'payments_created ON payments (created_at, date, reverses_payment_id)',
    // The dashboard's collections this month, read from the index alone.
    'loan_status_collected ON loan_status (collected_month, collected_penalty, collected_interest, collected_principal, collected_charges)',
    // Loans whose month-end rows are behind.
    'loan_status_month_ends ON loan_status (month_ends_through)',
  ];
  for (const index of indexes) await sql.raw(`CREATE INDEX ${index}`).execute(db);
}
