/**
 * The lender's own sheet handed back with a "problems" column: every error and warning of a row
 * beside it, in the lender's language, so the sheet can be fixed in Excel and uploaded again.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/contract';
import type { RowError, SheetInput } from '../../../shared/import/book';
import { problemInLanguage } from '../../../shared/import/fields';
import { detailCodeOf, fillTemplate, rejectionKey } from '../../../shared/import/reasons';
import { wordRefusal, type ErrorFormats } from '../../../shared/i18n/error-words';
import { translator } from '../../../shared/i18n/translator';
import { formatDate, formatPercent } from '../../../shared/format/format';
import { formatAmount } from '../../../shared/money/amount';
import { resources, type Resources } from '../../../shared/i18n/resources';

/** Excel refuses these characters in a sheet name, and names longer than 31 characters. */
const sheetName = (name: string, taken: Set<string>) => {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

export async function annotatedWorkbook(
  sheets: readonly SheetInput[],
  problems: { errors: readonly RowError[]; warnings: readonly RowError[] },
  language: Locale,
): Promise<Uint8Array> {
  const words = (resources[language].import as Resources['import']).annotated;
  const reasons = resources[language].import as Resources['import'];
  const t = translator(language);
  // The sheet's figures are plain decimals, so amounts in its problems are written the same way.
  const formats: ErrorFormats = {
    money: formatAmount,
    date: (iso) => formatDate(iso, language),
    percent: (ratio) => formatPercent(ratio, language),
  };
  const worded = (problem: RowError, warning: boolean) => {
    const p = problemInLanguage(problem, language);
    const coded = detailCodeOf(p.params);
    // A detail the service refused with its own code is worded from it, as the screen does.
    const params = coded
      ? { ...p.params, detail: wordRefusal(coded.reason, coded.params, String(p.params.detail), t, formats) }
      : p.params;
    const text = fillTemplate(reasons.reject[rejectionKey(p.code)], params);
    const where = p.column ? `${p.column}: ` : '';
    return warning ? `${words.warning}: ${where}${text}` : `${where}${text}`;
  };
  const byRow = new Map<string, string[]>();
  const note = (p: RowError, warning: boolean) => {
    const key = `${p.sheet}\u0000${p.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), worded(p, warning)]);
  };
  problems.errors.forEach((p) => note(p, false));
  problems.warnings.forEach((p) => note(p, true));

  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const out = workbook.addWorksheet(sheetName(sheet.name, taken));
    const headerAt = sheet.rows.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ''));
    // The problems go one column right of the widest row, so no original cell is covered.
    const problemsCol = Math.max(0, ...sheet.rows.map((r) => r.length)) + 1;
    sheet.rows.forEach((cells, i) => {
      const row = out.getRow(i + 1);
      cells.forEach((c, col) => {
        if (c !== null) row.getCell(col + 1).value = c;
      });
      const found = byRow.get(`${sheet.name}\u0000${i + 1}`);
      if (i === headerAt) row.getCell(problemsCol).value = words.problems;
      else if (found) row.getCell(problemsCol).value = found.join('\n');
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
