import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';
import type { CollateralAlert } from '../../../shared/contract';
import { openTestApp } from '../../support/test-app';
import { aCar, appraisal, givenACarTitleLoan } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  return { code: await runCli(argv, io), stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A book with one car whose insurance lapses on 2026-06-30 and which was valued on 2026-05-01. */
async function givenABook(): Promise<{ path: string; number: string }> {
  const app = await openTestApp('2026-06-15');
  const { number, loanId } = await givenACarTitleLoan(app);
  await app.call('collateral.create', {
    loanIds: [loanId],
    details: aCar({ insuranceExpiry: '2026-06-30' }),
    valuation: appraisal('2026-05-01', 20_000_000),
  });
  await app.close(); // keep the file for the CLI; the folder is removed after the test
  dirs.push(dirname(app.ctx.databasePath));
  return { path: app.ctx.databasePath, number };
}

describe('cli alerts', () => {
  it('prints the alerts for a date as JSON: kind, loan number, item and reason', async () => {
    const { path, number } = await givenABook();
    const early = await cli(['alerts', '--as-of', '2026-06-15', '--db', path, '--json']);
    expect(early.code).toBe(0);
    expect(early.stderr).toBe('');
    const before = JSON.parse(early.stdout) as CollateralAlert[];
    expect(before).toEqual([
      expect.objectContaining({
        kind: 'insurance',
        code: 'insurance-expiring',
        loanNumber: number,
        item: '京A·12345 · Volkswagen Lavida 2022',
        reason: 'insurance expires on 2026-06-30, in 15 days',
      }),
    ]);

    const later = JSON.parse(
      (await cli(['alerts', '--as-of', '2026-12-01', '--db', path, '--json'])).stdout,
    ) as CollateralAlert[];
    expect(later.map((a) => [a.kind, a.reason])).toEqual([
      ['stale-valuation', 'latest valuation 2026-05-01 is more than 6 months old'],
      ['insurance', 'insurance lapsed on 2026-06-30'],
    ]);
  });

  it('refuses a missing or malformed --as-of with exit 2', async () => {
    expect((await cli(['alerts', '--json'])).code).toBe(2);
    const bad = await cli(['alerts', '--as-of', '2026-02-30', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--as-of must be a real date/);
  });
});
