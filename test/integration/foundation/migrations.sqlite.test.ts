import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations, migrateTo } from '../../../electron/db/migrate';
import { MIGRATION_NAMES, MIGRATIONS } from '../../../electron/db/migrations';
import { openDatabase, type SqliteConnection as Connection } from '../../../electron/db/open';
import { openApp } from '../../../electron/services/app';
import { clock, tablesIn, useTempDir } from './support';

/*
 * One block per bundled migration: a fresh database is brought to the migration before it,
 * then to this one. Add the tables a new migration creates to CREATES so they are checked too.
 */
const CREATES: Record<string, string[]> = {
  '0009_contact_outcome_labels': [],
  '0008_loan_status_history': ['loan_status_changes'],
  '0001_settings': ['settings', 'counters'],
  '0002_loan_book': [
    'borrowers',
    'loans',
    'loan_parties',
    'schedule_versions',
    'installments',
    'payments',
    'loan_status',
  ],
  '0003_collateral': [
    'collateral_items',
    'collateral_links',
    'collateral_valuations',
    'attachments',
    'attachment_links',
    'repossessions',
    'repossession_steps',
  ],
  '0004_collections': [
    'contact_outcomes',
    'collection_contacts',
    'promises_to_pay',
    'collection_visits',
    'collection_assignments',
    'borrower_unreachable',
    'legal_cases',
    'legal_case_events',
  ],
  '0005_plans': ['repayment_plans', 'write_offs', 'recoveries'],
  '0006_users_and_audit': ['audit_log', 'audit_head', 'users', 'approval_requests'],
  '0013_month_end_positions': ['loan_month_ends'],
  '0014_hot_query_indexes': [],
  '0015_search_terms': [
    'search_terms',
    'search_terms_config',
    'search_terms_content',
    'search_terms_data',
    'search_terms_docsize',
    'search_terms_idx',
  ],
  '0016_collateral_value_cache': [],
  '0017_prepayment_terms_and_receipt_splits': [],
  '0018_schedule_version_names': [],
  '0019_dated_history': [],
  '0020_user_ids': [],
  '0026_grade_overrides': ['grade_overrides'],
};

const MIGRATIONS_DIR = join(__dirname, '../../../electron/db/migrations');
const tempDir = useTempDir('pledgebook-migration-');
const opened: Connection[] = [];
afterEach(async () => {
  for (const conn of opened.splice(0)) await conn.close();
});

function freshDatabase(): Connection {
  const conn = openDatabase(join(tempDir(), 'pledgebook.db'));
  opened.push(conn);
  return conn;
}
const applied = (conn: Connection) => appliedMigrations(conn.db as unknown as Kysely<unknown>);

/** Brings a fresh database to just before `index`, then returns the schema at that point. */
async function atMigrationBefore(conn: Connection, index: number) {
  const previous = MIGRATION_NAMES[index - 1];
  if (previous !== undefined) await migrateTo(conn, previous);
  return { previous, tables: tablesIn(conn.sqlite) };
}

it('bundles at least the first migration', () => {
  expect(MIGRATION_NAMES[0]).toBe('0001_settings');
});

describe.each(MIGRATION_NAMES.map((name, index) => ({ name, index })))(
  'migration $name',
  ({ name, index }) => {
    it('applies on top of the migration before it, and records itself', async () => {
      const conn = freshDatabase();
      await atMigrationBefore(conn, index);
      expect(await applied(conn)).toEqual(MIGRATION_NAMES.slice(0, index));

      await migrateTo(conn, name);
      expect(await applied(conn)).toEqual(MIGRATION_NAMES.slice(0, index + 1));
    });

    it('keeps every table that existed before it', async () => {
      const conn = freshDatabase();
      const before = await atMigrationBefore(conn, index);
      await migrateTo(conn, name);
      expect(tablesIn(conn.sqlite)).toEqual(expect.arrayContaining(before.tables));
    });

    if (CREATES[name]) {
      it(`creates ${CREATES[name].join(', ')}`, async () => {
        const conn = freshDatabase();
        const before = await atMigrationBefore(conn, index);
        await migrateTo(conn, name);
        const created = tablesIn(conn.sqlite).filter((t) => !before.tables.includes(t));
        expect(created.sort()).toEqual([...CREATES[name]!].sort());
      });
    }

    it('leaves a sound database with no broken foreign keys', async () => {
      const conn = freshDatabase();
      await atMigrationBefore(conn, index);
      await migrateTo(conn, name);
      expect(conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
    });

    it('is a module of its own that imports nothing but Kysely', () => {
      const file = join(MIGRATIONS_DIR, `${name}.ts`);
      expect(existsSync(file)).toBe(true);
      const imports = [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((i) => i !== 'kysely')).toEqual([]);
      expect(typeof MIGRATIONS[name]?.up).toBe('function');
    });

    if (index === 0) {
      it('is applied to a brand-new database without taking a backup', async () => {
        const path = join(tempDir(), 'pledgebook.db');
        await (await openApp({ databasePath: path, clock })).close();
        expect(readdirSync(tempDir()).filter((f) => f.includes('.before-'))).toEqual([]);
      });
    } else {
      it(`backs up a database that holds data to .before-${name}.sqlite first`, async () => {
        const conn = freshDatabase();
        await atMigrationBefore(conn, index);
        conn.sqlite
          .prepare("UPDATE settings SET value = '\"Lucky Pawn Ltd\"' WHERE key = 'companyName'")
          .run();
        await conn.close();
        opened.splice(opened.indexOf(conn), 1);

        await (await openApp({ databasePath: conn.path, clock })).close();
        expect(existsSync(join(tempDir(), `pledgebook.db.before-${name}.sqlite`))).toBe(true);
      });
    }
  },
);

it('every migration file in the folder is bundled', () => {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''));
  expect(files.sort()).toEqual(MIGRATION_NAMES);
});

