/**
 * Reads mapped sheets into borrowers, loans and payments ready to write, checking every row with
 * the same schemas the screens use. A row with any problem yields no record, only errors that
 * name its sheet, spreadsheet row and column.
 */
import type { z } from 'zod';
import { createBorrowerSchema } from '../contract/borrowers';
import { loanTermsSchema } from '../contract/loans';
import type { RepaymentMethod } from '../engine/schedule';
import type { Minor } from '../money/amount';
import { FIELD_SPECS, mapHeaders, type ColumnMapping, type ImportField } from './fields';
import {
  cellText,
  parseAmountCell,
  parseDateCell,
  parseMethodCell,
  parseMonthsCell,
  parseProductCell,
  parseRateCell,
  type Cell,
  type ImportProduct,
  type Parsed,
} from './values';

export interface SheetInput {
  name: string;
  /** Rows as the file has them, from spreadsheet row 1; the first non-empty row holds headers. */
  rows: Cell[][];
}

export interface RowRef {
  sheet: string;
  /** The spreadsheet's own 1-based row number, so the lender can find it. */
  row: number;
}

export interface RowError extends RowRef {
  /** The column's header as written in the file ('' for a problem with the whole row). */
  column: string;
  reason: string;
}

export type SheetKind = 'loans' | 'payments' | 'borrowers' | 'unknown';

export interface SheetPlan {
  name: string;
  kind: SheetKind;
  headers: string[];
  fields: (ImportField | null)[];
  dataRows: number;
}

export interface BorrowerDraft {
  at: RowRef;
  name: string;
  idType: 'resident-id' | 'other';
  idNumber: string;
  phone: string;
  address: string;
}

export interface LoanDraft {
  at: RowRef;
  number: string;
  borrowerIdNumber: string;
  product: ImportProduct;
  terms: {
    method: RepaymentMethod;
    principal: Minor;
    annualRatePercent: string;
    months: number;
    startDate: string;
  };
}

export interface PaymentDraft {
  at: RowRef;
  loanNumber: string;
  date: string;
  amount: Minor;
  reference: string;
}

export interface ImportBook {
  sheets: SheetPlan[];
  borrowers: BorrowerDraft[];
  loans: LoanDraft[];
  payments: PaymentDraft[];
  errors: RowError[];
}

/** What a sheet holds, judged by its mapped columns: loan terms, payments, or people. */
export function kindOf(fields: readonly (ImportField | null)[]): SheetKind {
  const has = (f: ImportField) => fields.includes(f);
  if (has('principal')) return 'loans';
  if (has('paymentAmount')) return 'payments';
  if (has('borrowerName') || has('idNumber')) return 'borrowers';
  return 'unknown';
}

const isBlankRow = (row: readonly Cell[] | undefined) => !row || row.every((c) => cellText(c) === '');

/** One data row: its cells by field, and a place to collect its problems. */
class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    readonly at: RowRef,
    private readonly cells: ReadonlyMap<ImportField, { header: string; value: Cell }>,
  ) {}

  has(field: ImportField): boolean {
    return this.cells.has(field);
  }

  header(field: ImportField): string {
    return this.cells.get(field)?.header ?? FIELD_SPECS[field].label.en;
  }

  text(field: ImportField): string {
    return cellText(this.cells.get(field)?.value ?? null);
  }

  fail(field: ImportField | '', reason: string): void {
    this.errors.push({ ...this.at, column: field ? this.header(field) : '', reason });
  }

  /** The parsed cell, or undefined after noting why not. Blank required cells say "is required". */
  read<T>(field: ImportField, parse: (cell: Cell) => Parsed<T>): T | undefined {
    const cell = this.cells.get(field);
    if (!cell || cellText(cell.value) === '') {
      this.fail(field, `${FIELD_SPECS[field].label.en} is required`);
      return undefined;
    }
    const parsed = parse(cell.value);
    if (parsed.ok) return parsed.value;
    this.fail(field, parsed.reason);
    return undefined;
  }

  /** Issues from a contract schema, each put on the column of the field it names. */
  schemaIssues(error: z.ZodError, fieldOf: Record<string, ImportField>): void {
    for (const issue of error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = fieldOf[key];
      this.fail(field ?? '', field ? issue.message : `${key}: ${issue.message}`);
    }
  }
}

