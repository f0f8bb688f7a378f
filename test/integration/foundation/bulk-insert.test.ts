import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BulkInsert } from '../../../electron/db/bulk-insert';
import { borrowerRow } from '../../../electron/services/borrowers/borrowers.service';
import { loanRow } from '../../../electron/services/loans/loans.service';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';
import { DEFAULT_PREPAYMENT } from '../../../shared/engine';

const NOW = '2026-06-15T09:00:00.000Z';
const TERMS = {
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  method: 'annuity',
  startDate: '2026-01-05',
} as const;

const borrower = (n: number) =>
  borrowerRow(
    { ...WANG_FANG, name: `王芳${n}`, idNumber: `11010119900307${String(n).padStart(4, '0')}` },
    NOW,
  );

describe('a bulk insert', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp();
  });
  afterEach(async () => app.dispose());

  const count = (sql: string) => app.ctx.sqlite.prepare(sql).pluck().get() as number;

  it('gives the ids SQLite would give, and fires every row’s triggers', async () => {
    await app.call('borrowers.create', WANG_FANG);
    const out = new BulkInsert(app.ctx, 'borrowers');
    const ids: number[] = [];
    for (let n = 0; n < 1200; n += 1) {
      const id = out.newId();
      ids.push(id);
      out.add({ id, ...borrower(n) });
    }
    // Two statements' worth are written; the rest wait for the flush.
    expect(count('SELECT count(*) FROM borrowers')).toBe(1001);
    out.flush();
    expect(count('SELECT count(*) FROM borrowers')).toBe(1201);
    expect(ids[0]).toBe(2);
    expect(ids.at(-1)).toBe(1201);
    // The search index (migration 0015) is fed by an insert trigger, one row per name.
    expect(count('SELECT count(*) FROM search_terms WHERE rowid % 16 = 1')).toBe(1201);
    expect((await app.call('search.global', { query: '王芳1199' })).map((h) => h.title)).toEqual([
      '王芳1199',
    ]);
  });

  it('writes the rows of the writers it comes after first, for their foreign keys', () => {
    const borrowers = new BulkInsert(app.ctx, 'borrowers');
    const loans = new BulkInsert(app.ctx, 'loans', { after: [borrowers] });
    const borrowerId = borrowers.newId();
    borrowers.add({ id: borrowerId, ...borrower(1) });
    loans.add(
      loanRow(
        {
          number: 'PB-1',
          product: 'car-title',
          borrowerId,
          status: 'active',
          terms: TERMS,
          prepayment: DEFAULT_PREPAYMENT,
        },
        NOW,
      ),
    );
    loans.flush();
    expect(count('SELECT count(*) FROM loans JOIN borrowers b ON b.id = borrower_id')).toBe(1);
  });

  it('replaces the named columns of an existing row in an upsert', () => {
    const borrowers = new BulkInsert(app.ctx, 'borrowers');
    const id = borrowers.newId();
    borrowers.add({ id, ...borrower(1) });
    borrowers.flush();
    const again = new BulkInsert(app.ctx, 'borrowers', {
      upsert: { conflict: 'id', update: ['phone'] },
    });
    again.add({ id, ...borrower(1), name: 'not replaced', phone: '13900000000' });
    again.flush();
    expect(app.ctx.sqlite.prepare('SELECT name, phone FROM borrowers').all()).toEqual([
      { name: '王芳1', phone: '13900000000' },
    ]);
  });

  it('refuses a row that leaves out a column whose default is not NULL', () => {
    const out = new BulkInsert(app.ctx, 'borrowers');
    // The types refuse it too; a row built from a Partial (detailColumns) can still have gaps.
    expect(() => out.add({ ...borrower(1), phone: undefined as unknown as string })).toThrow(
      'borrowers.phone has no value in a bulk insert, and its default is not NULL',
    );
    const items = new BulkInsert(app.ctx, 'collateral_items');
    const owners = new BulkInsert(app.ctx, 'borrowers');
    const borrowerId = owners.newId();
    owners.add({ id: borrowerId, ...borrower(1) });
    owners.flush();
    // A nullable column without a default is NULL, as when Kysely leaves it out.
    items.add({
      kind: 'property',
      borrower_id: borrowerId,
      status: 'active',
      description: '',
      notes: '',
      created_by: '',
      address: '北京市东城区',
      property_type: 'residential',
      lien_position: 1,
      owner_kind: 'borrower',
      title_certificate_no: undefined,
      created_at: NOW,
      updated_at: NOW,
    });
    items.flush();
    expect(app.ctx.sqlite.prepare('SELECT title_certificate_no, status FROM collateral_items').get()).toEqual(
      {
        title_certificate_no: null,
        status: 'active',
      },
    );
  });
});
