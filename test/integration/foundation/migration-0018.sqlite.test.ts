import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo } from '../../../electron/db/migrate';
import { openDatabase, type SqliteConnection as Connection } from '../../../electron/db/open';
import { useTempDir } from './support';

/*
 * 0018_schedule_version_names: a book from before it, with a contract version, the version an
 * approved arrears plan made, the one its breaking made, an extension's and an imported loan's,
 * gets each version named from what the book holds; a version nothing names stays NULL.
 */
const tempDir = useTempDir('pledgebook-0018-');
const opened: Connection[] = [];
afterEach(async () => {
  for (const conn of opened.splice(0)) await conn.close();
});

async function aBookBefore0018(): Promise<Connection> {
  const conn = openDatabase(join(tempDir(), 'pledgebook.db'));
  opened.push(conn);
  await migrateTo(conn, '0016_collateral_value_cache');
  const run = (text: string, ...params: unknown[]) => conn.sqlite.prepare(text).run(...params);
  const at = '2026-06-15T09:00:00.000Z';
  run(
    `INSERT INTO borrowers (id, kind, name, id_type, id_number, created_at, updated_at)
     VALUES (1, 'person', 'Wang Fang', 'resident-id', '110101199003071234', ?, ?)`,
    at,
    at,
  );
  const loan = (id: number) =>
    run(
      `INSERT INTO loans (id, number, product, borrower_id, status, principal, annual_rate_percent,
         months, method, start_date, created_at, updated_at)
       VALUES (?, ?, 'car-title', 1, 'restructured', 6000000, '12', 12, 'annuity', '2026-03-10', ?, ?)`,
      id,
      `PB-${id}`,
      at,
      at,
    );
  loan(1);
  loan(2);
  loan(3);
  const version = (id: number, loanId: number, v: number, reason: string, rows: number) => {
    run(
      `INSERT INTO schedule_versions (id, loan_id, version, reason, effective_from, is_active, created_at)
       VALUES (?, ?, ?, ?, '2026-06-15', 0, ?)`,
      id,
      loanId,
      v,
      reason,
      at,
    );
    for (let n = 1; n <= rows; n++) {
      run(
        `INSERT INTO installments (version_id, n, due_date, principal, interest) VALUES (?, ?, ?, 100, 10)`,
        id,
        n,
        `2026-${String(n).padStart(2, '0')}-10`,
      );
    }
  };
  const plan = (
    id: number,
    loanId: number,
    type: string,
    params: object,
    versionId: number,
    carried: number,
  ) =>
    run(
      `INSERT INTO repayment_plans (id, loan_id, type, params, status, as_of, comparison, proposed_by,
         proposed_by_name, proposed_at, decided_by, version_id, carried_rows)
       VALUES (?, ?, ?, ?, 'active', '2026-06-15', '{}', 1, 'Li Na', ?, 2, ?, ?)`,
      id,
      loanId,
      type,
      JSON.stringify(params),
      at,
      versionId,
      carried,
    );
  version(1, 1, 1, 'contract', 12);
  version(2, 1, 2, 'plan #7: arrears-installments', 12);
  version(3, 1, 3, 'plan #7 broken: waiver reversed', 13);
  version(4, 2, 1, 'contract', 12);
  version(5, 2, 2, 'plan #8: extension', 10);
  version(6, 3, 1, 'import', 12);
  version(7, 3, 2, 'rebuilt by hand', 12);
  // Arrears over 3 months riding on the regular installments (12 rows, 1 carried); an
  // extension whose version carries 2 rows and adds 8 of its own.
  plan(7, 1, 'arrears-installments', { type: 'arrears-installments', months: 3 }, 2, 1);
  plan(8, 2, 'extension', { type: 'extension', months: 8, arrears: 'keep' }, 5, 2);
  return conn;
}

const namesOf = (conn: Connection) =>
  Object.fromEntries(
    (
      conn.sqlite.prepare('SELECT id, name FROM schedule_versions ORDER BY id').all() as {
        id: number;
        name: string | null;
      }[]
    ).map((r) => [r.id, r.name === null ? null : (JSON.parse(r.name) as unknown)]),
  );

describe('0018_schedule_version_names', () => {
  it('names every version the book can account for, and leaves the rest to their reason', async () => {
    const conn = await aBookBefore0018();
    await migrateTo(conn, '0018_schedule_version_names');
    expect(namesOf(conn)).toEqual({
      1: { kind: 'contract' },
      2: { kind: 'plan', planId: 7, planType: 'arrears-installments', installments: 3 },
      3: { kind: 'plan-broken', planId: 7 },
      4: { kind: 'contract' },
      5: { kind: 'plan', planId: 8, planType: 'extension', installments: 8 },
      6: { kind: 'import' },
      7: null,
    });
    // The reasons themselves are kept as they were.
    expect(conn.sqlite.prepare('SELECT reason FROM schedule_versions WHERE id = 3').pluck().get()).toBe(
      'plan #7 broken: waiver reversed',
    );
  });

  it('names a lapsed settlement’s version', async () => {
    const conn = await aBookBefore0018();
    conn.sqlite.prepare("UPDATE schedule_versions SET reason = 'plan #12 lapsed' WHERE id = 7").run();
    await migrateTo(conn, '0018_schedule_version_names');
    expect(namesOf(conn)[7]).toEqual({ kind: 'plan-lapsed', planId: 12 });
  });
});
