import type { HealthReport } from '../../../shared/contract';
import type { CliCommand } from '../command';
import { json, withApp } from '../command';
import { parseCliArgs } from '../args';
import { verifyBookAuditChain } from '../../services/audit/verify';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check [--db PATH] [--json]',
  async run(args, io) {
    const { values } = parseCliArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const { report, audit } = await withApp(values.db, io, async (app) => {
      const result = await app.dispatch('system.check', {});
      if (!result.ok) throw new Error(result.error.message);
      return { report: result.value as HealthReport, audit: await verifyBookAuditChain(app.ctx) };
    });
    const healthy = report.healthy && audit.ok;
    if (values.json) {
      io.out(json({ ...report, healthy, audit }));
    } else {
      io.out(`integrity: ${report.integrity.join('; ')}`);
      io.out(`foreign keys: ${report.foreignKeyViolations} violation(s)`);
      io.out(
        `migrations: ${report.migrations.applied.length} applied, ${report.migrations.pending.length} pending, ${report.migrations.unknown.length} unknown`,
      );
      io.out(
        `journal_mode=${report.pragmas.journalMode} synchronous=${report.pragmas.synchronous} foreign_keys=${report.pragmas.foreignKeys}`,
      );
      io.out(
        audit.ok
          ? `audit trail: intact, ${audit.rows} row(s)`
          : `audit trail: BROKEN at row ${audit.firstBroken?.id}: ${audit.firstBroken?.problem}`,
      );
      io.out(healthy ? 'healthy' : 'NOT healthy');
    }
    return healthy ? 0 : 1;
  },
};
