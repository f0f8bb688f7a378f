import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReport } from '../../../electron/services/reports/report.service';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { formatAmount } from '../../../shared/money';
import { openTestApp, type TestApp } from '../../support/test-app';

/** Every report section leaves as its own XLSX sheet and CSV block, with the report's figures. */
describe('exporting the monthly report', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp('2026-06-30');
    await seedLoanBook(app.ctx, { loans: 150, seed: 9, asOf: '2026-06-30' });
  }, 60_000);
  afterAll(async () => app.dispose());

  it('writes one XLSX sheet per section carrying the same totals', async () => {
    const file = await app.call('reports.export', { month: '2026-05', format: 'xlsx' });
    expect(file.fileName).toBe('pledgebook-recovery-2026-05.xlsx');
    const workbook = new ExcelJS.Workbook();
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const sheets = workbook.worksheets.map((w) => w.name);
    expect(sheets).toEqual(
      expect.arrayContaining([
        'Summary',
        'Collections',
        'Recovery',
        'Roll rate',
        'Aging',
        'Top overdue',
        'Concentration',
        'Promises',
        'Plans',
        'Legal',
        'Collateral',
        'Collectors',
      ]),
    );
    const report = await monthlyReport(app.ctx, '2026-05');
    const collections = workbook.getWorksheet('Collections')!;
    expect(collections.getRow(1).values).toContain('Total');
    expect(collections.getRow(2).values).toContain(formatAmount(report.collections.total));
    const summary = workbook.getWorksheet('Summary')!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.some((r) => r.includes('PAR30') && r.includes(report.summary.par.par30))).toBe(true);
  });

  it('writes sheet names, headers and row labels in the language asked for', async () => {
    const file = await app.call('reports.export', { month: '2026-05', format: 'xlsx', language: 'zh-CN' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['概要', '回收构成', '账龄']),
    );
    const summary = workbook.getWorksheet('概要')!;
    expect(summary.getRow(1).values).toEqual([undefined, '指标', '数值']);
    const labels = (summary.getSheetValues().filter(Boolean) as unknown[][]).map((r) => String(r[1]));
    expect(labels).toEqual(expect.arrayContaining(['在册贷款', '风险贷款率 PAR30']));
    // No header or row label is a code identifier or an English word.
    for (const sheet of workbook.worksheets) {
      const header = (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string') as string[];
      expect(
        header.filter((h) => /[a-z]{3,}/.test(h)),
        sheet.name,
      ).toEqual([]);
    }
    const csv = await app.call('reports.export', { month: '2026-05', format: 'csv', language: 'zh-TW' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF# 概要')).toBe(true);
    expect(text).not.toMatch(/loansInBook|par30|overdueLoans/);
  });

  it('writes CSV with a BOM and a block per section', async () => {
    const file = await app.call('reports.export', { month: '2026-05', format: 'csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF# Summary')).toBe(true);
    expect(text).toContain('\r\n\r\n# Collections\r\n');
    const report = await monthlyReport(app.ctx, '2026-05');
    expect(text).toContain(formatAmount(report.summary.outstanding));
    expect(text).not.toMatch(/\b\d{17}[\dX]\b/);
  });

  it('refuses an unknown format, naming the field', async () => {
    const result = await app.attempt('reports.export', { month: '2026-05', format: 'pdf' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: [{ field: 'format' }] },
    });
  });
});
