import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { databasePathFrom, UsageError, withApp } from '../command';
import { isServerBook } from '../../db/engine';
import { describeServerBook } from '../../db/postgres/open';
import { backUpServerBook } from '../../services/system/server-backup';
import { parseCliArgs } from '../args';
import { backUpDatabase } from '../../services/system/backup';

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup --to FILE [--db PATH_OR_URL]',
  async run(args, io) {
    const { values } = parseCliArgs(args, { db: { type: 'string' }, to: { type: 'string' } });
    if (!values.to) throw new UsageError('--to FILE is required: where to write the backup');
    const destination = resolve(values.to);
    const location = databasePathFrom(values.db, io);
    if (isServerBook(location)) {
      // The server's own dump, verified by reading it back; the book is checked by opening it first.
      await withApp(values.db, io, async () => undefined);
      const dump = await backUpServerBook(location, destination);
      io.out(
        `backed up ${describeServerBook(location)} to ${dump.path}: ${dump.bytes} bytes (pg_dump custom format), verified`,
      );
      return 0;
    }
    const result = await withApp(values.db, io, (app) => backUpDatabase(app.ctx, destination));
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    io.out(`backed up to ${result.path}: ${result.pages} page(s), ${total} row(s), verified`);
    return 0;
  },
};
