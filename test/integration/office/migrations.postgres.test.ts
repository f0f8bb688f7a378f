import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { appliedMigrations, migrateTo } from '../../../electron/db/migrate';
import { openPostgres, type PostgresConnection } from '../../../electron/db/postgres/open';
import {
  POSTGRES_MIGRATION_NAMES as NAMES,
  POSTGRES_MIGRATIONS,
} from '../../../electron/db/postgres/migrations';
import { adminQuery } from '../../support/postgres-cluster';
import { bookVersion } from '../../../electron/db/book-version';
import { openTestApp } from '../../support/test-app';

/*
 * PostgreSQL's own migrations, one by one, as SQLite's are in
 * test/integration/foundation/migrations.sqlite.test.ts: each on a fresh, empty database brought
 * to the migration before it.
 */
const MIGRATIONS_DIR = join(__dirname, '../../../electron/db/postgres/migrations');
const admin = () => inject('postgresAdminUrl');
const opened: { conn: PostgresConnection; name: string }[] = [];
let made = 0;

afterEach(async () => {
  for (const { conn, name } of opened.splice(0)) {
    await conn.close();
    await adminQuery(admin(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});

async function freshDatabase(): Promise<PostgresConnection> {
  const name = `migration_${process.pid}_${++made}_${Date.now().toString(36)}`;
  await adminQuery(admin(), `CREATE DATABASE ${name} TEMPLATE template0`);
  const url = new URL(admin());
  url.pathname = `/${name}`;
  const conn = openPostgres(url.toString());
  opened.push({ conn, name });
  return conn;
}

const applied = (conn: PostgresConnection) => appliedMigrations(conn.db as unknown as Kysely<unknown>);

async function tablesIn(conn: PostgresConnection): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`.execute(conn.db);
  return rows.rows.map((r) => r.name);
}

describe.each(NAMES.map((name, index) => ({ name, index })))('migration $name', ({ name, index }) => {
  it('applies on top of the migration before it, records itself and keeps every table', async () => {
    const conn = await freshDatabase();
    if (index > 0) await migrateTo(conn, NAMES[index - 1]!);
    expect(await applied(conn)).toEqual(NAMES.slice(0, index));
    const before = await tablesIn(conn);

    await migrateTo(conn, name);
    expect(await applied(conn)).toEqual(NAMES.slice(0, index + 1));
    expect(await tablesIn(conn)).toEqual(expect.arrayContaining(before));
  });

  it('is a module of its own that imports nothing but Kysely', () => {
    const source = readFileSync(join(MIGRATIONS_DIR, `${name}.ts`), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((i) => i !== 'kysely')).toEqual([]);
    expect(typeof POSTGRES_MIGRATIONS[name]?.up).toBe('function');
  });
});

it('bundles every migration file in the folder, in order', () => {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''));
  expect(files.sort()).toEqual(NAMES);
});

describe('0003_office_speed in detail', () => {
  /** A book at 0003 with two loans sharing one car and a third loan of its own. */
  async function threeLoans() {
    const conn = await freshDatabase();
    await migrateTo(conn, '0003_office_speed');
    await sql`
      INSERT INTO borrowers (id, kind, name, id_type, id_number, created_at, updated_at)
      VALUES (1, 'person', '王芳', 'resident-id', '110101199003077777', '2026-01-01', '2026-01-01')`.execute(
      conn.db,
    );
    for (const id of [1, 2, 3]) {
      await sql`
        INSERT INTO loans (id, number, borrower_id, product, status, principal, annual_rate_percent, months,
                           method, start_date, created_at, updated_at)
        VALUES (${id}, ${`PB-${id}`}, 1, 'car-title', 'active', 100000, '12', 12,
                'annuity', '2026-01-01', '2026-01-01', '2026-01-01')`.execute(conn.db);
      await sql`INSERT INTO loan_status (loan_id, computed_as_of, outstanding_principal, overdue_principal,
                                         overdue_interest, penalty_due)
                VALUES (${id}, '2026-01-01', 100000, 0, 0, 0)`.execute(conn.db);
    }
    await sql`INSERT INTO collateral_items (id, kind, borrower_id, plate, created_at, updated_at)
              VALUES (1, 'vehicle', 1, '粤B12345', '2026-01-01', '2026-01-01'),
                     (2, 'vehicle', 1, '粤B67890', '2026-01-01', '2026-01-01')`.execute(conn.db);
    await sql`INSERT INTO collateral_links (item_id, loan_id, linked_at)
              VALUES (1, 1, '2026-01-01'), (1, 2, '2026-01-01'), (2, 3, '2026-01-01')`.execute(conn.db);
    await sql`UPDATE loan_status SET collateral_stale = 0`.execute(conn.db);
    return conn;
  }
  const stale = async (conn: PostgresConnection) =>
    (
      await sql<{
        loan_id: number;
      }>`SELECT loan_id FROM loan_status WHERE collateral_stale = 1 ORDER BY 1`.execute(conn.db)
    ).rows.map((r) => r.loan_id);

  it('still marks stale the loan whose principal moved and every loan sharing its collateral', async () => {
    const conn = await threeLoans();
    await sql`UPDATE loan_status SET outstanding_principal = 90000 WHERE loan_id = 1`.execute(conn.db);
    expect(await stale(conn)).toEqual([1, 2]);
    await sql`UPDATE loan_status SET collateral_stale = 0`.execute(conn.db);
    await sql`UPDATE loan_status SET outstanding_principal = 90000 WHERE loan_id = 3`.execute(conn.db);
    expect(await stale(conn)).toEqual([3]);
  });

  it('indexes live valuations in the order the latest one is read', async () => {
    const conn = await threeLoans();
    const index = await sql<{ def: string }>`
      SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'collateral_valuations_latest'`.execute(
      conn.db,
    );
    expect(index.rows[0]?.def).toMatch(
      /\(item_id, date DESC, id DESC\) INCLUDE \(value\) WHERE \(voided_at IS NULL\)/,
    );
  });
});

describe('the sessions the app opens on a server book', () => {
  it('compile no queries just in time (it cost more than the quick queries it compiled)', async () => {
    const app = await openTestApp();
    try {
      const jit = await sql<{ jit: string }>`SHOW jit`.execute(app.ctx.db);
      expect(jit.rows[0]?.jit).toBe('off');
    } finally {
      await app.dispose();
    }
  });

  it('see the book change when another PC commits, and only then', async () => {
    const app = await openTestApp();
    const other = openPostgres(app.ctx.databasePath);
    try {
      const first = await bookVersion(app.ctx);
      expect(await bookVersion(app.ctx)).toBe(first);
      await other.db
        .insertInto('settings')
        .values({ key: 'companyName', value: '"Lucky Pawn Ltd"' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: '"Lucky Pawn Ltd"' }))
        .execute();
      const second = await bookVersion(app.ctx);
      expect(second).not.toBe(first);
      expect(await bookVersion(app.ctx)).toBe(second);
    } finally {
      await other.close();
      await app.dispose();
    }
  });
});
