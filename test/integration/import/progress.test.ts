import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkProgress } from '../../../shared/contract';
import { openTestApp, type TestApp } from '../../support/test-app';
import { loansCsv } from '../../support/loans-csv';

const request = (count: number) => ({
  files: [{ name: 'loans.csv', base64: Buffer.from(loansCsv(count)).toString('base64') }],
  acceptWarnings: true,
});

describe('import progress and cancel', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('reports to the caller while the one import transaction runs, counting up to the total', async () => {
    const seen: WorkProgress[] = [];
    const result = await app.dispatch('import.commit', request(600), { progress: (p) => seen.push(p) });
    expect(result).toMatchObject({
      ok: true,
      value: { committed: true, borrowers: 600, loans: 600, collateral: 600, errors: [] },
    });
    const during = seen.filter((p) => p.total > 0);
    // 600 borrowers, 600 loans and 600 cars: 1,800 rows, reported every 250 and at the end.
    expect(during.length).toBeGreaterThan(3);
    expect(during.every((p) => p.total === 1800)).toBe(true);
    const done = during.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(during.map((p) => p.phase))).toEqual(
      new Set(['borrowers', 'loans', 'collateral', 'finishing']),
    );
    expect(done.at(-1)).toBe(1800);
  });

  it('stops when cancelled, inside its transaction, leaving the book as it was', async () => {
    const stop = new AbortController();
    const result = await app.dispatch('import.commit', request(600), {
      signal: stop.signal,
      progress: (p) => p.phase === 'collateral' && stop.abort(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled', reason: 'work.cancelled' } });
    expect((await app.call('loans.list', { limit: 1 })).total).toBe(0);
    // Nothing held over: the same file imports whole afterwards.
    expect(await app.call('import.commit', request(600))).toMatchObject({ committed: true, loans: 600 });
  });
});
