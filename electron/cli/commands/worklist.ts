import type { WorklistRow } from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import { AGING_BUCKETS } from '../../../shared/engine';
import { PRODUCTS } from '../../../shared/contract';
import { UsageError, clockFor, json, withApp, type CliCommand } from '../command';
import { optionalIsoDate, parseCliArgs } from '../args';

/**
 * `worklist --as-of DATE [--db PATH] [--json] [--bucket B] [--product P] [--officer O]
 * [--collector C]`: the collections worklist for a date, highest priority first, each row with
 * its score and the reasons for it. Same list as the Collections screen.
 */
export const worklistCommand: CliCommand = {
  name: 'worklist',
  usage:
    'worklist --as-of YYYY-MM-DD [--db PATH] [--json] [--bucket B] [--product P] [--officer O] [--collector C]',
  async run(args, io) {
    const { values } = parseCliArgs(args, {
      'as-of': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
      bucket: { type: 'string' },
      product: { type: 'string' },
      officer: { type: 'string' },
      collector: { type: 'string' },
    });
    const asOf = optionalIsoDate(values['as-of'], '--as-of');
    const bucket = values.bucket;
    if (bucket !== undefined && !(AGING_BUCKETS as readonly string[]).includes(bucket)) {
      throw new UsageError(`--bucket must be one of ${AGING_BUCKETS.join(', ')}, got "${bucket}"`);
    }
    const product = values.product;
    if (product !== undefined && !(PRODUCTS as readonly string[]).includes(product)) {
      throw new UsageError(`--product must be one of ${PRODUCTS.join(', ')}, got "${product}"`);
    }
    const rows = await withApp(
      values.db,
      io,
      async (app) => {
        const result = await app.dispatch('collections.worklist', {
          bucket,
          product,
          officer: values.officer,
          collector: values.collector,
        });
        if (!result.ok) throw new Error(result.error.message);
        return (result.value as { rows: WorklistRow[] }).rows;
      },
      clockFor(asOf),
    );
    if (values.json) {
      io.out(json(rows));
      return 0;
    }
    for (const r of rows) {
      io.out(
        `${String(r.score).padStart(4)}  ${r.loanNumber}  ${r.borrower}  DPD ${r.daysPastDue}  ${formatAmount(r.overdueAmount)}`,
      );
      for (const reason of r.reasons) io.out(`        ${reason}`);
    }
    io.out(`${rows.length} account(s)`);
    return 0;
  },
};
