import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import { keepMonthEndsThrough } from '../../electron/services/reports/month-end-cache';
import { exportBook } from '../../electron/services/import/export-book';
import { MIGRATIONS } from '../../electron/db/migrations';
import { addDays, monthOf } from '../../shared/dates';
import { sqliteOf } from '../../electron/services/context';

// The bench's books: seeded deterministically and cached by size, seed and schema.
export const AS_OF = '2026-06-30';
export const SEED = 20_260_630;
export const CACHE = resolve(__dirname, '../artifacts/bench-cache');

/**
 * What the seeder writes, by version: a cached book of an older version is seeded again.
 * 2: the bench book carries a year of the office's work (calls, promises, plans, legal cases…),
 * so the worklist and the report are timed on a book in daily use.
 * 3: its accounts are assigned by the collector's display name, as the account screen assigns.
 */
const SEED_VERSION = 3;

/**
 * A cached seeded book. `withWork`: with the year of collections work (the operations' book); the
 * import's source stays the plain book, whose CSV export is what a lender's first import holds.
 */
export async function bookFile(loans: number, withWork: boolean): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  // A book seeded under an older schema would be migrated on every run; key it by the schema.
  // By the migrations' code, not just their names: an unreleased migration may still change.
  const schema = createHash('sha256')
    .update(
      Object.entries(MIGRATIONS)
        .map(([name, m]) => `${name}\n${m.up.toString()}`)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 8);
  const cached = join(CACHE, `book-${loans}-${SEED}-${schema}-v${SEED_VERSION}${withWork ? '-work' : ''}.db`);
  if (!existsSync(cached)) {
    process.stderr.write(`bench: seeding ${loans} loans (cached for next time)…\n`);
    const app = await openApp({ databasePath: `${cached}.tmp`, clock: fixedClock(AS_OF) });
    const started = performance.now();
    await seedLoanBook(app.ctx, { loans, seed: SEED, asOf: AS_OF, activity: withWork });
    process.stderr.write(`bench: seeded in ${Math.round(performance.now() - started)} ms\n`);
    // The app keeps month-end positions as months close; a book in daily use has them already.
    // Building them for a whole history happens once per book, so it is reported, not benched.
    const monthEnds = performance.now();
    await keepMonthEndsThrough(app.ctx.db, monthOf(addDays(`${AS_OF.slice(0, 7)}-01`, -1)));
    process.stderr.write(
      `bench: month-end history built once in ${Math.round(performance.now() - monthEnds)} ms\n`,
    );
    sqliteOf(app.ctx).pragma('wal_checkpoint(TRUNCATE)');
    await app.close();
    copyFileSync(`${cached}.tmp`, cached);
    for (const suffix of ['.tmp', '.tmp-wal', '.tmp-shm']) rmSync(`${cached}${suffix}`, { force: true });
  }
  // Work on a copy: the bench records payments, and the cached book must stay as seeded.
  const work = join(CACHE, `work-${process.pid}-${loans}${withWork ? '-work' : ''}.db`);
  copyFileSync(cached, work);
  return work;
}

/** A seeded book of `loans` loans exported as the CSV files a lender's first import holds. */
export async function importFiles(loans: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const source = await bookFile(loans, false);
  const from = await openApp({ databasePath: source, clock: fixedClock(AS_OF) });
  const files: { name: string; bytes: Uint8Array }[] = [];
  try {
    for (const what of ['borrowers', 'loans', 'collateral', 'payments'] as const)
      files.push(...(await exportBook(from.ctx, { what, format: 'csv', language: 'en' })));
  } finally {
    await from.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${source}${suffix}`, { force: true });
  }
  return files;
}
