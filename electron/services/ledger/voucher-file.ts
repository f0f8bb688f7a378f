import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Locale } from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import { translator } from '../../../shared/i18n/translator';
import type { JournalEntry } from '../../../shared/ledger/journal';
import {
  PRESET_COLUMNS,
  voucherLines,
  type Summarize,
  type VoucherColumn,
  type VoucherLine,
  type VoucherPreset,
} from '../../../shared/ledger/vouchers';
import type { LedgerSettings } from '../../../shared/ledger/chart';

/** 摘要 in the user's language: the kind, with the loan and receipt, or the day's count. */
function summarizer(language: Locale): Summarize {
  const t = translator(language);
  return (kind, entries) => {
    const first = entries[0]!;
    const word = t(`ledger.kinds.${kind}`);
    if (entries.length > 1) return t('ledger.summary.day', { kind: word, count: entries.length });
    if (first.loanNumber === null) return t('ledger.summary.book', { kind: word });
    return t('ledger.summary.one', { kind: word, loan: first.loanNumber, reference: first.reference }).trim();
  };
}

export function vouchersOf(
  entries: readonly JournalEntry[],
  settings: LedgerSettings,
  language: Locale,
): VoucherLine[] {
  return voucherLines(entries, settings.chart, settings.vouchers, settings.voucherWord, summarizer(language));
}

export const columnsOf = (preset: VoucherPreset, custom: VoucherColumn[] | undefined): VoucherColumn[] =>
  preset === 'custom' ? (custom ?? PRESET_COLUMNS.kingdee) : PRESET_COLUMNS[preset];

/** Amounts as decimals (what the packages import); an empty cell for the side a line is not on. */
const MONEY_FIELDS = new Set(['debit', 'credit']);
function cell(line: VoucherLine, field: VoucherColumn['field']): string | number {
  if (MONEY_FIELDS.has(field)) {
    const minor = line[field as 'debit' | 'credit'];
    return minor === 0 ? '' : formatAmount(minor);
  }
  return line[field];
}

export async function vouchersToXlsx(
  lines: readonly VoucherLine[],
  columns: readonly VoucherColumn[],
  sheet: string,
) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pledgebook';
  const ws = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const line of lines) {
    // Money goes in as numbers with two decimals shown, so the package and Excel both add them up.
    ws.addRow(
      columns.map((c) => {
        const v = cell(line, c.field);
        return MONEY_FIELDS.has(c.field) && v !== '' ? Number(v) : v;
      }),
    );
  }
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.field === 'summary' ? 36 : 14;
    if (MONEY_FIELDS.has(c.field)) column.numFmt = '#,##0.00';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV with a UTF-8 BOM, so Excel on Chinese Windows opens the names correctly. */
export function vouchersToCsv(lines: readonly VoucherLine[], columns: readonly VoucherColumn[]): string {
  const rows = [columns.map((c) => c.header), ...lines.map((l) => columns.map((c) => cell(l, c.field)))];
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
