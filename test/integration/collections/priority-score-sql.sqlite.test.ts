import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bucketOf } from '../../../shared/engine';
import { openDatabase, type SqliteConnection as Connection } from '../../../electron/db/open';
import {
  coveragePercentOf,
  priorityScore,
  priorityScoreSql,
  type ScoreFlags,
} from '../../../electron/services/collections/priority-score';

/**
 * The score in SQL must be `priorityScore` to the point, at every edge: bucket limits, the
 * amount steps and cap, and coverage just either side of 100% and 150% after rounding half up.
 */
describe('the priority score in SQL', () => {
  let conn: Connection;
  beforeAll(() => {
    conn = openDatabase(':memory:');
  });
  afterAll(async () => conn.close());

  const DPDS = [0, 1, 2, 3, 4, 30, 31, 60, 61, 90, 91, 180, 181, 2000];
  const OVERDUE = [0, 99_999, 100_000, 2_999_999, 3_000_000, 50_000_000];
  // [collateral value, exposure]: none, nothing to cover, and each side of 99.5% and 149.5%.
  const COVER: [number | null, number][] = [
    [null, 100_000],
    [0, 100_000],
    [5_000, 0],
    [99_499, 100_000],
    [99_500, 100_000],
    [149_499, 100_000],
    [149_500, 100_000],
    [1, 3],
    [900_000_000_000, 7],
  ];

  it('gives every combination the same points as priorityScore', async () => {
    const rows: { id: number; dpd: number; overdue: number; value: number | null; exposure: number }[] = [];
    for (const dpd of DPDS)
      for (const overdue of OVERDUE)
        for (const [value, exposure] of COVER)
          rows.push({ id: rows.length + 1, dpd, overdue, value, exposure });
    // Every flag on some rows, in patterns that do not line up with the grid.
    const every = (n: number) => new Set(rows.filter((r) => r.id % n === 0).map((r) => r.id));
    const flags: ScoreFlags = {
      brokenPromise: every(3),
      promiseDueToday: every(5),
      // Found in JavaScript from the borrower's calendar, only ever for 1-3 days past due.
      newDelinquency: new Set([...every(7)].filter((id) => rows[id - 1]!.dpd >= 1 && rows[id - 1]!.dpd <= 3)),
      visitDueToday: every(11),
      followUpDue: every(13),
    };
    await sql`CREATE TABLE w (id INTEGER PRIMARY KEY, dpd INTEGER, overdue INTEGER, value INTEGER, exposure INTEGER)`.execute(
      conn.db,
    );
    await sql`INSERT INTO w SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
              FROM json_each(${JSON.stringify(rows.map((r) => [r.id, r.dpd, r.overdue, r.value, r.exposure]))})`.execute(
      conn.db,
    );
    const score = priorityScoreSql(
      'sqlite',
      { id: 'w.id', dpd: 'w.dpd', overdue: 'w.overdue', collateralValue: 'w.value', exposure: 'w.exposure' },
      flags,
    );
    const fromSql = await sql<{
      id: number;
      score: number;
    }>`SELECT id, ${score} AS score FROM w ORDER BY id`.execute(conn.db);
    const expected = rows.map((r) => ({
      id: r.id,
      score: priorityScore({
        daysPastDue: r.dpd,
        bucket: bucketOf(r.dpd),
        overdueAmount: r.dpd > 0 ? r.overdue : 0,
        coveragePercent: coveragePercentOf(r.value, r.exposure),
        brokenPromise: flags.brokenPromise.has(r.id),
        promiseDueToday: flags.promiseDueToday.has(r.id),
        contactedSinceDue: !flags.newDelinquency.has(r.id),
        visitDueToday: flags.visitDueToday.has(r.id),
        followUpDue: flags.followUpDue.has(r.id),
      }).score,
    }));
    expect(fromSql.rows).toHaveLength(DPDS.length * OVERDUE.length * COVER.length);
    expect(fromSql.rows).toEqual(expected);
    // The edges are really there: rounding puts 99.5% at 100 (thin, 8) and 149.5% at 150 (0).
    expect(coveragePercentOf(99_500, 100_000)).toBe(100);
    expect(coveragePercentOf(149_500, 100_000)).toBe(150);
  });
});
