import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { openTestApp, type TestApp } from '../../support/test-app';
import { sqliteOf } from '../../../electron/services/context';

const TODAY = '2026-06-30';

/**
 * The hot paths must reach the big tables through an index. Every statement the app prepares
 * while doing the daily work is captured and explained; a full scan of a table that grows with
 * the book fails the test unless it is listed below with the reason it is the right plan.
 */
const GROWING = [
  'loans',
  'borrowers',
  'installments',
  'schedule_versions',
  'payments',
  'loan_status',
  'loan_month_ends',
  'loan_status_changes',
  'collection_contacts',
  'promises_to_pay',
  'collateral_items',
  'collateral_links',
  'collateral_valuations',
  'audit_log',
];

/** Plans that read a whole table on purpose. */
const WHOLE_TABLE_BY_DESIGN: { table: string; when: RegExp; why: string }[] = [
  {
    table: 'collateral_items',
    when: /^select "i"\."id" from "collateral_items" as "i" inner join "borrowers"/,
    why: 'the unfiltered register lists every item, newest first, through the rowid',
  },
  {
    table: 'collateral_items',
    when: /"i"\."holds_registration_certificate"/,
    why: 'collateral alerts (LTV, insurance, documents) judge every active item',
  },
  {
    table: 'collateral_items',
    when: /^select "id", "kind" from "collateral_items" where "status" = \?$/,
    why: "the monthly report's LTV breach count judges every active item",
  },
];

function planOf(sqlite: Database.Database, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => null);
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

describe('hot queries use indexes', () => {
  let app: TestApp;
  const prepared = new Set<string>();
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 300, seed: 3, asOf: TODAY });
    const sqlite = sqliteOf(app.ctx);
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => {
      if (/^\s*(select|update|delete|insert|with)/i.test(sql)) prepared.add(sql);
      return prepare(sql);
    }) as typeof sqlite.prepare;
  }, 120_000);
  afterAll(async () => app.dispose());

  it('for the daily work of a collector, a cashier and an owner', async () => {
    const sample = sqliteOf(app.ctx)
      .prepare(
        `SELECT l.id, l.number, b.name, b.phone, b.id_number, i.plate, i.vin FROM loans l
         JOIN borrowers b ON b.id = l.borrower_id
         JOIN collateral_links k ON k.loan_id = l.id JOIN collateral_items i ON i.id = k.item_id
         WHERE l.status = 'active' AND i.kind = 'vehicle' AND length(b.name) >= 3 ORDER BY l.id LIMIT 1`,
      )
      .get() as {
      id: number;
      number: string;
      name: string;
      phone: string;
      id_number: string;
      plate: string;
      vin: string;
    };
    await app.call('collections.worklist', {});
    for (const query of [
      sample.number,
      sample.name,
      sample.phone,
      sample.id_number.slice(-4),
      sample.plate,
      sample.vin,
    ])
      expect((await app.call('search.global', { query })).length, query).toBeGreaterThan(0);
    await app.call('loans.list', { query: '', sort: 'daysPastDue' });
    await app.call('loans.list', { overdueOnly: true, bucket: '31-60' });
    await app.call('loans.get', { id: sample.id });
    await app.call('collections.account', { loanId: sample.id });
    await app.call('payments.record', { loanId: sample.id, date: TODAY, amount: 100_00, method: 'cash' });
    await app.call('collateral.list', {});
    await app.call('reports.dashboard', {});
    await app.call('reports.aging', { asOf: TODAY });
    await app.call('reports.monthly', { month: '2026-05' });

    const scans: string[] = [];
    for (const sql of prepared) {
      for (const step of planOf(sqliteOf(app.ctx), sql)) {
        const scanned = /^SCAN (\w+)(?! USING (COVERING )?INDEX)/.exec(step)?.[1];
        if (!scanned) continue;
        const table = GROWING.find((t) => t === scanned || sql.includes(`"${t}" as "${scanned}"`));
        if (!table) continue;
        if (WHOLE_TABLE_BY_DESIGN.some((w) => w.table === table && w.when.test(sql))) continue;
        scans.push(`${table}: ${step}\n    ${sql.slice(0, 300)}`);
      }
    }
    expect(prepared.size).toBeGreaterThan(20);
    expect(scans).toEqual([]);
  });
});
