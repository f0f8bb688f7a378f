import { sql, type Kysely } from 'kysely';

// Frozen: collateral as first shipped. One table holds both kinds of item so that one search
// (plate, VIN, certificate number, address) and one register can read them; the CHECKs keep
// each kind's required fields present. Money is INTEGER minor units; flags are 0/1.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An item belongs to one borrower (it may secure several of that borrower's loans). 'active'
  // items are held as security; 'sold' after a repossession sale; 'released' when handed back.
  await sql`
    CREATE TABLE collateral_items (
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
      CHECK (kind <> 'property' OR (address IS NOT NULL AND property_type IS NOT NULL
        AND lien_position IS NOT NULL AND owner_kind IS NOT NULL)),
      CHECK (kind <> 'vehicle' OR (vin IS NOT NULL AND plate IS NOT NULL AND make IS NOT NULL
        AND model IS NOT NULL AND year IS NOT NULL)),
      CHECK (lien_position IS NOT 2 OR prior_lien_amount IS NOT NULL)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX collateral_items_borrower ON collateral_items (borrower_id)`.execute(db);
  // A VIN identifies one car: two active items with the same VIN would be pledging it twice.
  await sql`CREATE UNIQUE INDEX collateral_items_active_vin ON collateral_items (vin) WHERE status = 'active' AND vin IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX collateral_items_plate ON collateral_items (plate) WHERE plate IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX collateral_items_title ON collateral_items (title_certificate_no) WHERE title_certificate_no IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE collateral_links (
      item_id INTEGER NOT NULL REFERENCES collateral_items (id),
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      linked_by TEXT NOT NULL DEFAULT '',
      linked_at TEXT NOT NULL,
      PRIMARY KEY (item_id, loan_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX collateral_links_loan ON collateral_links (loan_id)`.execute(db);

  // Valuations are history: a wrong one is voided with a reason, never edited or deleted.
  await sql`
    CREATE TABLE collateral_valuations (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES collateral_items (id),
      date TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('appraiser', 'internal', 'market-quote')),
      value INTEGER NOT NULL CHECK (value > 0),
      valued_by TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      voided_at TEXT,
      voided_by TEXT,
      void_reason TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX collateral_valuations_item_date ON collateral_valuations (item_id, date)`.execute(
    db,
  );

  // Files are content-addressed: one row per distinct SHA-256, stored once under the data
  // folder. Rows here are never deleted, so a file on disk always has a row that explains it.
  await sql`
    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size >= 0),
      mime TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  // Where a file is used. Unlinking stamps the row instead of deleting it, so nothing
  // disappears without a record of who removed it and why.
  await sql`
    CREATE TABLE attachment_links (
      id INTEGER PRIMARY KEY,
      attachment_id INTEGER NOT NULL REFERENCES attachments (id),
      item_id INTEGER REFERENCES collateral_items (id),
      loan_id INTEGER REFERENCES loans (id),
      valuation_id INTEGER REFERENCES collateral_valuations (id),
      category TEXT NOT NULL CHECK (category IN ('photo', 'contract', 'certificate', 'appraisal', 'other')),
      file_name TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      linked_by TEXT NOT NULL DEFAULT '',
      linked_at TEXT NOT NULL,
      unlinked_at TEXT,
      unlinked_by TEXT,
      unlink_reason TEXT,
      CHECK (item_id IS NOT NULL OR loan_id IS NOT NULL)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX attachment_links_item ON attachment_links (item_id) WHERE item_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX attachment_links_loan ON attachment_links (loan_id) WHERE loan_id IS NOT NULL`.execute(
    db,
  );

  // Repossession through sale. Each step is a row; the current stage is the latest step not
  // reversed, and only that one can be reversed, so the log reads as a story.
  await sql`
    CREATE TABLE repossessions (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES collateral_items (id),
      loan_id INTEGER NOT NULL REFERENCES loans (id),
      kind TEXT NOT NULL CHECK (kind IN ('repossession', 'foreclosure', 'judicial-auction')),
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX repossessions_item ON repossessions (item_id)`.execute(db);
  await sql`CREATE INDEX repossessions_loan ON repossessions (loan_id)`.execute(db);

  await sql`
    CREATE TABLE repossession_steps (
      id INTEGER PRIMARY KEY,
      repossession_id INTEGER NOT NULL REFERENCES repossessions (id),
      step TEXT NOT NULL CHECK (step IN ('ordered', 'possessed', 'listed', 'sold', 'applied', 'settled')),
      date TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      location TEXT,
      storage_cost INTEGER CHECK (storage_cost >= 0),
      towing_cost INTEGER CHECK (towing_cost >= 0),
      channel TEXT CHECK (channel IN ('sale', 'auction')),
      asking_price INTEGER CHECK (asking_price >= 0),
      buyer TEXT,
      gross_price INTEGER CHECK (gross_price >= 0),
      selling_costs INTEGER CHECK (selling_costs >= 0),
      payment_id INTEGER REFERENCES payments (id),
      net_proceeds INTEGER,
      applied_amount INTEGER CHECK (applied_amount >= 0),
      surplus INTEGER CHECK (surplus >= 0),
      deficiency INTEGER CHECK (deficiency >= 0),
      prior_loan_status TEXT,
      recorded_by TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL,
      reversed_at TEXT,
      reversed_by TEXT,
      reversal_reason TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX repossession_steps_case ON repossession_steps (repossession_id)`.execute(db);
}
