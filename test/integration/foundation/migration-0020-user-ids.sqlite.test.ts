import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo } from '../../../electron/db/migrate';
import { openDatabase, type SqliteConnection as Connection } from '../../../electron/db/open';
import { useTempDir } from './support';

const tempDir = useTempDir('pledgebook-0020-');
let conn!: Connection;
afterEach(async () => conn.close());

const AT = '2026-06-15T09:00:00.000Z';

/** A book at 0016 with four users, two of them sharing the display name 'Wang'. */
async function givenABookBefore0020() {
  conn = openDatabase(join(tempDir(), 'book.db'));
  await migrateTo(conn, '0016_collateral_value_cache');
  const user = conn.sqlite.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, 'collector', 'x', '${AT}', '${AT}')`,
  );
  user.run(1, 'li', 'Li Na');
  user.run(2, 'zhang', 'Zhang Wei');
  user.run(3, 'wang1', 'Wang');
  user.run(4, 'wang2', 'Wang');
  conn.sqlite.exec(`
    INSERT INTO borrowers (id, kind, name, id_type, id_number, created_at, updated_at)
      VALUES (1, 'person', 'B', 'passport', 'P1', '${AT}', '${AT}');`);
  return conn;
}

describe('migration 0020: users by id', () => {
  it('gives each assignment and contact the id of the user its name stands for', async () => {
    const db = await givenABookBefore0020();
    // Rows as the app wrote them before: names only. Loans are not the point here.
    db.sqlite.pragma('foreign_keys = OFF');
    const assign = db.sqlite.prepare(
      `INSERT INTO collection_assignments (loan_id, collector, assigned_at) VALUES (?, ?, '${AT}')`,
    );
    assign.run(1, 'Li Na'); // by display name
    assign.run(2, 'zhang'); // by username
    assign.run(3, 'Wang'); // two users are called Wang
    assign.run(4, '王强'); // no such user
    const contact = db.sqlite.prepare(
      `INSERT INTO collection_contacts (loan_id, party_borrower_id, party, channel, at, outcome, logged_by, created_at)
       VALUES (1, 1, 'borrower', 'call-out', '${AT}', 'no-answer', ?, '${AT}')`,
    );
    contact.run('Zhang Wei');
    contact.run('System');
    db.sqlite.pragma('foreign_keys = ON');

    await migrateTo(db, '0020_user_ids');

    expect(
      db.sqlite.prepare('SELECT loan_id, collector_id FROM collection_assignments ORDER BY loan_id').all(),
    ).toEqual([
      { loan_id: 1, collector_id: 1 },
      { loan_id: 2, collector_id: 2 },
      { loan_id: 3, collector_id: null },
      { loan_id: 4, collector_id: null },
    ]);
    expect(
      db.sqlite.prepare('SELECT logged_by_id FROM collection_contacts ORDER BY id').pluck().all(),
    ).toEqual([2, null]);
  });

  it('leaves saved contacts as immutable as they were', async () => {
    const db = await givenABookBefore0020();
    await migrateTo(db, '0020_user_ids');
    const triggers = db.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'collection_contacts' ORDER BY name",
      )
      .pluck()
      .all();
    expect(triggers).toEqual([
      'collection_contacts_immutable_delete',
      'collection_contacts_immutable_update',
    ]);
  });
});
