/**
 * `seed` gives every loan collateral with a valuation history, and some of it raises each kind
 * of alert. Checked from the database and through the alerts command, not from a snapshot.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';
import type { CollateralAlert } from '../../../shared/contract';
import { vinCheckDigitMatches } from '../../../shared/collateral/vin';

const AS_OF = '2026-06-15';
let dir: string;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: () => undefined, env: {} };
  return { code: await runCli(argv, io), stdout: out.join('\n') };
}

function hashOf(path: string, table: string) {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().iterate())
      hash.update(JSON.stringify(row));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

describe('seeded collateral', () => {
  let path: string;
  let alerts: CollateralAlert[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pledgebook-seed-collateral-'));
    path = join(dir, 'a.db');
    expect((await cli('seed', '--db', path, '--loans', '300', '--seed', '7', '--as-of', AS_OF)).code).toBe(0);
    const run = await cli('alerts', '--as-of', AS_OF, '--db', path, '--json');
    expect(run.code).toBe(0);
    alerts = JSON.parse(run.stdout) as CollateralAlert[];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every loan collateral of its kind, with valuations, a valid VIN for every car', () => {
    const db = new Database(path, { readonly: true });
    try {
      const unsecured = db
        .prepare('SELECT count(*) FROM loans WHERE id NOT IN (SELECT loan_id FROM collateral_links)')
        .pluck()
        .get();
      expect(unsecured).toBe(0);
      const mismatched = db
        .prepare(
          `SELECT count(*) FROM collateral_links k JOIN loans l ON l.id = k.loan_id JOIN collateral_items i ON i.id = k.item_id
           WHERE (l.product = 'car-title') <> (i.kind = 'vehicle') OR i.borrower_id <> l.borrower_id`,
        )
        .pluck()
        .get();
      expect(mismatched).toBe(0);
      const unvalued = db
        .prepare(
          'SELECT count(*) FROM collateral_items WHERE id NOT IN (SELECT item_id FROM collateral_valuations)',
        )
        .pluck()
        .get();
      expect(unvalued).toBe(0);
      const histories = db
        .prepare(
          'SELECT count(*) FROM (SELECT item_id FROM collateral_valuations GROUP BY item_id HAVING count(*) > 1)',
        )
        .pluck()
        .get() as number;
      expect(histories).toBeGreaterThan(100);
      const vins = db
        .prepare("SELECT vin FROM collateral_items WHERE kind = 'vehicle'")
        .pluck()
        .all() as string[];
      expect(vins.length).toBeGreaterThan(100);
      expect(vins.every(vinCheckDigitMatches)).toBe(true);
      expect(new Set(vins).size).toBe(vins.length);
    } finally {
      db.close();
    }
  });

  it('has stale valuations, lapsed insurance, LTV breaches and missing documents among the open loans', () => {
    const codes = new Set(alerts.map((a) => a.code));
    for (const code of [
      'valuation-stale',
      'insurance-lapsed',
      'ltv-above-threshold',
      'registration-certificate-not-held',
    ])
      expect(codes, code).toContain(code);
    for (const a of alerts) {
      expect(a.loanNumber).toMatch(/^PB-\d{4}-\d{6}$/);
      expect(a.item.length).toBeGreaterThan(0);
      expect(a.reason.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic', async () => {
    const other = join(dir, 'b.db');
    await cli('seed', '--db', other, '--loans', '300', '--seed', '7', '--as-of', AS_OF);
    for (const table of ['collateral_items', 'collateral_links', 'collateral_valuations'])
      expect(hashOf(other, table), table).toBe(hashOf(path, table));
  });
});
