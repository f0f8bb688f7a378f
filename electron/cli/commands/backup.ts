import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { UsageError, withApp } from '../command';
import { parseCliArgs } from '../args';
import { backUpDatabase } from '../../services/system/backup';

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup --to FILE [--db PATH]',
  async run(args, io) {
    const { values } = parseCliArgs(args, { db: { type: 'string' }, to: { type: 'string' } });
    if (!values.to) throw new UsageError('--to FILE is required: where to write the backup');
    const destination = resolve(values.to);
    const result = await withApp(values.db, io, (app) => backUpDatabase(app.ctx, destination));
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    io.out(`backed up to ${result.path}: ${result.pages} page(s), ${total} row(s), verified`);
    return 0;
  },
};
