import { sql, type Kysely } from 'kysely';

// Frozen. The rules SQLite keeps in triggers, as PL/pgSQL: append-only contacts and audit rows,
// the loan status history, month-end cache invalidation, stale kept collateral values and the
// search index. Each mirrors the SQLite trigger of the same name (migrations 0004–0019).

const APPEND_ONLY = `
CREATE FUNCTION pledgebook_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION pledgebook_refuse('the audit head cannot be deleted');
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION pledgebook_refuse('the audit log is append-only');
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION pledgebook_refuse('the audit log is append-only');
CREATE TRIGGER collection_contacts_immutable_delete BEFORE DELETE ON collection_contacts
  FOR EACH ROW EXECUTE FUNCTION pledgebook_refuse('a saved contact cannot be deleted; record an amendment');
CREATE TRIGGER collection_contacts_immutable_update BEFORE UPDATE ON collection_contacts
  FOR EACH ROW EXECUTE FUNCTION pledgebook_refuse('a saved contact cannot be changed; record an amendment');
-- TRUNCATE skips row triggers; refuse it on the append-only tables as well.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION pledgebook_refuse('the audit log is append-only');
CREATE TRIGGER collection_contacts_no_truncate BEFORE TRUNCATE ON collection_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION pledgebook_refuse('a saved contact cannot be deleted; record an amendment');
`;

const STATUS_HISTORY = `
CREATE FUNCTION pledgebook_loan_status_born() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO loan_status_changes (loan_id, from_status, to_status, changed_on, recorded_on)
  VALUES (NEW.id, NULL, NEW.status, least(NEW.start_date, substr(NEW.created_at, 1, 10)),
          substr(NEW.created_at, 1, 10));
  RETURN NULL;
END $$;
CREATE TRIGGER loans_status_born AFTER INSERT ON loans
  FOR EACH ROW EXECUTE FUNCTION pledgebook_loan_status_born();

CREATE FUNCTION pledgebook_loan_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO loan_status_changes (loan_id, from_status, to_status, changed_on, recorded_on)
  VALUES (NEW.id, OLD.status, NEW.status, substr(NEW.updated_at, 1, 10), substr(NEW.updated_at, 1, 10));
  RETURN NULL;
END $$;
CREATE TRIGGER loans_status_changed AFTER UPDATE OF status ON loans
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION pledgebook_loan_status_changed();
`;

// A change dated in month M drops the loan's cached month ends from M on, and moves the loan's
// "cached through" back to the month before M (reports/month-end-cache.ts recomputes them).
const MONTH_ENDS = `
CREATE FUNCTION pledgebook_month_before(day text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  y int := substr(day, 1, 4)::int;
  m int := substr(day, 6, 2)::int;
BEGIN
  IF m = 1 THEN
    RETURN lpad((y - 1)::text, 4, '0') || '-12';
  END IF;
  RETURN lpad(y::text, 4, '0') || '-' || lpad((m - 1)::text, 2, '0');
END $$;

CREATE FUNCTION pledgebook_forget_month_ends(loan bigint, day text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM loan_month_ends WHERE loan_id = loan AND month >= substr(day, 1, 7);
  UPDATE loan_status SET month_ends_through = least(month_ends_through, pledgebook_month_before(day))
   WHERE loan_id = loan AND month_ends_through IS NOT NULL;
END $$;

CREATE FUNCTION pledgebook_payments_month_ends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pledgebook_forget_month_ends(NEW.loan_id,
      least(NEW.date, coalesce((SELECT date FROM payments WHERE id = NEW.reverses_payment_id), NEW.date)));
  ELSE
    PERFORM pledgebook_forget_month_ends(OLD.loan_id, OLD.date);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER payments_moved_month_ends AFTER INSERT ON payments
  FOR EACH ROW EXECUTE FUNCTION pledgebook_payments_month_ends();
CREATE TRIGGER payments_removed_month_ends AFTER DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION pledgebook_payments_month_ends();

CREATE FUNCTION pledgebook_charges_month_ends() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row legal_case_events := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF row.charge_to_loan = 1 THEN
    PERFORM pledgebook_forget_month_ends((SELECT loan_id FROM legal_cases WHERE id = row.case_id), row.date);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER charge_added_month_ends AFTER INSERT ON legal_case_events
  FOR EACH ROW EXECUTE FUNCTION pledgebook_charges_month_ends();
CREATE TRIGGER charge_removed_month_ends AFTER DELETE ON legal_case_events
  FOR EACH ROW EXECUTE FUNCTION pledgebook_charges_month_ends();

CREATE FUNCTION pledgebook_schedule_month_ends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pledgebook_forget_month_ends(NEW.loan_id, NEW.effective_from);
  RETURN NULL;
END $$;
CREATE TRIGGER schedule_added_month_ends AFTER INSERT ON schedule_versions
  FOR EACH ROW EXECUTE FUNCTION pledgebook_schedule_month_ends();

CREATE FUNCTION pledgebook_status_month_ends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pledgebook_forget_month_ends(NEW.loan_id, NEW.changed_on);
  ELSE
    PERFORM pledgebook_forget_month_ends(NEW.loan_id, least(OLD.changed_on, NEW.changed_on));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER status_moved_month_ends AFTER INSERT ON loan_status_changes
  FOR EACH ROW EXECUTE FUNCTION pledgebook_status_month_ends();
CREATE TRIGGER status_redated_month_ends AFTER UPDATE OF changed_on ON loan_status_changes
  FOR EACH ROW EXECUTE FUNCTION pledgebook_status_month_ends();

CREATE FUNCTION pledgebook_terms_month_ends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pledgebook_forget_month_ends(NEW.id, '0001-01-01');
  RETURN NULL;
END $$;
CREATE TRIGGER terms_changed_month_ends AFTER UPDATE OF start_date, penalty_daily_rate_percent, grace_days, product ON loans
  FOR EACH ROW EXECUTE FUNCTION pledgebook_terms_month_ends();
`;

