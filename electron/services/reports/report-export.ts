import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Locale, MonthlyReport } from '../../../shared/contract';
import { reportSections } from './report-tables';

/** XLSX with one sheet per section; header rows bold and frozen so long sheets stay readable. */
export async function reportToXlsx(report: MonthlyReport, language: Locale = 'en'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pledgebook';
  for (const section of reportSections(report, language)) {
    const sheet = workbook.addWorksheet(section.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(section.header).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row);
    sheet.columns.forEach((c) => (c.width = 18));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * CSV: every section in one file, each introduced by a "# Section" line and separated by a blank
 * line, with a UTF-8 BOM so Excel on Chinese Windows opens the names correctly.
 */
export function reportToCsv(report: MonthlyReport, language: Locale = 'en'): string {
  const blocks = reportSections(report, language).map(
    (s) => `# ${s.name}\r\n${Papa.unparse([s.header, ...s.rows], { newline: '\r\n' })}`,
  );
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
