import { sql, type Kysely } from 'kysely';

// Frozen once shipped. Every PC in the office hears what another PC changed.
//
// Each table a screen shows says, when a statement that changed it commits, which loans or
// borrowers it touched: one NOTIFY on channel `pledgebook_changes` per statement (not per row, so
// an import of 100,000 loans is a handful of notices), with at most 50 ids, or none when more,
// meaning "many". The server delivers a notice only when its transaction commits, and folds
// identical notices of one transaction into one. Caches the app keeps itself (loan_status, the
// month ends, search terms, the audit chain, counters) say nothing: a refresh is not news.

/** Tables and the column naming what a change concerns: a loan, a borrower, or nothing finer. */
const NOTICES: readonly [table: string, kind: 'loans' | 'borrowers' | null, column: string | null][] = [
  ['settings', null, null],
  ['users', null, null],
  ['borrowers', 'borrowers', 'id'],
  ['loans', 'loans', 'id'],
  ['loan_parties', 'loans', 'loan_id'],
  ['schedule_versions', 'loans', 'loan_id'],
  ['payments', 'loans', 'loan_id'],
  ['collateral_items', 'borrowers', 'borrower_id'],
  ['collateral_links', 'loans', 'loan_id'],
  ['collateral_valuations', null, null],
  ['attachment_links', 'loans', 'loan_id'],
  ['repossessions', 'loans', 'loan_id'],
  ['repossession_steps', null, null],
  ['contact_outcomes', null, null],
  ['collection_assignments', 'loans', 'loan_id'],
  ['collection_contacts', 'loans', 'loan_id'],
  ['collection_visits', 'loans', 'loan_id'],
  ['promises_to_pay', 'loans', 'loan_id'],
  ['borrower_unreachable', 'borrowers', 'borrower_id'],
  ['legal_cases', 'loans', 'loan_id'],
  ['legal_case_events', null, null],
  ['repayment_plans', 'loans', 'loan_id'],
  ['write_offs', 'loans', 'loan_id'],
  ['recoveries', 'loans', 'loan_id'],
  ['approval_requests', null, null],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION pledgebook_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      ids bigint[];
    BEGIN
      -- A statement that matched no row changed nothing.
      IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN RETURN NULL; END IF;
      IF TG_NARGS = 2 THEN
        EXECUTE format(
          'SELECT array_agg(x) FROM (SELECT DISTINCT %1$I AS x FROM changed_rows WHERE %1$I IS NOT NULL LIMIT 51) s',
          TG_ARGV[1]) INTO ids;
      END IF;
      PERFORM pg_notify('pledgebook_changes', json_build_object(
        'table', TG_TABLE_NAME,
        'kind', CASE WHEN TG_NARGS = 2 THEN TG_ARGV[0] END,
        'ids', CASE WHEN cardinality(ids) > 50 THEN NULL ELSE coalesce(ids, '{}') END)::text);
      RETURN NULL;
    END $$`.execute(db);
  for (const [table, kind, column] of NOTICES) {
    const args = kind && column ? sql`${sql.lit(kind)}, ${sql.lit(column)}` : sql``;
    const on = sql.table(table);
    await sql`
      CREATE TRIGGER pledgebook_notice_insert AFTER INSERT ON ${on}
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT
        EXECUTE FUNCTION pledgebook_notify_change(${args})`.execute(db);
    await sql`
      CREATE TRIGGER pledgebook_notice_update AFTER UPDATE ON ${on}
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT
        EXECUTE FUNCTION pledgebook_notify_change(${args})`.execute(db);
    await sql`
      CREATE TRIGGER pledgebook_notice_delete AFTER DELETE ON ${on}
        REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT
        EXECUTE FUNCTION pledgebook_notify_change(${args})`.execute(db);
  }
}
