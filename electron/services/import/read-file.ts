/**
 * Bytes → sheets of cells. XLSX through exceljs, CSV through papaparse after decoding the bytes
 * with iconv-lite: Chinese Excel on Windows saves CSV as GBK, everything else as UTF-8.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import type { SheetInput } from '../../../shared/import/book';
import { shiftDecimal, type Cell } from '../../../shared/import/values';
import { invalidField } from '../errors';

export const IMPORT_ENCODINGS = ['utf8', 'gbk', 'gb18030', 'big5'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** A loan book of 10,000 loans is about 2 MB; anything past this is not a spreadsheet we want. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ReadFile {
  sheets: SheetInput[];
  /** For CSV, the encoding used (detected or chosen); null for XLSX. */
  encoding: ImportEncoding | null;
}

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": a zip
/** An OLE compound file: how Excel stores a password-protected (encrypted) XLSX, or an old XLS. */
const isCompoundFile = (b: Uint8Array) =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => b[i] === byte);
const hasUtf8Bom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 when the bytes are valid UTF-8 (a GBK file almost never is), else what chardet says. */
export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  if (hasUtf8Bom(bytes) || isValidUtf8(bytes)) return 'utf8';
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  return guess === 'big5' ? 'big5' : 'gb18030';
}

export function decodeText(bytes: Uint8Array, encoding: ImportEncoding): string {
  // GB18030 is a superset of GBK, so GBK files decode the same either way.
  const label = encoding === 'gbk' ? 'gb18030' : encoding;
  return iconv.decode(Buffer.from(bytes), label).replace(/^\uFEFF/, '');
}

function csvSheets(name: string, bytes: Uint8Array, chosen?: ImportEncoding): ReadFile {
  const encoding = chosen ?? detectEncoding(bytes);
  const parsed = Papa.parse<string[]>(decodeText(bytes, encoding), { skipEmptyLines: false });
  return { sheets: [{ name, rows: parsed.data }], encoding };
}

/** Date cells come back from exceljs as UTC instants; their UTC fields are the calendar date. */
const isoOfUtc = (d: Date) =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

function cellOf(cell: ExcelJS.Cell): Cell {
  let value = cell.value;
  if (value && typeof value === 'object' && 'result' in value)
    value = (value.result ?? null) as ExcelJS.CellValue;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoOfUtc(value);
  if (typeof value === 'number') {
    // A cell formatted as 12% stores 0.12; say so, or it would read as 0.12%.
    return /%/.test(cell.numFmt ?? '') ? `${shiftDecimal(String(value), 2)}%` : value;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return cell.text;
}

async function xlsxSheets(bytes: Uint8Array): Promise<ReadFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw invalidField('file', 'import.notXlsx', { name: 'this file' });
  }
  const sheets: SheetInput[] = workbook.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r += 1) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellOf(row.getCell(c)));
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
  return { sheets, encoding: null };
}

/** Reads one file; `name` is used as the sheet name of a CSV. */
export async function readImportFile(
  name: string,
  bytes: Uint8Array,
  encoding?: ImportEncoding,
): Promise<ReadFile> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw invalidField('file', 'import.tooLarge', { name, megabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
  }
  if (isXlsx(bytes)) return xlsxSheets(bytes);
  if (isCompoundFile(bytes) && /\.xlsx$/i.test(name))
    throw invalidField('file', 'import.passwordProtected', { name });
  if (/\.xlsx?$/i.test(name)) throw invalidField('file', 'import.notXlsx', { name });
  return csvSheets(name.replace(/\.[^.]*$/, ''), bytes, encoding);
}
