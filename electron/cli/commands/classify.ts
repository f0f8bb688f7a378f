import type { BookClassification } from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import { clockFor, json, withApp, type CliCommand } from '../command';
import { optionalIsoDate, parseCliArgs } from '../args';

/**
 * `classify --as-of DATE [--db PATH] [--json]`: every loan on the book with its risk grade, why,
 * and the provision required against it, then the grades' totals, the NPL ratio and the
 * provision coverage. The same figures as the loan page and the report.
 */
export const classifyCommand: CliCommand = {
  name: 'classify',
  usage: 'classify --as-of YYYY-MM-DD [--db PATH] [--json]',
  async run(args, io) {
    const { values } = parseCliArgs(args, {
      'as-of': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
    });
    const asOf = optionalIsoDate(values['as-of'], '--as-of');
    const book = await withApp(
      values.db,
      io,
      async (app) => {
        const result = await app.dispatch('reports.classification', {
          ...(asOf ? { asOf } : {}),
          perLoan: true,
        });
        if (!result.ok) throw new Error(result.error.message);
        return result.value as BookClassification;
      },
      clockFor(asOf),
    );
    if (values.json) {
      io.out(json(book));
      return 0;
    }
    for (const line of book.perLoan ?? []) {
      io.out(
        `${line.number}  ${line.grade.padEnd(15)}  DPD ${String(line.daysPastDue).padStart(4)}  ${formatAmount(line.outstanding).padStart(16)}  provision ${formatAmount(line.provision)}`,
      );
    }
    io.out('');
    for (const g of book.grades) {
      io.out(
        `${g.grade.padEnd(15)}  ${String(g.loans).padStart(7)} loans  ${formatAmount(g.outstanding).padStart(18)}  provision ${formatAmount(g.provision)}`,
      );
    }
    io.out(
      `NPL ratio ${book.nplRatio ?? '–'}  provision coverage ${book.coverage ?? '–'}  (${book.profile}, as of ${book.asOf})`,
    );
    return 0;
  },
};
