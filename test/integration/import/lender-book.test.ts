import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { fixture, importInto } from './support';

/** The books made by test/fixtures/import/src/make-lender-books.py. */
const BOOKS = {
  'GBK CSV, simplified headers': ['lender-book-gbk.csv', 'lender-payments-gbk.csv'],
  'UTF-8 CSV, traditional headers': ['lender-book-zh-TW.csv', 'lender-payments-zh-TW.csv'],
} as const;

describe.each(Object.entries(BOOKS))('a lender book as kept in Excel (%s)', (_, [loans, payments]) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('imports statuses, fees, officers, collateral kinds, a reversal and alerts, naming the unknown columns', async () => {
    const result = await importInto(app, [fixture(loans), fixture(payments)]);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ committed: true, loans: 3, collateral: 3, payments: 3 });
    const [sheet] = result.sheets;
    expect(sheet!.headers.filter((_h, i) => sheet!.fields[i] === null)).toHaveLength(2);

    const { rows } = await app.call('loans.list', { limit: 10 });
    const got = await Promise.all(rows.map((r) => app.call('loans.get', { id: r.id })));
    expect(got.map((l) => [l.number, l.product, l.status, l.upfrontFee, l.officer.slice(0, 1)])).toEqual([
      ['L-01', 'car-title', 'active', 60_000, '李'],
      ['L-02', 'car-title', 'legal', 50_000, '李'],
      ['L-03', 'mortgage', 'written-off', 800_000, '王'],
    ]);
    const alerts = await app.call('collateral.alerts', { kind: 'details' });
    expect(alerts.map((a) => [a.loanNumber, a.params.missing])).toEqual([
      ['L-01', 'vin,make,model,year'],
      ['L-02', 'plate,make,model,year'],
      // L-03 is written off: collateral of no open loan raises no alert.
    ]);
    const reversal = await app.ctx.db
      .selectFrom('payments')
      .select(['date', 'reversal_reason'])
      .where('reverses_payment_id', 'is not', null)
      .execute();
    expect(reversal).toEqual([{ date: '2026-03-08', reversal_reason: 'reversal (imported)' }]);
  });

  it('writes nothing at all when one row has an error', async () => {
    const broken = fixture(loans);
    const text = Buffer.from(broken.bytes);
    // Corrupt L-02's principal in the raw bytes (ASCII, so the same in GBK and UTF-8).
    const at = text.indexOf('50000');
    text.write('5X000', at, 'latin1');
    const result = await importInto(app, [{ name: broken.name, bytes: text }, fixture(payments)]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'amount.invalid']]);
    expect(await app.ctx.db.selectFrom('borrowers').select('id').execute()).toEqual([]);
    expect(await app.ctx.db.selectFrom('collateral_items').select('id').execute()).toEqual([]);
  });
});