function rowsOf(sheet: SheetInput, mapping: ColumnMapping): { plan: SheetPlan; readers: RowReader[] } {
  const headerAt = sheet.rows.findIndex((r) => !isBlankRow(r));
  const headers = headerAt < 0 ? [] : sheet.rows[headerAt]!.map(cellText);
  const fields = mapHeaders(headers, mapping);
  const readers: RowReader[] = [];
  for (let i = headerAt + 1; headerAt >= 0 && i < sheet.rows.length; i += 1) {
    const row = sheet.rows[i];
    if (isBlankRow(row)) continue;
    const cells = new Map<ImportField, { header: string; value: Cell }>();
    fields.forEach((field, col) => {
      if (field && !cells.has(field)) cells.set(field, { header: headers[col]!, value: row![col] ?? null });
    });
    readers.push(new RowReader({ sheet: sheet.name, row: i + 1 }, cells));
  }
  const plan: SheetPlan = {
    name: sheet.name,
    kind: kindOf(fields),
    headers,
    fields,
    dataRows: readers.length,
  };
  return { plan, readers };
}

const RESIDENT_ID_LIKE = /^\d{15,18}[\dXx]?$/;

function readBorrower(r: RowReader): BorrowerDraft | undefined {
  const name = r.read('borrowerName', (c) => ({ ok: true, value: cellText(c) }));
  const idNumber = r.read('idNumber', (c) => ({ ok: true, value: cellText(c).toUpperCase() }));
  if (name === undefined || idNumber === undefined) return undefined;
  const draft = {
    kind: 'person' as const,
    name,
    idType: RESIDENT_ID_LIKE.test(idNumber) ? ('resident-id' as const) : ('other' as const),
    idNumber,
    phone: r.text('phone'),
    address: r.text('address'),
  };
  const checked = createBorrowerSchema.safeParse(draft);
  if (!checked.success) {
    r.schemaIssues(checked.error, {
      name: 'borrowerName',
      idNumber: 'idNumber',
      phone: 'phone',
      address: 'address',
    });
    return undefined;
  }
  return {
    at: r.at,
    name: checked.data.name,
    idType: draft.idType,
    idNumber,
    phone: checked.data.phone,
    address: checked.data.address,
  };
}

function readLoan(r: RowReader, today: string): Omit<LoanDraft, 'borrowerIdNumber'> | undefined {
  const number = r.read('loanNumber', (c) => {
    const text = cellText(c);
    return text.length <= 40
      ? { ok: true, value: text }
      : { ok: false, reason: 'is longer than 40 characters' };
  });
  const principal = r.read('principal', parseAmountCell);
  const rateField: ImportField = r.has('annualRateFraction') ? 'annualRateFraction' : 'annualRate';
  const annualRatePercent = r.read(rateField, (c) => parseRateCell(c, rateField === 'annualRateFraction'));
  const months = r.read('months', parseMonthsCell);
  const startDate = r.read('startDate', parseDateCell);
  const method = r.read('method', parseMethodCell);
  const product: ImportProduct | undefined = r.text('product')
    ? r.read('product', parseProductCell)
    : 'other-secured';
  if (
    number === undefined ||
    principal === undefined ||
    annualRatePercent === undefined ||
    months === undefined ||
    startDate === undefined ||
    method === undefined ||
    product === undefined
  ) {
    return undefined;
  }
  const terms = { method, principal, annualRatePercent, months, startDate };
  const checked = loanTermsSchema.safeParse(terms);
  if (!checked.success) {
    r.schemaIssues(checked.error, {
      method: 'method',
      principal: 'principal',
      annualRatePercent: rateField,
      months: 'months',
      startDate: 'startDate',
    });
    return undefined;
  }
  if (startDate > today) {
    r.fail('startDate', `the disbursement date ${startDate} is after today (${today})`);
    return undefined;
  }
  return { at: r.at, number, product, terms };
}

