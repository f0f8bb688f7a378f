/**
 * Every table of a book, in an order where each comes after the tables it refers to, with the
 * key it is read in (and checksummed in) on both engines. A table missing here is a table
 * `office move` would leave behind: test/integration/office proves the list matches the schema.
 */
export interface BookTable {
  table: string;
  key: readonly string[];
  /** Columns to read, when `*` would miss one (SQLite's FTS5 table hides its rowid). */
  columns?: readonly string[];
}

export const BOOK_TABLES: readonly BookTable[] = [
  { table: 'settings', key: ['key'] },
  { table: 'counters', key: ['name'] },
  { table: 'users', key: ['id'] },
  { table: 'borrowers', key: ['id'] },
  { table: 'loans', key: ['id'] },
  { table: 'loan_parties', key: ['loan_id', 'borrower_id', 'role'] },
  { table: 'schedule_versions', key: ['id'] },
  { table: 'installments', key: ['version_id', 'n'] },
  // A reversal refers to the payment it reverses, always an earlier id.
  { table: 'payments', key: ['id'] },
  { table: 'loan_status', key: ['loan_id'] },
  { table: 'loan_status_changes', key: ['id'] },
  { table: 'loan_month_ends', key: ['month', 'loan_id'] },
  { table: 'collateral_items', key: ['id'] },
  { table: 'collateral_links', key: ['item_id', 'loan_id'] },
  { table: 'collateral_valuations', key: ['id'] },
  { table: 'attachments', key: ['id'] },
  { table: 'attachment_links', key: ['id'] },
  { table: 'repossessions', key: ['id'] },
  { table: 'repossession_steps', key: ['id'] },
  { table: 'contact_outcomes', key: ['code'] },
  { table: 'collection_assignments', key: ['loan_id'] },
  // An amendment refers to the contact it amends, always an earlier id.
  { table: 'collection_contacts', key: ['id'] },
  { table: 'collection_visits', key: ['id'] },
  { table: 'promises_to_pay', key: ['id'] },
  { table: 'borrower_unreachable', key: ['borrower_id'] },
  { table: 'legal_cases', key: ['id'] },
  { table: 'legal_case_events', key: ['id'] },
  { table: 'repayment_plans', key: ['id'] },
  { table: 'write_offs', key: ['id'] },
  { table: 'recoveries', key: ['id'] },
  { table: 'grade_overrides', key: ['id'] },
  { table: 'approval_requests', key: ['id'] },
  { table: 'audit_log', key: ['id'] },
  { table: 'audit_head', key: ['one'] },
  // The search index is copied as it is (the triggers that feed it are off during the copy).
  { table: 'search_terms', key: ['rowid'], columns: ['rowid', 'term'] },
];

/** Rows a new book starts with (settings, outcome labels, the audit head): replaced by a move. */
export const STARTING_TABLES: ReadonlySet<string> = new Set(['settings', 'contact_outcomes', 'audit_head']);
