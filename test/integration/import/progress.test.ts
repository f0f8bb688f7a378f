import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/contract';
import { openTestApp, type TestApp } from '../../support/test-app';
import { loansCsv } from '../../support/loans-csv';

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('import progress', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('is answered while the one import transaction runs, counting up to the total', async () => {
    const base64 = Buffer.from(loansCsv(600)).toString('base64');
    expect(await app.call('import.progress', {})).toBeNull();
    let finished = false;
    const commit = app
      .call('import.commit', { files: [{ name: 'loans.csv', base64 }], acceptWarnings: true })
      .finally(() => {
        finished = true;
      });
    const seen: ImportProgress[] = [];
    while (!finished) {
      const p = await app.call('import.progress', {});
      if (p && p.total > 0) seen.push(p);
      await nextMacrotask();
    }
    const result = await commit;
    expect(result).toMatchObject({
      committed: true,
      borrowers: 600,
      loans: 600,
      collateral: 600,
      errors: [],
    });
    // 600 borrowers, 600 loans and 600 cars: 1,800 rows, reported every 250 and at the end.
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((p) => p.total === 1800)).toBe(true);
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['borrowers', 'loans', 'collateral']));
    expect(done.at(-1)).toBe(1800);
    expect(await app.call('import.progress', {})).toBeNull();
  });
});
