import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BulkInsert } from '../../../electron/db/bulk-insert';
import { borrowerRow } from '../../../electron/services/borrowers/borrowers.service';
import { loanRow } from '../../../electron/services/loans/loans.service';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';
import { DEFAULT_PREPAYMENT } from '../../../shared/engine';
import { sql } from 'kysely';

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

  const rows = async (text: string) =>
    (await sql.raw<Record<string, unknown>>(text).execute(app.ctx.db)).rows;
  const count = async (text: string) => Object.values((await rows(text))[0]!)[0] as number;

  it('gives the ids the engine would give, and fires every row’s triggers', async () => {
    await app.call('borrowers.create', WANG_FANG);
    const out = new BulkInsert(app.ctx, app.ctx.db, 'borrowers');
    const ids: number[] = [];
    for (let n = 0; n < 1200; n += 1) {
      const id = await out.newId();
      ids.push(id);
      await out.add({ id, ...borrower(n) });
    }
    // Two statements' worth are written; the rest wait for the flush.
    expect(await count('SELECT count(*) FROM borrowers')).toBe(1001);
    await out.flush();
    expect(await count('SELECT count(*) FROM borrowers')).toBe(1201);
    expect(ids[0]).toBe(2);
    expect(ids.at(-1)).toBe(1201);
    // The search index (migration 0015) is fed by an insert trigger, one row per name.
    expect(await count('SELECT count(*) FROM search_terms WHERE rowid % 16 = 1')).toBe(1201);
    expect((await app.call('search.global', { query: '王芳1199' })).map((h) => h.title)).toEqual([
      '王芳1199',
    ]);
  });

  it('writes the rows of the writers it comes after first, for their foreign keys', async () => {
    const borrowers = new BulkInsert(app.ctx, app.ctx.db, 'borrowers');
    const loans = new BulkInsert(app.ctx, app.ctx.db, 'loans', { after: [borrowers] });
    const borrowerId = await borrowers.newId();
    await borrowers.add({ id: borrowerId, ...borrower(1) });
    await loans.add(
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
    await loans.flush();
    expect(await count('SELECT count(*) FROM loans JOIN borrowers b ON b.id = borrower_id')).toBe(1);
  });

  it('replaces the named columns of an existing row in an upsert', async () => {
    const borrowers = new BulkInsert(app.ctx, app.ctx.db, 'borrowers');
    const id = await borrowers.newId();
    await borrowers.add({ id, ...borrower(1) });
    await borrowers.flush();
    const again = new BulkInsert(app.ctx, app.ctx.db, 'borrowers', {
      upsert: { conflict: 'id', update: ['phone'] },
    });
    await again.add({ id, ...borrower(1), name: 'not replaced', phone: '13900000000' });
    await again.flush();
    expect(await rows('SELECT name, phone FROM borrowers')).toEqual([
      { name: '王芳1', phone: '13900000000' },
    ]);
  });

  it('refuses a row that leaves out a column whose default is not NULL', async () => {
    const out = new BulkInsert(app.ctx, app.ctx.db, 'borrowers');
    // The types refuse it too; a row built from a Partial (detailColumns) can still have gaps.
    await expect(out.add({ ...borrower(1), phone: undefined as unknown as string })).rejects.toThrow(
      'borrowers.phone has no value in a bulk insert, and its default is not NULL',
    );
    const items = new BulkInsert(app.ctx, app.ctx.db, 'collateral_items');
    const owners = new BulkInsert(app.ctx, app.ctx.db, 'borrowers');
    const borrowerId = await owners.newId();
    await owners.add({ id: borrowerId, ...borrower(1) });
    await owners.flush();
    // A nullable column without a default is NULL, as when Kysely leaves it out.
    await items.add({
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
    await items.flush();
    expect((await rows('SELECT title_certificate_no, status FROM collateral_items'))[0]).toEqual({
      title_certificate_no: null,
      status: 'active',
    });
  });
});
