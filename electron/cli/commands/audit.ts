import type { CliCommand } from '../command';
import { UsageError, withApp } from '../command';
import { parseCliArgs } from '../args';
import { verifyBookAuditChain } from '../../services/audit/verify';

export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'audit verify [--db PATH]',
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { db: { type: 'string' } }, true);
    if (positionals[0] !== 'verify' || positionals.length !== 1) {
      throw new UsageError('the only audit command is "audit verify"');
    }
    const verdict = await withApp(values.db, io, (app) => verifyBookAuditChain(app.ctx));
    if (verdict.ok) {
      io.out(`audit trail intact: ${verdict.rows} row(s) verified`);
      return 0;
    }
    io.out(
      `audit trail BROKEN at row ${verdict.firstBroken?.id}: ${verdict.firstBroken?.problem} (${verdict.rows} row(s) verified before it)`,
    );
    return 1;
  },
};