// The kept collateral value of a loan (loan_status.collateral_value) is marked stale when
// anything it was computed from changes: valuations, links, item status, loan status, or the
// principal it is shared out against.
const COLLATERAL_VALUE = `
CREATE FUNCTION pledgebook_stale_item(item bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE loan_status SET collateral_stale = 1
   WHERE collateral_stale = 0 AND loan_id IN (SELECT loan_id FROM collateral_links WHERE item_id = item);
END $$;

CREATE FUNCTION pledgebook_stale_loan(loan bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE loan_status SET collateral_stale = 1
   WHERE collateral_stale = 0
     AND (loan_id = loan OR loan_id IN (
       SELECT other.loan_id FROM collateral_links mine
         JOIN collateral_links other ON other.item_id = mine.item_id
        WHERE mine.loan_id = loan));
END $$;

CREATE FUNCTION pledgebook_valuation_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM pledgebook_stale_item(NEW.item_id); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM pledgebook_stale_item(OLD.item_id); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER valuation_added_collateral_value AFTER INSERT ON collateral_valuations
  FOR EACH ROW EXECUTE FUNCTION pledgebook_valuation_stale();
CREATE TRIGGER valuation_changed_collateral_value AFTER UPDATE ON collateral_valuations
  FOR EACH ROW EXECUTE FUNCTION pledgebook_valuation_stale();
CREATE TRIGGER valuation_removed_collateral_value AFTER DELETE ON collateral_valuations
  FOR EACH ROW EXECUTE FUNCTION pledgebook_valuation_stale();

CREATE FUNCTION pledgebook_link_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM pledgebook_stale_item(NEW.item_id); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pledgebook_stale_item(OLD.item_id);
    PERFORM pledgebook_stale_loan(OLD.loan_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER link_added_collateral_value AFTER INSERT ON collateral_links
  FOR EACH ROW EXECUTE FUNCTION pledgebook_link_stale();
CREATE TRIGGER link_changed_collateral_value AFTER UPDATE ON collateral_links
  FOR EACH ROW EXECUTE FUNCTION pledgebook_link_stale();
CREATE TRIGGER link_removed_collateral_value AFTER DELETE ON collateral_links
  FOR EACH ROW EXECUTE FUNCTION pledgebook_link_stale();

CREATE FUNCTION pledgebook_item_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pledgebook_stale_item(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER item_changed_collateral_value AFTER UPDATE OF status ON collateral_items
  FOR EACH ROW EXECUTE FUNCTION pledgebook_item_stale();

CREATE FUNCTION pledgebook_loan_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pledgebook_stale_loan(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER loan_opened_or_closed_collateral_value AFTER UPDATE OF status ON loans
  FOR EACH ROW EXECUTE FUNCTION pledgebook_loan_stale();

CREATE FUNCTION pledgebook_principal_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pledgebook_stale_loan(NEW.loan_id);
  RETURN NULL;
END $$;
CREATE TRIGGER principal_moved_collateral_value AFTER UPDATE OF outstanding_principal ON loan_status
  FOR EACH ROW WHEN (OLD.outstanding_principal IS DISTINCT FROM NEW.outstanding_principal)
  EXECUTE FUNCTION pledgebook_principal_stale();
`;

/** Field codes, as SQLite's migration 0015 and electron/db/search-terms.ts. */
const SEARCH_FIELDS: Record<string, Record<string, number>> = {
  borrowers: { name: 1, phone: 2, id_number: 3 },
  loans: { number: 4 },
  collateral_items: { plate: 5, vin: 6, title_certificate_no: 7, mortgage_registration_no: 8, address: 9 },
};

function searchTrigger(table: string, fields: Record<string, number>): string {
  const entries = Object.entries(fields);
  const removeOld = `DELETE FROM search_terms WHERE rowid IN (${entries.map(([, c]) => `OLD.id * 16 + ${c}`).join(', ')});`;
  const addNew = entries
    .map(
      ([column, code]) =>
        `IF coalesce(NEW.${column}, '') <> '' THEN
           INSERT INTO search_terms (rowid, term) VALUES (NEW.id * 16 + ${code}, NEW.${column});
         END IF;`,
    )
    .join('\n');
  const columns = entries.map(([c]) => c).join(', ');
  return `
CREATE FUNCTION pledgebook_${table}_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${removeOld} END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ${addNew} END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ${table}_search_added AFTER INSERT ON ${table}
  FOR EACH ROW EXECUTE FUNCTION pledgebook_${table}_search();
CREATE TRIGGER ${table}_search_changed AFTER UPDATE OF ${columns} ON ${table}
  FOR EACH ROW EXECUTE FUNCTION pledgebook_${table}_search();
CREATE TRIGGER ${table}_search_removed AFTER DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION pledgebook_${table}_search();
`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(APPEND_ONLY).execute(db);
  await sql.raw(STATUS_HISTORY).execute(db);
  await sql.raw(MONTH_ENDS).execute(db);
  await sql.raw(COLLATERAL_VALUE).execute(db);
  const search = Object.entries(SEARCH_FIELDS).map(([table, fields]) => searchTrigger(table, fields));
  await sql.raw(search.join('\n')).execute(db);
}
