import { EXIT, UsageError, json, withApp, type CliCommand } from '../command';
import { optionalIsoDate, parseCliArgs } from '../args';
import { fixedClock, systemClock } from '../../services/clock';
import { MAX_SEED_LOANS, SeedRefusedError } from '../../services/seed/seed.service';
import { seedLoanBook } from '../../services/seed/seed-book';

const MAX_SEED = 0xffff_ffff;

function wholeNumber(value: string | undefined, flag: string, min: number, max: number): number {
  if (value === undefined) throw new UsageError(`${flag} is required (a whole number from ${min} to ${max})`);
  const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/**
 * `seed --loans N --seed S [--db PATH] [--as-of YYYY-MM-DD] [--append] [--no-activity]`: fills a
 * database with a deterministic demo/benchmark loan book and, unless `--no-activity`, the year of
 * collections work before as-of with users in every role (they sign in with the printed password). Arguments are all checked before the database is
 * opened, so bad usage (exit 2) never creates or touches a file. stdout carries only the JSON
 * summary; progress goes to stderr, and only when stderr is a terminal.
 */
export const seedCommand: CliCommand = {
  name: 'seed',
  usage: 'seed --loans N --seed S [--db PATH] [--as-of YYYY-MM-DD] [--append] [--no-activity]',
  async run(args, io) {
    const { values } = parseCliArgs(args, {
      loans: { type: 'string' },
      seed: { type: 'string' },
      db: { type: 'string' },
      'as-of': { type: 'string' },
      append: { type: 'boolean' },
      'no-activity': { type: 'boolean' },
    });
    const loans = wholeNumber(values.loans, '--loans', 1, MAX_SEED_LOANS);
    const seed = wholeNumber(values.seed, '--seed', 0, MAX_SEED);
    const asOf = optionalIsoDate(values['as-of'], '--as-of') ?? systemClock.today();
    if (asOf < '1900-01-01' || asOf > '9899-12-31') {
      throw new UsageError(`--as-of must be between 1900-01-01 and 9899-12-31, got "${asOf}"`);
    }
    if (values.db !== undefined && values.db.trim() === '') throw new UsageError('--db must not be empty');

    const started = performance.now();
    const onProgress = process.stderr.isTTY
      ? (done: number, total: number) => {
          const seconds = (performance.now() - started) / 1000;
          process.stderr.write(
            `\rseeding: ${done}/${total} loans, ${Math.round(done / Math.max(seconds, 0.001))}/s` +
              (done === total ? '\n' : ''),
          );
        }
      : undefined;

    const summary = await withApp(
      values.db,
      io,
      async (app) => {
        try {
          return await seedLoanBook(app.ctx, {
            loans,
            seed,
            asOf,
            append: values.append ?? false,
            activity: !(values['no-activity'] ?? false),
            onProgress,
          });
        } catch (error) {
          if (error instanceof SeedRefusedError) throw new UsageError(error.message);
          throw error;
        }
      },
      fixedClock(asOf),
    );
    io.out(json(summary));
    return EXIT.ok;
  },
};
