import type { HealthReport } from '../../../shared/contract';
import type { CliCommand } from '../command';
import { json, withApp } from '../command';
import { parseCliArgs } from '../args';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check [--db PATH] [--json]',
  async run(args, io) {
    const { values } = parseCliArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const report = await withApp(values.db, io, async (app) => {
      const result = await app.dispatch('system.check', {});
      if (!result.ok) throw new Error(result.error.message);
      return result.value as HealthReport;
    });
    if (values.json) {
      io.out(json(report));
    } else {
      io.out(`integrity: ${report.integrity.join('; ')}`);
      io.out(`foreign keys: ${report.foreignKeyViolations} violation(s)`);
      io.out(
        `migrations: ${report.migrations.applied.length} applied, ${report.migrations.pending.length} pending, ${report.migrations.unknown.length} unknown`,
      );
      io.out(
        `journal_mode=${report.pragmas.journalMode} synchronous=${report.pragmas.synchronous} foreign_keys=${report.pragmas.foreignKeys}`,
      );
      io.out(report.healthy ? 'healthy' : 'NOT healthy');
    }
    return report.healthy ? 0 : 1;
  },
};
