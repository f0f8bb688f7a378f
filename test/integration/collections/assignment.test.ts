import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

/** Three loans 26 DPD (bucket 1-30) on 2026-06-15: each disbursed 2026-04-20, first due 2026-05-20. */
describe('assigning accounts to collectors', () => {
  let app: TestApp;
  let numbers: string[];
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    numbers = [];
    for (const [i, principal] of [3_000_000, 2_000_000, 1_000_000].entries()) {
      const b = await app.call('borrowers.create', {
        ...WANG_FANG,
        name: `借款人${i}`,
        idNumber: `11010119900307123${i}`,
      });
      const loan = await app.call('loans.create', {
        borrowerId: b.id,
        product: 'other-secured',
        terms: { method: 'annuity', principal, annualRatePercent: '12', months: 12, startDate: '2026-04-20' },
      });
      numbers.push(loan.number);
    }
  });
  afterEach(async () => app.dispose());

  it('assigns a bucket round-robin in priority order; a second run leaves assigned accounts alone', async () => {
    const first = await app.call('collections.assignRoundRobin', {
      bucket: '1-30',
      collectors: ['张伟', '刘洋'],
    });
    const ordered = (await app.call('collections.worklist', { bucket: '1-30' })).rows.map(
      (r) => r.loanNumber,
    );
    expect(first.assigned).toEqual([
      { loanNumber: ordered[0], collector: '张伟' },
      { loanNumber: ordered[1], collector: '刘洋' },
      { loanNumber: ordered[2], collector: '张伟' },
    ]);
    expect(new Set(ordered)).toEqual(new Set(numbers));
    const mine = await app.call('collections.worklist', { collector: '刘洋' });
    expect(mine.rows.map((r) => r.loanNumber)).toEqual([ordered[1]]);
    // Nothing left unassigned: a second run assigns nothing.
    expect(
      (await app.call('collections.assignRoundRobin', { bucket: '1-30', collectors: ['张伟', '刘洋'] }))
        .assigned,
    ).toEqual([]);
  });

  it('reassigns by hand', async () => {
    const row = (await app.call('collections.worklist', {})).rows[0]!;
    await app.call('collections.assign', { loanIds: [row.loanId], collector: '王强' });
    expect((await app.call('collections.worklist', { collector: '王强' })).rows.map((r) => r.loanId)).toEqual(
      [row.loanId],
    );
    const bad = await app.attempt('collections.assign', { loanIds: [row.loanId, 999], collector: '王强' });
    expect(bad.ok ? '' : bad.error.message).toContain('loanIds: some of these loans do not exist');
  });
});
