import { sql, type Kysely } from 'kysely';

// Frozen. A lender's own spreadsheet rarely holds a car's make, model and year or a property's
// address: it holds what identifies the item (a plate or VIN, a title-deed number). Items may
// now be recorded with only that; the collateral alerts name what is still to be completed.
// SQLite cannot drop a CHECK, so the table is rebuilt by SQLite's documented procedure
// (sqlite.org/lang_altertable.html, "other kinds of table schema changes"): the migrator turns
// foreign keys off for the run, and this checks them before it commits. Indexes and triggers
// are recreated from their own stored definitions, exactly as they were.
export async function up(db: Kysely<unknown>): Promise<void> {
  const dependents = await sql<{ sql: string }>`
    SELECT sql FROM sqlite_master
    WHERE tbl_name = 'collateral_items' AND type IN ('index', 'trigger') AND sql IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE collateral_items_new (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('property', 'vehicle')),
      borrower_id INTEGER NOT NULL REFERENCES borrowers (id),
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'sold', 'released')),
      description TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',

      address TEXT,
      property_type TEXT CHECK (property_type IN ('residential', 'commercial', 'land')),
      floor_area_m2 TEXT,
      title_certificate_no TEXT,
      holds_title_certificate INTEGER CHECK (holds_title_certificate IN (0, 1)),
      mortgage_registration_no TEXT,
      mortgage_registration_date TEXT,
      holds_mortgage_registration INTEGER CHECK (holds_mortgage_registration IN (0, 1)),
      lien_position INTEGER CHECK (lien_position IN (1, 2)),
      prior_lien_amount INTEGER CHECK (prior_lien_amount >= 0),
      owner_kind TEXT CHECK (owner_kind IN ('borrower', 'third-party')),
      owner_name TEXT,
      occupancy TEXT CHECK (occupancy IN ('owner-occupied', 'tenanted', 'vacant')),

      vin TEXT CHECK (vin IS NULL OR length(vin) = 17),
      plate TEXT,
      make TEXT,
      model TEXT,
      year INTEGER,
      colour TEXT,
      mileage_km INTEGER CHECK (mileage_km >= 0),
      holds_registration_certificate INTEGER CHECK (holds_registration_certificate IN (0, 1)),
      holds_spare_key INTEGER CHECK (holds_spare_key IN (0, 1)),
      gps_installed INTEGER CHECK (gps_installed IN (0, 1)),
      gps_device_id TEXT,
      insurer TEXT,
      insurance_policy_no TEXT,
      insurance_expiry TEXT,
      parking_location TEXT,

      created_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      -- What identifies the item must be there; the rest may wait.
      CHECK (kind <> 'property' OR ((address IS NOT NULL OR title_certificate_no IS NOT NULL)
        AND property_type IS NOT NULL AND lien_position IS NOT NULL AND owner_kind IS NOT NULL)),
      CHECK (kind <> 'vehicle' OR vin IS NOT NULL OR plate IS NOT NULL),
      CHECK (lien_position IS NOT 2 OR prior_lien_amount IS NOT NULL)
    ) STRICT`.execute(db);
  await sql`INSERT INTO collateral_items_new SELECT * FROM collateral_items`.execute(db);
  await sql`DROP TABLE collateral_items`.execute(db);
  await sql`ALTER TABLE collateral_items_new RENAME TO collateral_items`.execute(db);
  for (const { sql: definition } of dependents.rows) await sql.raw(definition).execute(db);
  const broken = await sql`PRAGMA foreign_key_check`.execute(db);
  if (broken.rows.length > 0) throw new Error('collateral rebuild left a broken foreign key');
}
