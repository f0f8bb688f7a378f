import { sql, type Kysely } from 'kysely';

// Frozen. The worklist ranks every overdue account by a score that includes how well its
// collateral covers it. Valuing the whole register on every call (latest valuation of each item,
// split across the open loans it secures) took most of a second at 100k loans, so each loan's
// share is kept on its status row, computed by the collateral service's own function.
//
// The triggers below only mark a loan's kept value stale; the service recomputes stale values
// before the worklist reads them. Anything that moves a share marks every loan the item secures:
// a valuation, a link, an item leaving the register, a loan opening or closing, and a change in a
// co-secured loan's outstanding principal (shares follow it).

/** SQL that marks stale every loan secured by item `itemId`. */
function markItem(itemId: string): string {
  return `UPDATE loan_status SET collateral_stale = 1
           WHERE collateral_stale = 0
             AND loan_id IN (SELECT loan_id FROM collateral_links WHERE item_id = ${itemId});`;
}

/** SQL that marks stale every loan sharing an item with loan `loanId`, and the loan itself. */
function markLoan(loanId: string): string {
  return `UPDATE loan_status SET collateral_stale = 1
           WHERE collateral_stale = 0
             AND (loan_id = ${loanId} OR loan_id IN (
               SELECT other.loan_id FROM collateral_links mine
                 JOIN collateral_links other ON other.item_id = mine.item_id
                WHERE mine.loan_id = ${loanId}));`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // NULL: no open collateral secures the loan. Existing rows start stale and fill on first use.
  await sql`ALTER TABLE loan_status ADD COLUMN collateral_value INTEGER`.execute(db);
  await sql`ALTER TABLE loan_status ADD COLUMN collateral_stale INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`CREATE INDEX loan_status_collateral_stale ON loan_status (loan_id) WHERE collateral_stale = 1`.execute(
    db,
  );
  // The roll-forward finds the rows behind today without visiting the whole book.
  await sql`CREATE INDEX loan_status_computed ON loan_status (computed_as_of)`.execute(db);
  // The kept values are current values; a worklist asked for an earlier day must know whether
  // a valuation dated after it exists.
  await sql`CREATE INDEX collateral_valuations_date ON collateral_valuations (date) WHERE voided_at IS NULL`.execute(
    db,
  );

  const triggers: Record<string, string> = {
    'valuation_added_collateral_value AFTER INSERT ON collateral_valuations': markItem('new.item_id'),
    'valuation_changed_collateral_value AFTER UPDATE ON collateral_valuations':
      markItem('new.item_id') + markItem('old.item_id'),
    'valuation_removed_collateral_value AFTER DELETE ON collateral_valuations': markItem('old.item_id'),
    'link_added_collateral_value AFTER INSERT ON collateral_links': markItem('new.item_id'),
    'link_changed_collateral_value AFTER UPDATE ON collateral_links':
      markItem('new.item_id') + markItem('old.item_id') + markLoan('old.loan_id'),
    'link_removed_collateral_value AFTER DELETE ON collateral_links':
      markItem('old.item_id') + markLoan('old.loan_id'),
    'item_changed_collateral_value AFTER UPDATE OF status ON collateral_items': markItem('new.id'),
    'loan_opened_or_closed_collateral_value AFTER UPDATE OF status ON loans': markLoan('new.id'),
    'principal_moved_collateral_value AFTER UPDATE OF outstanding_principal ON loan_status WHEN old.outstanding_principal IS NOT new.outstanding_principal':
      markLoan('new.loan_id'),
  };
  for (const [head, body] of Object.entries(triggers)) {
    await sql.raw(`CREATE TRIGGER ${head} BEGIN ${body} END`).execute(db);
  }
}
