import { isoMonth } from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import { UsageError, clockFor, json, withApp, type CliCommand } from '../command';
import { optionalIsoDate, parseCliArgs } from '../args';
import { ledgerOfMonth } from '../../services/ledger/ledger';

/**
 * `ledger --month YYYY-MM [--as-of DATE] [--db PATH] [--json]`: the month's journal entries, trial
 * balance and ties, as the Ledger page shows them. Amounts in JSON are integer minor units.
 */
export const ledgerCommand: CliCommand = {
  name: 'ledger',
  usage: 'ledger --month YYYY-MM [--as-of YYYY-MM-DD] [--db PATH] [--json]',
  async run(args, io) {
    const { values } = parseCliArgs(args, {
      month: { type: 'string' },
      'as-of': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
    });
    const month = isoMonth.safeParse(values.month);
    if (!month.success)
      throw new UsageError(`--month must be YYYY-MM, got ${JSON.stringify(values.month ?? null)}`);
    const asOf = optionalIsoDate(values['as-of'], '--as-of');
    const ledger = await withApp(values.db, io, (app) => ledgerOfMonth(app.ctx, month.data), clockFor(asOf));
    const { chart } = ledger.settings;
    if (values.json) {
      io.out(
        json({
          month: ledger.month,
          basis: ledger.settings.basis,
          entries: ledger.entries.map((e) => ({
            ...e,
            lines: e.lines.map((l) => ({ ...l, code: chart[l.account].code, name: chart[l.account].name })),
          })),
          trialBalance: ledger.trialBalance.map((r) => ({
            ...r,
            code: chart[r.account].code,
            name: chart[r.account].name,
          })),
          ties: ledger.ties,
        }),
      );
      return 0;
    }
    for (const r of ledger.trialBalance) {
      io.out(
        `${chart[r.account].code.padEnd(10)} ${chart[r.account].nameEn.padEnd(28)} ${formatAmount(r.opening).padStart(18)} ${formatAmount(r.debit).padStart(18)} ${formatAmount(r.credit).padStart(18)} ${formatAmount(r.closing).padStart(18)}`,
      );
    }
    io.out('');
    for (const t of ledger.ties) {
      io.out(
        `${t.difference === 0 ? 'ok  ' : 'DIFF'} ${t.name.padEnd(20)} ledger ${formatAmount(t.ledger)}  expected ${formatAmount(t.expected)}`,
      );
    }
    io.out(`${ledger.entries.length} entries (${ledger.settings.basis} basis)`);
    return ledger.ties.every((t) => t.difference === 0) ? 0 : 1;
  },
};
