import type { LedgerMonth } from '../../../shared/contract/ledger';
import type { JournalEntry } from '../../../shared/ledger/journal';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { ledgerOfMonth } from './ledger';
import { ledgerSettingsOf } from './settings';
import { columnsOf, vouchersOf, vouchersToCsv, vouchersToXlsx } from './voucher-file';

type MonthInput = Parameters<Handlers['ledger.month']>[0];

const matches = (filter: Omit<MonthInput, 'month' | 'offset' | 'limit'>) => (e: JournalEntry) =>
  (!filter.kind || e.kind === filter.kind) &&
  (!filter.account || e.lines.some((l) => l.account === filter.account)) &&
  (!filter.loan || (e.loanNumber ?? '').toUpperCase().startsWith(filter.loan.toUpperCase()));

export function ledgerHandlers(ctx: ServiceContext): Pick<Handlers, 'ledger.month' | 'ledger.export'> {
  return {
    'ledger.month': async ({ month, offset, limit, ...filter }): Promise<LedgerMonth> => {
      const ledger = await ledgerOfMonth(ctx, month);
      const matching = ledger.entries.filter(matches(filter));
      let debit = 0;
      let credit = 0;
      for (const e of ledger.entries) {
        for (const l of e.lines) {
          debit += l.debit;
          credit += l.credit;
        }
      }
      return {
        month,
        basis: ledger.settings.basis,
        chart: ledger.settings.chart,
        entries: matching.slice(offset, offset + limit),
        matching: matching.length,
        totals: { entries: ledger.entries.length, debit, credit },
        trialBalance: ledger.trialBalance,
        ties: ledger.ties,
      };
    },
    'ledger.export': async ({ month, format, preset, columns, language }) => {
      const ledger = await ledgerOfMonth(ctx, month);
      // The month's own chart; how vouchers are grouped and worded is today's preference.
      const { vouchers, voucherWord } = await ledgerSettingsOf(ctx.db);
      const lines = vouchersOf(ledger.entries, { ...ledger.settings, vouchers, voucherWord }, language);
      const chosen = columnsOf(preset, columns);
      const fileName = `pledgebook-vouchers-${month}-${preset}.${format}`;
      return format === 'xlsx'
        ? {
            fileName,
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            base64: (await vouchersToXlsx(lines, chosen, month)).toString('base64'),
          }
        : {
            fileName,
            mimeType: 'text/csv;charset=utf-8',
            base64: Buffer.from(vouchersToCsv(lines, chosen), 'utf8').toString('base64'),
          };
    },
  };
}
