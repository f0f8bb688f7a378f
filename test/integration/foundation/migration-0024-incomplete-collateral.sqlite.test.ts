import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo } from '../../../electron/db/migrate';
import { openDatabase, type SqliteConnection as Connection } from '../../../electron/db/open';
import { useTempDir } from './support';

const tempDir = useTempDir('pledgebook-0024-');
let conn!: Connection;
afterEach(async () => conn.close());

const AT = '2026-06-15T09:00:00.000Z';
const ITEM_COLUMNS =
  'kind, borrower_id, vin, plate, make, model, year, address, property_type, lien_position, owner_kind, title_certificate_no, created_at, updated_at';

describe('migration 0024: collateral known only by what identifies it', () => {
  it('keeps every item, its valuations, search and value triggers, and lets a plate or a title deed alone be an item', async () => {
    conn = openDatabase(join(tempDir(), 'book.db'));
    await migrateTo(conn, '0020_user_ids');
    conn.sqlite.exec(`
      INSERT INTO borrowers (id, kind, name, id_type, id_number, created_at, updated_at)
        VALUES (1, 'person', 'B', 'passport', 'P1', '${AT}', '${AT}');
      INSERT INTO collateral_items (id, ${ITEM_COLUMNS})
        VALUES (1, 'vehicle', 1, 'LSVAU2180N2184847', '京A12345', '大众', '帕萨特', 2021, NULL, NULL, NULL, NULL, NULL, '${AT}', '${AT}');
      INSERT INTO collateral_valuations (item_id, date, source, value, created_at)
        VALUES (1, '2026-01-01', 'appraiser', 8000000, '${AT}');`);
    const triggersBefore = conn.sqlite
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'collateral_items' AND type <> 'table' ORDER BY name",
      )
      .all();

    await migrateTo(conn, '0024_incomplete_collateral');

    expect(conn.sqlite.prepare('SELECT id, plate, year FROM collateral_items').all()).toEqual([
      { id: 1, plate: '京A12345', year: 2021 },
    ]);
    expect(
      conn.sqlite
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'collateral_items' AND type <> 'table' ORDER BY name",
        )
        .all(),
    ).toEqual(triggersBefore);
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
    // Valuations still point at the rebuilt table: an item that does not exist is refused.
    expect(() =>
      conn.sqlite.exec(
        `INSERT INTO collateral_valuations (item_id, date, source, value, created_at) VALUES (99, '2026-01-01', 'appraiser', 1, '${AT}')`,
      ),
    ).toThrow(/FOREIGN KEY/);

    const insert = conn.sqlite.prepare(
      `INSERT INTO collateral_items (${ITEM_COLUMNS}) VALUES (?, 1, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?, '${AT}', '${AT}')`,
    );
    insert.run('vehicle', null, '京B00001', null, null, null, null, null);
    insert.run('property', null, null, null, 'residential', 1, 'borrower', '京(2020)东城区不动产权第1号');
    // Still refused: a car with neither plate nor VIN, a property with neither address nor title.
    expect(() => insert.run('vehicle', null, null, null, null, null, null, null)).toThrow(/CHECK/);
    expect(() => insert.run('property', null, null, null, 'residential', 1, 'borrower', null)).toThrow(
      /CHECK/,
    );
  });
});
