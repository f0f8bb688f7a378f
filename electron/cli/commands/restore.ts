import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { databasePathFrom, UsageError } from '../command';
import { parseCliArgs } from '../args';
import { systemClock } from '../../services/clock';
import { restoreDatabase } from '../../services/system/restore';

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore FILE [--db PATH]',
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { db: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new UsageError('give exactly one backup FILE to restore');
    // Not through openApp: a damaged book must still be replaceable by a good backup.
    const { preview, savedCurrentTo } = await restoreDatabase({
      databasePath: databasePathFrom(values.db, io),
      backupPath: resolve(positionals[0]!),
      now: systemClock.now(),
    });
    io.out(
      `restored the backup of ${preview.takenAt}: ${preview.loans} loan(s), ${preview.payments} payment(s), ${preview.contacts} contact(s)`,
    );
    if (savedCurrentTo) io.out(`the book it replaced was saved to ${savedCurrentTo}; restore that to undo`);
    return 0;
  },
};
