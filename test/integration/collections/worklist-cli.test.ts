/**
 * `worklist --as-of DATE --json` on a seeded book with a fixed date: the list is checked against
 * the loan book's own figures (loans.list, i.e. the status cache the engine writes) and against
 * the documented score, never against a stored result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRun } from '../../support/cli-run';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { BUCKET_POINTS } from '../../../electron/services/collections/priority-score';
import { collateralValueByLoan } from '../../../electron/services/collateral/coverage';
import type { LoanListRow, WorklistRow } from '../../../shared/contract';
import { sqliteOf } from '../../../electron/services/context';

const AS_OF = '2026-06-30';
let dir: string;
let dbPath: string;

const cli = cliRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pledgebook-worklist-'));
  dbPath = join(dir, 'book.db');
  const seeded = await cli([
    'seed',
    '--loans',
    '300',
    '--seed',
    '11',
    '--db',
    dbPath,
    '--as-of',
    AS_OF,
    '--no-activity',
  ]);
  expect(seeded.code, seeded.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('worklist --json on a seeded book', () => {
  let rows: WorklistRow[];
  let overdue: LoanListRow[];
  let wholeBookCollateral: Map<number, number>;
  let exposure: Map<number, number>;

  beforeAll(async () => {
    const run = await cli(['worklist', '--as-of', AS_OF, '--db', dbPath, '--json']);
    expect(run.code, run.stderr).toBe(0);
    rows = JSON.parse(run.stdout) as WorklistRow[];
    const app = await openApp({ databasePath: dbPath, clock: fixedClock(AS_OF) });
    try {
      const listed = await app.dispatch('loans.list', { overdueOnly: true, limit: 1000 });
      if (!listed.ok) throw new Error(listed.error.message);
      overdue = (listed.value as { rows: LoanListRow[] }).rows;
      wholeBookCollateral = await collateralValueByLoan(app.ctx.db, AS_OF);
      const statuses = sqliteOf(app.ctx)
        .prepare(
          'SELECT loan_id, outstanding_principal + overdue_interest + penalty_due AS e FROM loan_status',
        )
        .all() as { loan_id: number; e: number }[];
      exposure = new Map(statuses.map((x) => [x.loan_id, x.e]));
    } finally {
      await app.close();
    }
  });

  it('lists exactly the accounts past due (no promises, visits or follow-ups exist yet)', () => {
    expect(overdue.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.loanNumber).sort()).toEqual(overdue.map((r) => r.number).sort());
  });

  it('carries the loan book’s DPD, bucket and overdue amount for each account', () => {
    const byNumber = new Map(overdue.map((r) => [r.number, r]));
    for (const r of rows) {
      const loan = byNumber.get(r.loanNumber)!;
      expect([r.borrower, r.daysPastDue, r.bucket, r.overdueAmount]).toEqual([
        loan.borrowerName,
        loan.daysPastDue,
        loan.bucket,
        loan.overdueAmount,
      ]);
    }
  });

  it('scores each row by the documented formula and explains every point', () => {
    for (const r of rows) {
      expect(r.factors.reduce((s, f) => s + f.points, 0)).toBe(r.score);
      expect(r.reasons).toHaveLength(r.factors.length);
      expect(r.factors.find((f) => f.code === 'bucket')?.points).toBe(BUCKET_POINTS[r.bucket]);
      const amountPoints = r.factors.find((f) => f.code === 'overdue-amount')?.points;
      expect(amountPoints).toBe(Math.min(30, Math.floor(r.overdueAmount / 100_000)));
      expect(r.reasons[0]).toBe(
        `+${BUCKET_POINTS[r.bucket]}: ${r.daysPastDue} days past due (bucket ${r.bucket})`,
      );
    }
  });

  it('scores collateral coverage from the collateral service, as value over exposure', () => {
    const byNumber = new Map(overdue.map((r) => [r.number, r]));
    let covered = 0;
    for (const r of rows) {
      const value = wholeBookCollateral.get(r.loanId);
      const loan = byNumber.get(r.loanNumber)!;
      const codes = r.factors.map((f) => f.code);
      if (value === undefined) {
        expect(r.coveragePercent).toBeNull();
        expect(codes).toContain('collateral-none');
        continue;
      }
      covered += 1;
      // Exposure = outstanding principal + overdue interest + penalty (exposureOf).
      // Half-up: floor((200·value + exposure) / (2·exposure)).
      const e = BigInt(exposure.get(r.loanId)!);
      expect(r.coveragePercent).toBe(Number((200n * BigInt(value) + e) / (2n * e)));
      const percent = r.coveragePercent!;
      expect(codes.includes('collateral-uncovered')).toBe(percent < 100);
      expect(codes.includes('collateral-thin')).toBe(percent >= 100 && percent < 150);
      expect(loan.outstandingPrincipal).toBeGreaterThan(0);
    }
    expect(covered).toBeGreaterThan(0);
  });

  it('puts the highest score first', () => {
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score);
  });

  it('filters by bucket, and refuses an unknown bucket with exit 2', async () => {
    const run = await cli(['worklist', '--as-of', AS_OF, '--db', dbPath, '--json', '--bucket', '1-30']);
    const filtered = JSON.parse(run.stdout) as WorklistRow[];
    expect(filtered.map((r) => r.loanNumber).sort()).toEqual(
      rows
        .filter((r) => r.bucket === '1-30')
        .map((r) => r.loanNumber)
        .sort(),
    );
    const bad = await cli(['worklist', '--as-of', AS_OF, '--db', dbPath, '--bucket', '2-3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--bucket must be one of');
  });
});
