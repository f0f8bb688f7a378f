import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const FIXTURE = join(ROOT, 'test/fixtures/dependency-check');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: { name: string }[];
}

/** What `npm run lint`'s dependency check says of the tree under `cwd`. */
function check(cwd: string, ...roots: string[]): Violation[] {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        ...roots,
        '--config',
        CONFIG,
        '--output-type',
        'json',
      ],
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    // It exits with the number of errors found; the report is still on stdout.
    out = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('the dependency check in npm run lint', () => {
  const found = check(FIXTURE, 'electron');

  it('refuses an import cycle, naming the modules in it', () => {
    const cycles = found.filter((v) => v.rule.name === 'no-circular');
    expect(cycles.length).toBeGreaterThan(0);
    const named = new Set(cycles.flatMap((v) => [v.from, ...(v.cycle ?? []).map((c) => c.name)]));
    expect(named).toEqual(new Set(['electron/cycle/a.ts', 'electron/cycle/b.ts']));
    expect(cycles.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('refuses the loans core importing a feature, and approvals naming one', () => {
    const layering = found
      .filter((v) => v.rule.name !== 'no-circular')
      .map((v) => [v.rule.name, v.from, v.to]);
    expect(layering).toEqual(
      expect.arrayContaining([
        [
          'loans-core-depends-on-no-feature',
          'electron/services/loans/status.ts',
          'electron/services/collections/legal.ts',
        ],
        [
          'approvals-name-no-feature',
          'electron/services/approvals/decide.ts',
          'electron/services/payments/reversal.ts',
        ],
      ]),
    );
    expect(layering).toHaveLength(2);
  });

  it('finds nothing wrong in the app itself', () => {
    expect(check(ROOT, 'electron', 'renderer', 'shared')).toEqual([]);
  }, 60_000);
});
