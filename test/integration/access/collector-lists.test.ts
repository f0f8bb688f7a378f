import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenTwoCollectorsWithFullAccounts, type TwoCollectorsBook } from './two-collectors';
import { rawSql } from '../../support/test-app';

let book!: TwoCollectorsBook;
beforeAll(async () => {
  book = await givenTwoCollectorsWithFullAccounts();
}, 120_000);
afterAll(async () => book?.app.dispose());

/** The loans a list shows, as Li (a collector) and as Wu (a manager) see it. */
async function loansListed(read: () => Promise<number[]>) {
  book.app.session.signIn(book.actors.collector);
  const li = [...new Set(await read())].sort();
  book.app.session.signIn(book.actors.manager);
  const wu = [...new Set(await read())].sort();
  return { li, wu };
}

describe("a collector's lists show only their own accounts", () => {
  it.each([
    [
      'open legal cases',
      async () => (await book.app.call('collections.legalCases', {})).map((c) => c.loanId),
    ],
    ['plans', async () => (await book.app.call('plans.list', {})).map((p) => p.loanId)],
    ['write-offs', async () => (await book.app.call('writeOffs.list', {})).map((w) => w.loanId)],
    [
      // A year on, both cars' valuations are stale: each account has an alert.
      'collateral alerts',
      async () => (await book.app.call('collateral.alerts', { asOf: '2027-06-15' })).map((a) => a.loanId),
    ],
  ] as const)('%s', async (_, read) => {
    const { lis, zhangs } = book;
    expect(await loansListed(read)).toEqual({ li: [lis.loan], wu: [lis.loan, zhangs.loan].sort() });
  });

  it('the approvals inbox: requests, proposed plans and grade overrides', async () => {
    const { lis, zhangs } = book;
    const listed = async () =>
      (await book.app.call('approvals.list', {})).map((r) => `${r.entity}:${r.entityId}`).sort();
    // An override names its loan by number, as staff quote it.
    const numberOf = async (id: number) => (await book.app.call('loans.get', { id })).number;
    book.app.session.signIn(book.actors.collector);
    const mine = [`payment:${lis.payment}`, `plan:${lis.plan}`, `grade-override:${await numberOf(lis.loan)}`];
    expect(await listed()).toEqual(mine.sort());
    book.app.session.signIn(book.actors.manager);
    expect(await listed()).toEqual(
      [
        ...mine,
        `payment:${zhangs.payment}`,
        `plan:${zhangs.plan}`,
        `grade-override:${await numberOf(zhangs.loan)}`,
      ].sort(),
    );
  });
});

describe("a borrower's page, for a collector", () => {
  it("lists only the borrower's loans assigned to them", async () => {
    const { lis, app, actors } = book;
    // Li's borrower takes a second loan, which is Zhang's to collect.
    app.session.signIn(actors.manager);
    const { borrower } = lis;
    const { id: second } = await app.call('loans.create', {
      borrowerId: borrower,
      product: 'car-title',
      terms: {
        method: 'annuity',
        principal: 1_000_000,
        annualRatePercent: '12',
        months: 6,
        startDate: '2026-05-01',
      },
    });
    await rawSql(app.ctx.db).run(
      "INSERT INTO collection_assignments (loan_id, collector, collector_id, assigned_at) VALUES (?, 'zhang', ?, '2026-06-15T00:00:00.000Z')",
      second,
      actors.zhang.userId,
    );
    const loansSeen = async () =>
      (await app.call('borrowers.get', { id: borrower })).loans.map((l) => l.id).sort();
    expect(await loansSeen()).toEqual([lis.loan, second].sort());
    app.session.signIn(actors.collector);
    expect(await loansSeen()).toEqual([lis.loan]);
  });
});