describe('0001_settings in detail', () => {
  async function atFirstMigration() {
    const conn = freshDatabase();
    await migrateTo(conn, '0001_settings');
    return conn;
  }

  it('starts a new book in Chinese yuan, with PB loan numbers and no company name yet', async () => {
    const conn = await atFirstMigration();
    const rows = conn.sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
      key: string;
      value: string;
    }[];
    expect(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]))).toEqual({
      companyName: '',
      currency: 'CNY',
      locale: '',
      loanNumberPrefix: 'PB',
    });
  });

  it('requires a value for every setting and holds each setting once', async () => {
    const conn = await atFirstMigration();
    expect(() => conn.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, NULL)').run('x')).toThrow(
      /NOT NULL/,
    );
    expect(() =>
      conn.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('currency', '\"HKD\"')").run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('starts with no counters, so the first loan number is 1', async () => {
    const conn = await atFirstMigration();
    expect(conn.sqlite.prepare('SELECT COUNT(*) FROM counters').pluck().get()).toBe(0);
    const columns = conn.sqlite.prepare("SELECT name, type, pk FROM pragma_table_info('counters')").all();
    expect(columns).toEqual([
      { name: 'name', type: 'TEXT', pk: 1 },
      { name: 'value', type: 'INTEGER', pk: 0 },
    ]);
  });

  it('is what the settings service reads: currency CNY through the API', async () => {
    const app = await openApp({ databasePath: join(tempDir(), 'pledgebook.db'), clock });
    try {
      // The keys 0001 seeds; later features add settings of their own with their defaults.
      expect(await app.dispatch('settings.get', {})).toMatchObject({
        ok: true,
        value: { companyName: '', currency: 'CNY', locale: '', loanNumberPrefix: 'PB' },
      });
    } finally {
      await app.close();
    }
  });
});

