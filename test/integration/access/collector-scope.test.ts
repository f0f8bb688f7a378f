import { afterEach, describe, expect, it } from 'vitest';
import { WANG_FANG } from '../../support/test-app';
import { aCar, appraisal, GOOD_VIN, OTHER_VIN } from '../collateral/support';
import { movableClock, openAccessApp, type AccessApp } from './support';

const TERMS = {
  method: 'annuity',
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-03-10',
} as const;

let app!: AccessApp;
afterEach(async () => app.dispose());

/** A borrower with an unpaid loan (three installments behind on 2026-06-15) secured by a car. */
async function accountFor(name: string, idNumber: string, car: { vin: string; plate: string }) {
  const { id: borrowerId } = await app.call('borrowers.create', { ...WANG_FANG, name, idNumber });
  const { id: loanId, number } = await app.call('loans.create', {
    borrowerId,
    product: 'car-title',
    terms: TERMS,
  });
  const { id: itemId } = await app.call('collateral.create', {
    loanIds: [loanId],
    details: aCar(car),
    valuation: appraisal('2026-03-01', 10_000_000),
  });
  return { borrowerId, loanId, number, itemId };
}

/** Li and Zhang collect; each has one account. Chen owns the book. */
async function givenTwoCollectorsWithOneAccountEach() {
  app = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
  await app.as('chen', 'owner');
  const lis = await accountFor('王芳', '110101199003071234', { vin: GOOD_VIN, plate: '京A·12345' });
  const zhangs = await accountFor('李强', '110101198511112345', { vin: OTHER_VIN, plate: '沪B·67890' });
  await app.as('li', 'collector');
  await app.as('zhang', 'collector');
  await app.as('chen');
  await app.call('collections.assign', { loanIds: [lis.loanId], collector: 'li' });
  await app.call('collections.assign', { loanIds: [zhangs.loanId], collector: 'zhang' });
  return { lis, zhangs };
}

const worklistLoans = async () =>
  (await app.call('collections.worklist', {})).rows.map((r) => r.loanId).sort();
const registerItems = async (query = '') =>
  (await app.call('collateral.list', { query, offset: 0, limit: 50 })).rows.map((r) => r.id).sort();
const hitsFor = async (query: string) =>
  (await app.call('search.global', { query })).map((h) => `${h.kind}:${h.id}`).sort();

describe('collector scope in search, worklist and collateral register', () => {
  it("a collector cannot find another collector's borrower, loan or car", async () => {
    const { lis, zhangs } = await givenTwoCollectorsWithOneAccountEach();
    await app.as('li');

    expect(await hitsFor('李强')).toEqual([]);
    expect(await hitsFor(zhangs.number)).toEqual([]);
    expect(await hitsFor('沪B')).toEqual([]);
    // Their own account is still found, by name, loan number and plate.
    expect(await hitsFor('王芳')).toEqual([`borrower:${lis.borrowerId}`]);
    expect(await hitsFor(lis.number)).toEqual([`loan:${lis.loanId}`]);
    expect(await hitsFor('京A')).toEqual([`collateral:${lis.itemId}`]);

    expect(await worklistLoans()).toEqual([lis.loanId]);
    expect(await registerItems()).toEqual([lis.itemId]);
    expect(await registerItems('李强')).toEqual([]);
    const register = await app.call('collateral.list', { query: '', offset: 0, limit: 50 });
    expect(register.total).toBe(1);
    // Nor can the other car be opened by its id.
    expect((await app.call('collateral.get', { id: lis.itemId })).id).toBe(lis.itemId);
    expect(await app.attempt('collateral.get', { id: zhangs.itemId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('an unassigned account is not in any collector’s lists', async () => {
    await givenTwoCollectorsWithOneAccountEach();
    const orphan = await accountFor('赵敏', '110101197702023456', {
      vin: 'WVWZZZ1KZAW000001',
      plate: '粤C·11111',
    });
    await app.as('zhang');
    expect(await worklistLoans()).not.toContain(orphan.loanId);
    expect(await hitsFor('赵敏')).toEqual([]);
    expect(await registerItems()).not.toContain(orphan.itemId);
  });

  it('a renamed collector keeps their accounts, and a newcomer given the old name gets none', async () => {
    const { lis } = await givenTwoCollectorsWithOneAccountEach();
    const li = (await app.call('users.list', {})).find((u) => u.username === 'li')!;
    await app.call('users.update', { id: li.id, displayName: 'Li Na' });
    await app.as('newli', 'collector');
    await app.as('chen');
    const newli = (await app.call('users.list', {})).find((u) => u.username === 'newli')!;
    await app.call('users.update', { id: newli.id, displayName: 'li' });

    await app.as('li');
    expect(await worklistLoans()).toEqual([lis.loanId]);
    await app.as('newli');
    expect(await worklistLoans()).toEqual([]);
    expect(await app.attempt('loans.get', { id: lis.loanId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('a manager sees every account in search, worklist and register', async () => {
    const { lis, zhangs } = await givenTwoCollectorsWithOneAccountEach();
    await app.as('wu', 'manager');

    expect(await hitsFor('李强')).toEqual([`borrower:${zhangs.borrowerId}`]);
    expect(await hitsFor('沪B')).toEqual([`collateral:${zhangs.itemId}`]);
    expect(await worklistLoans()).toEqual([lis.loanId, zhangs.loanId].sort());
    expect(await registerItems()).toEqual([lis.itemId, zhangs.itemId].sort());
  });
});
