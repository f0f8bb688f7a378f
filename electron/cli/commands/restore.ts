import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { databasePathFrom, UsageError, withApp } from '../command';
import { isServerBook } from '../../db/engine';
import { describeServerBook } from '../../db/postgres/open';
import { restoreServerBook } from '../../services/system/server-backup';
import { verifyBookAuditChain } from '../../services/audit/verify';
import { parseCliArgs } from '../args';
import { systemClock } from '../../services/clock';
import { restoreDatabase } from '../../services/system/restore';

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore FILE [--db PATH_OR_URL]',
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { db: { type: 'string' } }, true);
    if (positionals.length !== 1) throw new UsageError('give exactly one backup FILE to restore');
    const location = databasePathFrom(values.db, io);
    if (isServerBook(location)) {
      // Into an empty database only: the book the office works in is never overwritten.
      const backup = resolve(positionals[0]!);
      await restoreServerBook(location, backup);
      const verdict = await withApp(values.db, io, (app) => verifyBookAuditChain(app.ctx));
      io.out(
        `restored ${backup} into ${describeServerBook(location)}; audit trail ${verdict.ok ? `intact (${verdict.rows} rows)` : 'BROKEN'}`,
      );
      return verdict.ok ? 0 : 1;
    }
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
