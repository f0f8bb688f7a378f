import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/contract';
import { fuzzMethod } from '../../support/contract-fuzz';
import { bookDigests, openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

const METHODS = Object.keys(contract) as MethodName[];
const RUNS = 1_000;

describe('every contract method refuses malformed payloads', () => {
  let app: TestApp;
  let before: Record<string, string>;
  const uncaught: unknown[] = [];
  const record = (e: unknown) => uncaught.push(e);

  beforeAll(async () => {
    app = await openTestApp('2026-06-15');
    // Something in the book, so a payload that slipped through would have rows to damage.
    const { id: borrowerId } = await app.call('borrowers.create', WANG_FANG);
    await app.call('loans.create', {
      borrowerId,
      product: 'car-title',
      terms: {
        method: 'annuity',
        principal: 6_000_000,
        annualRatePercent: '12',
        months: 12,
        startDate: '2026-03-10',
      },
    });
    before = await bookDigests(app.ctx.db);
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterAll(async () => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    await app.dispose();
  });

  it.each(METHODS)(`%s: ${RUNS} malformed payloads, each refused as invalid input`, async (method) => {
    const tally = await fuzzMethod(app.dispatch, method, RUNS);
    expect(tally.payloads).toBe(RUNS);
    expect(tally.unexpected).toEqual([]);
  });

  it('wrote nothing and threw nothing uncaught', async () => {
    expect(uncaught).toEqual([]);
    expect(await bookDigests(app.ctx.db)).toEqual(before);
  });
});
