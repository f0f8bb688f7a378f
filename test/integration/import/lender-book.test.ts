import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { fixture, importInto } from './support';

type File = { name: string; bytes: Buffer };

/**
 * The same sheet saved as an Excel workbook, as a lender who keeps the book in Excel would hand it
 * over: figures are number cells and dates are date cells, not text. (LibreOffice is not on this
 * machine, so the workbook is made here from the CSV instead of checked in.)
 */
async function asWorkbook(csv: File): Promise<File> {
  const text = csv.name.includes('gbk') ? iconv.decode(csv.bytes, 'gbk') : csv.bytes.toString('utf8');
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(csv.name.includes('payments') ? '还款' : '贷款');
  rows.forEach((row, r) =>
    sheet.addRow(
      row.map((cell) => {
        if (r === 0) return cell;
        const date = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(cell);
        // exceljs stores a Date as the Excel serial of its UTC day, which is how Excel keeps dates.
        if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
        // Long digit strings (ID numbers, phones) stay text, as a careful clerk formats them.
        return /^-?\d+(\.\d+)?$/.test(cell) && cell.replace(/[-.]/g, '').length < 11 ? Number(cell) : cell;
      }),
    ),
  );
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { name: csv.name.replace(/\.csv$/, '.xlsx'), bytes };
}

/** The books made by test/fixtures/import/src/make-lender-books.py, and the GBK one as XLSX. */
const BOOKS: Record<string, () => Promise<[File, File]>> = {
  'GBK CSV, simplified headers': async () => [
    fixture('lender-book-gbk.csv'),
    fixture('lender-payments-gbk.csv'),
  ],
  'UTF-8 CSV, traditional headers': async () => [
    fixture('lender-book-zh-TW.csv'),
    fixture('lender-payments-zh-TW.csv'),
  ],
  'XLSX, simplified headers, typed cells': async () => [
    await asWorkbook(fixture('lender-book-gbk.csv')),
    await asWorkbook(fixture('lender-payments-gbk.csv')),
  ],
};

describe.each(Object.entries(BOOKS))('a lender book as kept in Excel (%s)', (_, files) => {
  let loans: File;
  let payments: File;
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    [loans, payments] = await files();
  });
  afterEach(async () => app.dispose());

  it('imports statuses, fees, officers, collateral kinds, a reversal and alerts, naming the unknown columns', async () => {
    const result = await importInto(app, [loans, payments]);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ committed: true, loans: 3, collateral: 3, payments: 3 });
    const [sheet] = result.sheets;
    expect(sheet!.headers.filter((_h, i) => sheet!.fields[i] === null)).toHaveLength(2);

    const { rows } = await app.call('loans.list', { limit: 10 });
    const got = await Promise.all(rows.map((r) => app.call('loans.get', { id: r.id })));
    expect(got.map((l) => [l.number, l.product, l.status, l.upfrontFee, l.officer.slice(0, 1)])).toEqual([
      ['L-01', 'car-title', 'active', 60_000, '李'],
      ['L-02', 'car-title', 'legal', 50_000, '李'],
      ['L-03', 'mortgage', 'written-off', 800_000, '王'],
    ]);
    const alerts = await app.call('collateral.alerts', { kind: 'details' });
    expect(alerts.map((a) => [a.loanNumber, a.params.missing])).toEqual([
      ['L-01', 'vin,make,model,year'],
      ['L-02', 'plate,make,model,year'],
      // L-03 is written off: collateral of no open loan raises no alert.
    ]);
    const reversal = await app.ctx.db
      .selectFrom('payments')
      .select(['date', 'reversal_reason'])
      .where('reverses_payment_id', 'is not', null)
      .execute();
    expect(reversal).toEqual([{ date: '2026-03-08', reversal_reason: 'reversal (imported)' }]);
  });

  it('writes nothing at all when one row has an error', async () => {
    const broken = loans.name.endsWith('.xlsx')
      ? await withBadPrincipalCell(loans)
      : withBadPrincipalText(loans);
    const result = await importInto(app, [broken, payments]);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([[3, 'amount.invalid']]);
    expect(await app.ctx.db.selectFrom('borrowers').select('id').execute()).toEqual([]);
    expect(await app.ctx.db.selectFrom('collateral_items').select('id').execute()).toEqual([]);
  });
});

/** L-02's principal corrupted in the raw bytes (ASCII, so the same in GBK and UTF-8). */
function withBadPrincipalText(file: File): File {
  const text = Buffer.from(file.bytes);
  text.write('5X000', text.indexOf('50000'), 'latin1');
  return { name: file.name, bytes: text };
}

/** L-02's principal typed as text that is not a number, in the workbook's own cell. */
async function withBadPrincipalCell(file: File): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  sheet.getRow(3).eachCell((cell) => {
    if (cell.value === 50000) cell.value = '5X000';
  });
  return { name: file.name, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
