import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crashSoak, inspect } from '../../support/crash-harness';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';
import { tableChecksums } from '../../../electron/services/system/checksums';
import { sqliteOf } from '../../../electron/services/context';

describe('crash safety', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('keeps every logged transaction, whole, through 100 SIGKILLs', { timeout: 120_000 }, async () => {
    // The writer must find the database exactly as the app leaves it.
    expect(sqliteOf(app.ctx).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqliteOf(app.ctx).pragma('synchronous', { simple: true })).toBe(2);
    await app.close();

    const failures: string[] = [];
    const totals = await crashSoak(app.ctx.databasePath, 100, Math.random, ({ logged, found }, n) => {
      const present = new Set(found.complete);
      const lost = logged.filter((t) => !present.has(t));
      if (lost.length > 0) failures.push(`kill ${n}: logged but missing ${lost.join(', ')}`);
      if (found.partial.length > 0) failures.push(`kill ${n}: partial ${found.partial.join(', ')}`);
      if (found.integrity !== 'ok') failures.push(`kill ${n}: integrity ${found.integrity}`);
      // Nothing is skipped: the transactions present are exactly 1..counter.
      if (found.complete.length !== found.counter || (found.complete.at(-1) ?? 0) !== found.counter)
        failures.push(`kill ${n}: ${found.complete.length} transactions, counter ${found.counter}`);
    });
    expect(failures).toEqual([]);
    expect(totals.kills).toBe(100);
    expect(totals.loggedTransactions).toBeGreaterThan(0);
    expect(totals.survivingTransactions).toBeGreaterThanOrEqual(totals.loggedTransactions);
    expect(inspect(app.ctx.databasePath).integrity).toBe('ok');
  });
});

/** 360 installments: far more than fits in a file that may not grow. */
const aMortgage = (borrowerId: number) => ({
  borrowerId,
  product: 'mortgage',
  terms: {
    method: 'annuity',
    principal: 90_000_000,
    annualRatePercent: '6',
    months: 360,
    startDate: '2026-01-10',
  },
});

describe('a full disk', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('makes a write fail with a clear error and leaves nothing half-written', async () => {
    const { id: borrowerId } = await app.call('borrowers.create', WANG_FANG);
    const before = tableChecksums(sqliteOf(app.ctx));
    // The file may not grow by a single page: the next real write cannot fit.
    const pages = sqliteOf(app.ctx).pragma('page_count', { simple: true }) as number;
    sqliteOf(app.ctx).pragma(`max_page_count = ${pages}`);

    const result = await app.attempt('loans.create', aMortgage(borrowerId));
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!result.ok && result.error.message).toMatch(/disk is full.*nothing was saved/i);
    expect(tableChecksums(sqliteOf(app.ctx))).toEqual(before);

    sqliteOf(app.ctx).pragma('max_page_count = 1073741823');
    expect(sqliteOf(app.ctx).pragma('integrity_check', { simple: true })).toBe('ok');
    const again = await app.attempt('loans.create', aMortgage(borrowerId));
    expect(again.ok).toBe(true);
  });
});