function readPayment(r: RowReader, today: string): PaymentDraft | undefined {
  const loanNumber = r.read('loanNumber', (c) => ({ ok: true, value: cellText(c) }));
  const date = r.read('paymentDate', parseDateCell);
  const amount = r.read('paymentAmount', (c) => {
    const parsed = parseAmountCell(c);
    return parsed.ok && parsed.value === 0 ? { ok: false, reason: 'must be greater than zero' } : parsed;
  });
  if (loanNumber === undefined || date === undefined || amount === undefined) return undefined;
  if (date > today) {
    r.fail('paymentDate', `a payment cannot be dated after today (${today})`);
    return undefined;
  }
  return { at: r.at, loanNumber, date, amount, reference: r.text('paymentReference').slice(0, 80) };
}

/**
 * Reads every sheet. Borrowers come from a borrowers sheet or from the borrower columns of a flat
 * loans sheet, one per ID number; loans and payments are matched by loan number later, against
 * this file and the book.
 */
export function readBook(sheets: readonly SheetInput[], mapping: ColumnMapping, today: string): ImportBook {
  const book: ImportBook = { sheets: [], borrowers: [], loans: [], payments: [], errors: [] };
  const borrowerById = new Map<string, BorrowerDraft>();
  const loanNumbers = new Map<string, RowRef>();

  const addBorrower = (r: RowReader, draft: BorrowerDraft): boolean => {
    const known = borrowerById.get(draft.idNumber);
    if (!known) {
      borrowerById.set(draft.idNumber, draft);
      book.borrowers.push(draft);
      return true;
    }
    if (known.name !== draft.name) {
      r.fail(
        'borrowerName',
        `ID ${draft.idNumber} is ${known.name} in ${known.at.sheet} row ${known.at.row}`,
      );
      return false;
    }
    return true;
  };

  const read = sheets.map((s) => rowsOf(s, mapping));
  // People first, so a loans sheet may name its borrower by ID number alone.
  const order: SheetKind[] = ['borrowers', 'loans', 'payments', 'unknown'];
  read.sort((a, b) => order.indexOf(a.plan.kind) - order.indexOf(b.plan.kind));
  for (const { plan, readers } of read) {
    book.sheets.push(plan);
    for (const r of readers) {
      if (plan.kind === 'borrowers') {
        const b = readBorrower(r);
        if (b) addBorrower(r, b);
      } else if (plan.kind === 'loans') {
        const hasNameColumn = r.has('borrowerName');
        const borrower = hasNameColumn ? readBorrower(r) : undefined;
        const idNumber = hasNameColumn
          ? borrower?.idNumber
          : r.read('idNumber', (c) => ({ ok: true, value: cellText(c).toUpperCase() }));
        if (idNumber !== undefined && !hasNameColumn && !borrowerById.has(idNumber)) {
          r.fail('idNumber', `no borrower with ID ${idNumber} in the borrowers sheet`);
        }
        // A number is taken by its first row even when that row fails, so a repeat is still caught.
        const number = r.text('loanNumber');
        const first = loanNumbers.get(number);
        if (first) r.fail('loanNumber', `loan ${number} already appears in ${first.sheet} row ${first.row}`);
        else if (number) loanNumbers.set(number, r.at);
        const loan = readLoan(r, today);
        if (
          r.errors.length === 0 &&
          loan &&
          idNumber !== undefined &&
          (!borrower || addBorrower(r, borrower))
        ) {
          book.loans.push({ ...loan, borrowerIdNumber: idNumber });
        }
      } else if (plan.kind === 'payments') {
        const p = readPayment(r, today);
        if (p) book.payments.push(p);
      }
      book.errors.push(...r.errors);
    }
  }
  book.sheets.sort(
    (a, b) => sheets.findIndex((s) => s.name === a.name) - sheets.findIndex((s) => s.name === b.name),
  );
  return book;
}
