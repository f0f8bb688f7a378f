import { reportToJson } from '../../../shared/reports/json';
import { isoMonth } from '../../../shared/contract';
import { UsageError, clockFor, json, withApp, type CliCommand } from '../command';
import { optionalIsoDate, parseCliArgs } from '../args';
import { monthlyReport } from '../../services/reports/report.service';

/** `report monthly --month YYYY-MM [--as-of DATE] --json`: the figures the printed report shows. */
export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report monthly --month YYYY-MM [--as-of YYYY-MM-DD] [--db PATH] --json',
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        month: { type: 'string' },
        db: { type: 'string' },
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
      },
      true,
    );
    if (positionals[0] !== 'monthly' || positionals.length !== 1)
      throw new UsageError('the only report is "monthly"');
    const month = isoMonth.safeParse(values.month);
    if (!month.success)
      throw new UsageError(`--month must be YYYY-MM, got ${JSON.stringify(values.month ?? null)}`);
    if (!values.json) throw new UsageError('--json is required (the printed report is in the app)');
    const asOf = optionalIsoDate(values['as-of'], '--as-of');
    const report = await withApp(values.db, io, (app) => monthlyReport(app.ctx, month.data), clockFor(asOf));
    io.out(json(reportToJson(report)));
    return 0;
  },
};