describe('0019_dated_history in detail', () => {
  /** A book at 0016: one loan disbursed 2026-01-10, keyed in 2026-02-01, closed 2026-03-05. */
  async function bookBefore() {
    const conn = freshDatabase();
    await migrateTo(conn, '0016_collateral_value_cache');
    const run = (statement: string) => conn.sqlite.prepare(statement).run();
    run(`INSERT INTO borrowers (id, kind, name, id_type, id_number, created_at, updated_at)
         VALUES (1, 'person', 'Wang Fang', 'resident-id', '110101199003071234', '2026-02-01T09:00:00.000Z', '2026-02-01T09:00:00.000Z')`);
    const loan = (id: number, start: string, created: string) =>
      run(`INSERT INTO loans (id, number, product, borrower_id, status, principal, annual_rate_percent, months, method, start_date, created_at, updated_at)
           VALUES (${id}, 'PB-${id}', 'car-title', 1, 'active', 100000, '12', 12, 'annuity', '${start}', '${created}T09:00:00.000Z', '${created}T09:00:00.000Z')`);
    loan(1, '2026-01-10', '2026-02-01');
    run(`INSERT INTO schedule_versions (id, loan_id, version, reason, effective_from, is_active, created_at)
         VALUES (1, 1, 1, 'contract', '2026-01-10', 1, '2026-02-01T09:00:00.000Z')`);
    run(`UPDATE loans SET status = 'closed', updated_at = '2026-03-05T09:00:00.000Z' WHERE id = 1`);
    run(`INSERT INTO loan_status (loan_id, computed_as_of, outstanding_principal, overdue_principal, overdue_interest, penalty_due, month_ends_through)
         VALUES (1, '2026-06-30', 0, 0, 0, 0, '2026-05')`);
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) {
      run(`INSERT INTO loan_month_ends (loan_id, month, status, days_past_due, outstanding_principal, overdue_principal, overdue_interest,
             penalty_due, collected_penalty, collected_interest, collected_principal, payments, recovered)
           VALUES (1, '${month}', 'active', 0, 100000, 0, 0, 0, 0, 0, 0, 0, 0)`);
    }
    await migrateTo(conn, '0019_dated_history');
    return { conn, run, loan };
  }
  const monthsKept = (conn: Connection) => ({
    months: conn.sqlite
      .prepare('SELECT month FROM loan_month_ends WHERE loan_id = 1 ORDER BY month')
      .pluck()
      .all(),
    through: conn.sqlite
      .prepare('SELECT month_ends_through FROM loan_status WHERE loan_id = 1')
      .pluck()
      .get(),
  });

  it('stamps the changes already recorded with the day they were dated, which was the day they were recorded', async () => {
    const { conn } = await bookBefore();
    expect(
      conn.sqlite
        .prepare(
          'SELECT to_status, changed_on, recorded_on FROM loan_status_changes WHERE loan_id = 1 ORDER BY id',
        )
        .all(),
    ).toEqual([
      { to_status: 'active', changed_on: '2026-02-01', recorded_on: '2026-02-01' },
      { to_status: 'closed', changed_on: '2026-03-05', recorded_on: '2026-03-05' },
    ]);
  });

  it("opens a new loan's history on its disbursement day, recorded on the day it was keyed in", async () => {
    const { conn, loan } = await bookBefore();
    loan(2, '2025-11-20', '2026-02-03');
    loan(3, '2026-04-01', '2026-02-03');
    expect(
      conn.sqlite
        .prepare(
          'SELECT loan_id, changed_on, recorded_on FROM loan_status_changes WHERE loan_id > 1 ORDER BY loan_id',
        )
        .all(),
    ).toEqual([
      { loan_id: 2, changed_on: '2025-11-20', recorded_on: '2026-02-03' },
      // Keyed in before it is disbursed: in the history from the day it was keyed in.
      { loan_id: 3, changed_on: '2026-02-03', recorded_on: '2026-02-03' },
    ]);
  });

  it('forgets month ends only from the month a new schedule version takes effect', async () => {
    const { conn, run } = await bookBefore();
    run(`INSERT INTO schedule_versions (loan_id, version, reason, effective_from, is_active, created_at)
         VALUES (1, 2, 'plan #1', '2026-04-20', 0, '2026-06-01T09:00:00.000Z')`);
    expect(monthsKept(conn)).toEqual({ months: ['2026-01', '2026-02', '2026-03'], through: '2026-03' });
    run(`UPDATE schedule_versions SET is_active = 0 WHERE id = 1`);
    expect(monthsKept(conn)).toEqual({ months: ['2026-01', '2026-02', '2026-03'], through: '2026-03' });
  });

  it('forgets month ends from the earlier day when a status change is dated back', async () => {
    const { conn, run } = await bookBefore();
    run(
      `UPDATE loan_status_changes SET changed_on = '2026-02-14' WHERE loan_id = 1 AND to_status = 'closed'`,
    );
    expect(monthsKept(conn)).toEqual({ months: ['2026-01'], through: '2026-01' });
  });
});

describe('0027_ledger_facts in detail', () => {
  it('empties the month-end cache and pulls every watermark back, so months are rebuilt with the new facts', async () => {
    const conn = freshDatabase();
    await migrateTo(conn, '0026_grade_overrides');
    const db = conn.sqlite;
    db.prepare(
      `INSERT INTO borrowers (id, kind, name, id_type, id_number, phone, created_at, updated_at)
       VALUES (1, 'person', '王芳', 'resident-id', '110101199003071234', '13800000000', '2026-01-01', '2026-01-01')`,
    ).run();
    db.prepare(
      `INSERT INTO loans (id, number, product, borrower_id, status, principal, annual_rate_percent, months, method,
         start_date, penalty_daily_rate_percent, grace_days, upfront_fee, officer, created_at, updated_at)
       VALUES (1, 'PB-1', 'mortgage', 1, 'active', 100000, '12', 12, 'annuity', '2026-01-05', '0.05', 3, 0, '', '2026-01-05', '2026-01-05')`,
    ).run();
    db.prepare(
      `INSERT INTO loan_status (loan_id, computed_as_of, outstanding_principal, overdue_principal, overdue_interest,
         penalty_due, month_ends_through) VALUES (1, '2026-03-01', 100000, 0, 0, 0, '2026-02')`,
    ).run();
    db.prepare(
      `INSERT INTO loan_month_ends (loan_id, month, status, days_past_due, outstanding_principal, overdue_principal,
         overdue_interest, penalty_due, collected_penalty, collected_interest, collected_principal, payments, recovered)
       VALUES (1, '2026-01', 'active', 0, 100000, 0, 0, 0, 0, 0, 0, 0, 0)`,
    ).run();

    await migrateTo(conn, '0027_ledger_facts');
    expect(db.prepare('SELECT count(*) FROM loan_month_ends').pluck().get()).toBe(0);
    expect(db.prepare('SELECT month_ends_through FROM loan_status').pluck().get()).toBeNull();
    const columns = (db.prepare('PRAGMA table_info(loan_month_ends)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toEqual(
      expect.arrayContaining([
        'interest_receivable',
        'charges_outstanding',
        'unapplied',
        'collected_fee',
        'allocations',
      ]),
    );
  });
});
