/**
 * `classify --as-of DATE --json` on a seeded book: every loan on the book once, each graded by
 * its days past due under the default bands (written out here), and the totals the contract
 * method gives for the same day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeByDefaultBands } from '../../support/grades';
import { cliRun } from '../../support/cli-run';
import type { BookClassification } from '../../../shared/contract';

const AS_OF = '2026-06-30';
let dir: string;
let dbPath: string;

const cli = cliRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pledgebook-classify-'));
  dbPath = join(dir, 'book.db');
  const seeded = await cli(['seed', '--loans', '300', '--seed', '5', '--db', dbPath, '--as-of', AS_OF]);
  expect(seeded.code, seeded.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byDays = gradeByDefaultBands;

describe('classify --as-of --json', () => {
  it('lists every loan on the book with its grade, and totals that add up', async () => {
    const { code, stdout, stderr } = await cli(['classify', '--as-of', AS_OF, '--db', dbPath, '--json']);
    expect(code, stderr).toBe(0);
    const book = JSON.parse(stdout) as BookClassification;
    expect(book.asOf).toBe(AS_OF);
    const lines = book.perLoan!;
    expect(lines.length).toBe(book.loans);
    expect(new Set(lines.map((l) => l.loanId)).size).toBe(lines.length);
    for (const l of lines) expect(l.ruled === byDays(l.daysPastDue) || l.reasons.length > 1).toBe(true);
    expect(lines.reduce((n, l) => n + l.provision, 0)).toBe(book.provision);
    expect(book.grades.map((g) => g.grade)).toEqual([
      'normal',
      'special-mention',
      'substandard',
      'doubtful',
      'loss',
    ]);
  });

  it('refuses a date that is not one, saying which', async () => {
    const { code, stderr } = await cli(['classify', '--as-of', '2026-13-01', '--db', dbPath]);
    expect(code).not.toBe(0);
    expect(stderr).toContain('--as-of');
  });
});
