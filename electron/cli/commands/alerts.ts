import { ALERT_KINDS, type AlertKind, type CollateralAlert } from '../../../shared/contract';
import { UsageError, clockFor, json, withApp, type CliCommand } from '../command';
import { parseCliArgs, requireIsoDate } from '../args';

/**
 * `alerts --as-of DATE [--db PATH] [--kind K] [--json]`: the collateral alerts list for a date —
 * LTV above threshold, stale valuations, insurance, missing documents — each with its loan, its
 * item and the reason. The same list as the dashboard's and the Collateral register's.
 */
export const alertsCommand: CliCommand = {
  name: 'alerts',
  usage: `alerts --as-of YYYY-MM-DD [--db PATH] [--kind ${ALERT_KINDS.join('|')}] [--json]`,
  async run(args, io) {
    const { values } = parseCliArgs(args, {
      'as-of': { type: 'string' },
      db: { type: 'string' },
      kind: { type: 'string' },
      json: { type: 'boolean' },
    });
    const asOf = requireIsoDate(values['as-of'], '--as-of');
    const kind = values.kind;
    if (kind !== undefined && !(ALERT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind must be one of ${ALERT_KINDS.join(', ')}, got "${kind}"`);
    }
    const alerts = await withApp(
      values.db,
      io,
      async (app) => {
        const result = await app.dispatch('collateral.alerts', { kind: kind as AlertKind | undefined });
        if (!result.ok) throw new Error(result.error.message);
        return result.value as CollateralAlert[];
      },
      clockFor(asOf),
    );
    if (values.json) {
      io.out(json(alerts));
      return 0;
    }
    for (const a of alerts) io.out(`${a.loanNumber}  ${a.kind.padEnd(15)}  ${a.item}  — ${a.reason}`);
    io.out(`${alerts.length} alert(s) on ${asOf}`);
    return 0;
  },
};
