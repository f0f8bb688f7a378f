/**
 * Accounts are assigned to users with the collector role: the assign UI offers them by display
 * name, which is what a collector's scope matches, and round-robin rotates through them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WANG_FANG } from '../../support/test-app';
import { movableClock, openAccessApp, type AccessApp } from '../access/support';

const collector = (username: string, displayName: string) => ({
  username,
  displayName,
  role: 'collector' as const,
  password: `${username}-password!`,
});

describe('collector choices', () => {
  let app: AccessApp;
  let clock: ReturnType<typeof movableClock>;
  beforeEach(async () => {
    clock = movableClock('2026-06-15T09:00:00.000Z');
    app = await openAccessApp(clock);
    await app.as('chen', 'owner');
  });
  afterEach(async () => app.dispose());

  it('offers only active collectors, and round-robin to them scopes each one to their own accounts', async () => {
    await app.call('users.create', collector('li', '李娜'));
    await app.call('users.create', collector('zhang', '张伟'));
    const gone = await app.call('users.create', collector('wu', '吴刚'));
    await app.call('users.update', { id: gone.id, active: false });
    await app.call('users.create', { ...collector('ma', '马丽'), role: 'manager' });

    const choices = await app.call('collections.collectors', {});
    expect(choices).toEqual([
      { username: 'zhang', displayName: '张伟' },
      { username: 'li', displayName: '李娜' },
    ]);

    // Three loans 26 days past due (bucket 1-30): disbursed 2026-04-20, first due 2026-05-20.
    const loanIds: number[] = [];
    for (const i of [1, 2, 3]) {
      const b = await app.call('borrowers.create', {
        ...WANG_FANG,
        name: `借款人${i}`,
        idNumber: `11010119900307123${i}`,
      });
      const terms = {
        method: 'annuity',
        principal: i * 1_000_000,
        annualRatePercent: '12',
        months: 12,
        startDate: '2026-04-20',
      } as const;
      loanIds.push((await app.call('loans.create', { borrowerId: b.id, product: 'car-title', terms })).id);
    }
    const { assigned } = await app.call('collections.assignRoundRobin', {
      bucket: '1-30',
      collectors: choices.map((c) => c.displayName),
    });
    expect(assigned.map((a) => a.collector)).toEqual(['张伟', '李娜', '张伟']);

    await app.call('auth.signIn', { username: 'li', password: 'li-password!' });
    const mine = (await app.call('collections.worklist', {})).rows;
    expect(mine.map((r) => r.loanNumber)).toEqual([assigned[1]!.loanNumber]);
    expect(mine[0]?.collector).toBe('李娜');
    expect((await app.call('loans.list', {})).rows.map((r) => r.number)).toEqual([assigned[1]!.loanNumber]);

    // Promise figures follow the same scope: each collector's promise, due tomorrow, is broken by 06-20.
    const promise = { amount: 100_000, dueDate: '2026-06-16' };
    await app.call('collections.logContact', {
      loanId: mine[0]!.loanId,
      channel: 'call-out',
      outcome: 'reached-promise',
      promise,
    });
    await app.call('auth.signIn', { username: 'zhang', password: 'zhang-password!' });
    const theirs = (await app.call('collections.worklist', {})).rows[0]!;
    await app.call('collections.logContact', {
      loanId: theirs.loanId,
      channel: 'call-out',
      outcome: 'reached-promise',
      promise,
    });
    clock.advanceMinutes(5 * 24 * 60);
    await app.call('auth.signIn', { username: 'li', password: 'li-password!' });
    const hers = await app.call('collections.promiseStats', {});
    expect(hers.byCollector).toEqual([{ collector: '李娜', kept: 0, broken: 1 }]);
    expect(hers.byBorrower.map((b) => [b.borrowerId, b.broken])).toEqual([[mine[0]!.borrowerId, 1]]);
    await app.call('auth.signIn', { username: 'chen', password: 'chen-password!' });
    const everyone = await app.call('collections.promiseStats', {});
    expect(everyone.byCollector.map((c) => [c.collector, c.broken]).sort()).toEqual([
      ['张伟', 1],
      ['李娜', 1],
    ]);
  });
});
