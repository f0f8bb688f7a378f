import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../app';
import type { ServiceContext } from '../context';
import { domainError } from '../errors';
import { copyBook } from '../office/copy-book';
import { seedFileBook, type SeedOptions, type SeedSummary } from './seed.service';

/** Seeds the open book with a demo loan book, on either engine. */
export function seedLoanBook(ctx: ServiceContext, options: SeedOptions): Promise<SeedSummary> {
  return ctx.engine === 'postgres' ? seedServerBook(ctx, options) : seedFileBook(ctx, options);
}

/**
 * A server book is seeded the way a lender's own book gets there: the seeder writes a file book
 * (its fast path is SQLite's), and `office move`'s copier brings it over whole, in one
 * transaction. The server book must still be empty.
 */
async function seedServerBook(ctx: ServiceContext, options: SeedOptions): Promise<SeedSummary> {
  if (options.append) throw domainError('conflict', 'office.seedNotEmpty');
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-seed-'));
  const location = join(dir, 'seed.db');
  try {
    const file = await openApp({ databasePath: location, clock: ctx.clock, passwordCost: ctx.passwordCost });
    try {
      await withSettingsOf(ctx, file.ctx);
      const summary = await seedFileBook(file.ctx, options);
      await copyBook({ db: file.ctx.db, location }, { db: ctx.db, location: ctx.databasePath });
      return summary;
    } finally {
      await file.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file book starts with the server book's settings (loan number prefix, currency…). */
async function withSettingsOf(server: ServiceContext, file: ServiceContext): Promise<void> {
  const rows = await server.db.selectFrom('settings').selectAll().execute();
  await file.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await trx
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value }))
        .execute();
    }
  });
}
