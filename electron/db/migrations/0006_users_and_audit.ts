import { sql, type Kysely } from 'kysely';

// Frozen: users, the tamper-evident audit trail and maker-checker approval requests.
export async function up(db: Kysely<unknown>): Promise<void> {
  // AUTOINCREMENT keeps sqlite_sequence at the highest id ever used, so a deleted last row still
  // leaves a trace that `audit verify` can see.
  await sql`
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      user_id INTEGER NOT NULL,
      username TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_log_user ON audit_log (user_id)`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  // The chain's head, moved in the same transaction as each append: cutting rows off the end
  // of the log leaves the head pointing at a row that is gone.
  await sql`
    CREATE TABLE audit_head (
      one INTEGER PRIMARY KEY CHECK (one = 1),
      last_id INTEGER NOT NULL,
      last_hash TEXT NOT NULL,
      row_count INTEGER NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, 'the audit head cannot be deleted'); END`.execute(db);

  await sql`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY CHECK (id > 0),
      username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) > 0),
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'collector', 'viewer')),
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  // Maker-checker: an action waits here until a second user decides it. The CHECK is a last line
  // of defence behind the service rule that nobody approves their own request.
  await sql`
    CREATE TABLE approval_requests (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('write-off', 'penalty-waiver', 'settlement-discount', 'plan-approval', 'backdated-payment', 'payment-reversal')),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
      requested_by INTEGER NOT NULL,
      requested_at TEXT NOT NULL,
      decided_by INTEGER,
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      result TEXT,
      CHECK (decided_by IS NULL OR decided_by <> requested_by)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX approval_requests_status ON approval_requests (status, kind)`.execute(db);
}
