import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agingFromCache, agingFromEngine } from '../../../electron/services/reports/aging';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { openTestApp, type TestApp } from '../../support/test-app';

/**
 * The status cache answers aging and PAR in one SQL pass; the engine is the truth. On a seeded
 * book they must agree to the loan and the cent, today and on later dates (when installments
 * fall due without anybody paying).
 */
describe('aging and PAR from the status cache match the engine', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp('2026-06-30');
    await seedLoanBook(app.ctx, { loans: 600, seed: 5, asOf: '2026-06-30' });
  }, 120_000);
  afterAll(async () => app.dispose());

  it.each(['2026-06-30', '2026-07-15', '2026-09-30'])('on %s', async (asOf) => {
    const fromCache = await agingFromCache(app.ctx, asOf);
    const fromEngine = await agingFromEngine(app.ctx, asOf);
    expect(fromCache.outstanding).toBeGreaterThan(0);
    // Counts per bucket and PAR must agree; on later dates no payments are assumed, as the engine does.
    expect(fromCache.par).toEqual(fromEngine.par);
    expect(fromCache.buckets).toEqual(fromEngine.buckets);
  });

  it('through the contract: before today the engine answers, from today the cache', async () => {
    const past = await app.call('reports.aging', { asOf: '2026-05-31' });
    expect(past).toEqual(await agingFromEngine(app.ctx, '2026-05-31'));
    const now = await app.call('reports.aging', { asOf: '2026-06-30' });
    expect(now).toEqual(await agingFromCache(app.ctx, '2026-06-30'));
  });
});
