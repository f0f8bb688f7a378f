/**
 * Reads mapped sheets into borrowers, loans and payments ready to write, checking every row with
 * the same schemas the screens use. A row with any problem yields no record, only errors that
 * name its sheet, spreadsheet row and column.
 */
import { codeOfIssue } from '../contract/zod-issues';
import { detailCoded } from './reasons';
import type { z } from 'zod';
import { createBorrowerSchema } from '../contract/borrowers';
import { loanTermsSchema } from '../contract/loans';
import { importedPropertySchema, importedVehicleSchema, type ItemDetails } from '../contract/collateral';
import type { RepaymentMethod } from '../engine/schedule';
import type { Minor } from '../money/amount';
import {
  FIELD_SPECS,
  PROPERTY_FIELDS,
  VEHICLE_FIELDS,
  mapHeaders,
  type ColumnMapping,
  type ImportField,
} from './fields';
import {
  DEFAULT_RATE_CEILING_PERCENT,
  isAppraisalOld,
  isMainlandMobile,
  isMainlandResidentId,
  isRateAbove,
  vinCheckDigitWrong,
} from './plausibility';
import { rejection, type Rejection, type RejectionCode, type RejectionParams } from './reasons';
import {
  cellText,
  ok,
  parseBorrowerKindCell,
  parseIdTypeCell,
  parseYearCell,
  parseStatusCell,
  type ImportStatus,
  parseGraceDaysCell,
  parseAmountCell,
  parseDateCell,
  parseMethodCell,
  parseMonthsCell,
  parseProductCell,
  parseRateCell,
  type Cell,
  type ImportBorrowerKind,
  type ImportIdType,
  type ImportProduct,
  type Parsed,
  bad,
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

export interface RowError extends RowRef, Rejection {
  /** The column's header as written in the file ('' for a problem with the whole row). */
  column: string;
}

export type SheetKind = 'loans' | 'payments' | 'collateral' | 'borrowers' | 'unknown';

export interface SheetPlan {
  name: string;
  kind: SheetKind;
  headers: string[];
  fields: (ImportField | null)[];
  dataRows: number;
}

export interface BorrowerDraft {
  at: RowRef;
  kind: ImportBorrowerKind;
  name: string;
  idType: ImportIdType;
  idNumber: string;
  phone: string;
  address: string;
}

export interface LoanDraft {
  at: RowRef;
  number: string;
  borrowerIdNumber: string;
  product: ImportProduct;
  /** The status the lender's book gives it, from the day a status-date column says (else today). */
  status: { status: ImportStatus; on: string | null };
  upfrontFee: Minor;
  officer: string;
  /** The collector it is assigned to, by the name the lender uses ('' for none). */
  collector: string;
  notes: string;
  /** The guarantor's ID number, when the row names one (the guarantor is a borrower draft). */
  guarantorIdNumber: string | null;
  /** Blank columns give the loan screen's defaults: no penalty, no grace days. */
  penaltyDailyRatePercent: string;
  graceDays: number;
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
  /** Negative: a reversal of the loan's latest earlier payment of that amount. */
  amount: Minor;
  reference: string;
}

/** A pledged car or property, from a flat loans row or a collateral sheet row. */
export interface CollateralDraft {
  at: RowRef;
  /** The loans it secures (a collateral sheet may list several, separated by spaces or commas). */
  loanNumbers: string[];
  details: ItemDetails;
  /** The appraisal in the file, which becomes the item's first valuation. */
  appraisal: { date: string; value: Minor } | null;
}

export interface ImportBook {
  sheets: SheetPlan[];
  borrowers: BorrowerDraft[];
  loans: LoanDraft[];
  collateral: CollateralDraft[];
  payments: PaymentDraft[];
  errors: RowError[];
  /** Plausibility findings the lender may accept (plausibility.ts); they block nothing else. */
  warnings: RowError[];
}

export interface ReadOptions {
  /** Annual rates above this (a percentage) are warned of; Settings holds it, default 24. */
  rateCeilingPercent?: string;
}

/** What a sheet holds, judged by its mapped columns: loan terms, payments, collateral, or people. */
export function kindOf(fields: readonly (ImportField | null)[]): SheetKind {
  const has = (f: ImportField) => fields.includes(f);
  if (has('principal')) return 'loans';
  if (has('paymentAmount')) return 'payments';
  if (has('loanNumber') && [...VEHICLE_FIELDS, ...PROPERTY_FIELDS].some(has)) return 'collateral';
  if (has('borrowerName') || has('idNumber')) return 'borrowers';
  return 'unknown';
}

const isBlankRow = (row: readonly Cell[] | undefined) => !row || row.every((c) => cellText(c) === '');

/** A sheet's headers: its first non-empty row, as text. */
export function headersOf(sheet: SheetInput): string[] {
  const at = sheet.rows.findIndex((r) => !isBlankRow(r));
  return at < 0 ? [] : sheet.rows[at]!.map(cellText);
}

/**
 * A sheet layout's key: its headers in order. The same workbook exported again next month has
 * the same key, so the mapping confirmed for it last time applies again.
 */
export function layoutKey(headers: readonly string[]): string {
  const trimmed = headers.map((h) => h.trim());
  // Trailing empty cells are no part of the layout (one more blank column is the same sheet).
  while (trimmed.at(-1) === '') trimmed.pop();
  return trimmed.join('\u001f');
}

/** Where each field of a sheet is: its header and column; the first column mapped to it wins. */
type SheetColumns = ReadonlyMap<ImportField, { header: string; col: number }>;

/** One data row: its cells by field, and a place to collect its problems. */
class RowReader {
  readonly errors: RowError[] = [];
  readonly warnings: RowError[] = [];
  constructor(
    readonly at: RowRef,
    private readonly columns: SheetColumns,
    private readonly row: readonly Cell[],
  ) {}

  private cell(field: ImportField): Cell {
    const column = this.columns.get(field);
    return column ? (this.row[column.col] ?? null) : null;
  }

  has(field: ImportField): boolean {
    return this.columns.has(field);
  }

  header(field: ImportField): string {
    return this.columns.get(field)?.header ?? FIELD_SPECS[field].label.en;
  }

  text(field: ImportField): string {
    return cellText(this.cell(field));
  }

  fail(field: ImportField | '', code: RejectionCode, params: RejectionParams = {}): void {
    this.errors.push({ ...this.at, column: field ? this.header(field) : '', ...rejection(code, params) });
  }

  warn(field: ImportField, code: RejectionCode, params: RejectionParams): void {
    this.warnings.push({ ...this.at, column: this.header(field), ...rejection(code, params) });
  }

  /** A person's ID and phone, as a mainland lender expects them. */
  checkPerson(
    idField: ImportField,
    idNumber: string,
    idType: ImportIdType,
    phoneField: ImportField,
    phone: string,
  ) {
    if ((idType === 'resident-id' || !this.has('idType')) && !isMainlandResidentId(idNumber))
      this.warn(idField, 'warn.idNumber', { value: idNumber });
    if (phone && !isMainlandMobile(phone)) this.warn(phoneField, 'warn.mobile', { value: phone });
  }

  filled(field: ImportField): boolean {
    return this.text(field) !== '';
  }

  /** The parsed cell, or undefined after noting why not. Blank required cells say "is required". */
  read<T>(field: ImportField, parse: (cell: Cell) => Parsed<T>): T | undefined {
    const cell = this.cell(field);
    if (cellText(cell) === '') {
      this.fail(field, 'cell.required', { column: this.header(field) });
      return undefined;
    }
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    const { code, params } = parsed;
    this.fail(field, code, params);
    return undefined;
  }

  /** Issues from a contract schema, each put on the column of the field it names. */
  schemaIssues(
    error: z.ZodError,
    fieldOf: Record<string, ImportField>,
    codeOf: Record<string, RejectionCode> = {},
  ): void {
    for (const issue of error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = fieldOf[key];
      this.fail(field ?? '', codeOf[key] ?? 'value.invalid', {
        detail: field ? issue.message : `${key}: ${issue.message}`,
        ...detailCoded(codeOfIssue(issue)),
      });
    }
  }
}

const asText = (c: Cell): Parsed<string> => ok(cellText(c));

/**
 * A sheet's plan, and its data rows to read one at a time: a reader for each of 150,000 rows,
 * all made up front, kept every row alive through the garbage collector's young generation.
 */
function rowsOf(
  sheet: SheetInput,
  mapping: ColumnMapping,
): { plan: SheetPlan; readers: () => Iterable<RowReader> } {
  const headerAt = sheet.rows.findIndex((r) => !isBlankRow(r));
  const headers = headersOf(sheet);
  const fields = mapHeaders(headers, mapping);
  const kind = kindOf(fields);
  const columns = new Map<ImportField, { header: string; col: number }>();
  fields.forEach((field, col) => {
    if (field && !columns.has(field)) columns.set(field, { header: headers[col]!, col });
  });
  const dataAt: number[] = [];
  for (let i = headerAt + 1; headerAt >= 0 && i < sheet.rows.length; i += 1) {
    if (!isBlankRow(sheet.rows[i])) dataAt.push(i);
  }
  const plan: SheetPlan = {
    name: sheet.name,
    kind,
    headers,
    fields,
    dataRows: dataAt.length,
  };
  function* readers() {
    // A sheet the import does not read (an exported schedule) is only counted.
    if (kind === 'unknown') return;
    for (const i of dataAt) yield new RowReader({ sheet: sheet.name, row: i + 1 }, columns, sheet.rows[i]!);
  }
  return { plan, readers };
}

/** Digits the length of a resident ID: without an ID type column, a person's ID like this is one. */
const RESIDENT_ID_LIKE = /^\d{15,18}[\dX]?$/;

function readBorrower(r: RowReader): BorrowerDraft | undefined {
  const name = r.read('borrowerName', asText);
  const idNumber = r.read('idNumber', (c) => ok(cellText(c).toUpperCase()));
  const kind = r.filled('borrowerKind') ? r.read('borrowerKind', parseBorrowerKindCell) : 'person';
  // A company's 15-digit registration number is not a mistyped resident ID: a company row holds a
  // business licence unless an ID type column says otherwise.
  const idType = r.filled('idType')
    ? r.read('idType', parseIdTypeCell)
    : kind === 'company'
      ? 'business-licence'
      : idNumber !== undefined && RESIDENT_ID_LIKE.test(idNumber)
        ? 'resident-id'
        : 'other';
  if (name === undefined || idNumber === undefined || kind === undefined || idType === undefined)
    return undefined;
  const draft = {
    kind,
    name,
    idType,
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
  if (kind === 'person') r.checkPerson('idNumber', idNumber, idType, 'phone', checked.data.phone);
  return {
    at: r.at,
    kind,
    name: checked.data.name,
    idType,
    idNumber,
    phone: checked.data.phone,
    address: checked.data.address,
  };
}

/** The guarantor a loans row names: a person, by name and ID number, with a phone if given. */
function readGuarantor(r: RowReader): BorrowerDraft | null | undefined {
  if (!r.filled('guarantorName') && !r.filled('guarantorIdNumber')) return null;
  const name = r.read('guarantorName', asText);
  if (!r.filled('guarantorIdNumber')) {
    r.fail('guarantorIdNumber', 'guarantor.needsId');
    return undefined;
  }
  const idNumber = r.text('guarantorIdNumber').toUpperCase();
  if (name === undefined) return undefined;
  const draft = {
    kind: 'person' as const,
    name,
    idType: RESIDENT_ID_LIKE.test(idNumber) ? ('resident-id' as const) : ('other' as const),
    idNumber,
    phone: r.text('guarantorPhone'),
    address: '',
  };
  const checked = createBorrowerSchema.safeParse(draft);
  if (!checked.success) {
    r.schemaIssues(checked.error, {
      name: 'guarantorName',
      idNumber: 'guarantorIdNumber',
      phone: 'guarantorPhone',
    });
    return undefined;
  }
  r.checkPerson('guarantorIdNumber', idNumber, draft.idType, 'guarantorPhone', checked.data.phone);
  return { at: r.at, ...draft, name: checked.data.name, phone: checked.data.phone };
}

function readLoan(
  r: RowReader,
  today: string,
  rateCeilingPercent: string,
): Omit<LoanDraft, 'borrowerIdNumber' | 'guarantorIdNumber'> | undefined {
  const number = r.read('loanNumber', (c): Parsed<string> => {
    const text = cellText(c);
    return text.length <= 40 ? ok(text) : bad('text.tooLong', { max: 40 });
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
  const penaltyDailyRatePercent = r.filled('penaltyDailyRate')
    ? r.read('penaltyDailyRate', (c) => parseRateCell(c))
    : '0';
  const graceDays = r.filled('graceDays') ? r.read('graceDays', parseGraceDaysCell) : 0;
  const status = r.filled('status') ? r.read('status', parseStatusCell) : 'active';
  const statusOn = r.filled('statusDate') ? r.read('statusDate', parseDateCell) : null;
  const upfrontFee = r.filled('upfrontFee') ? r.read('upfrontFee', parseAmountCell) : 0;
  if (statusOn && statusOn > today) r.fail('statusDate', 'payment.afterToday', { today });
  if (
    status === undefined ||
    statusOn === undefined ||
    upfrontFee === undefined ||
    (statusOn !== null && statusOn > today) ||
    number === undefined ||
    principal === undefined ||
    annualRatePercent === undefined ||
    months === undefined ||
    startDate === undefined ||
    method === undefined ||
    product === undefined ||
    penaltyDailyRatePercent === undefined ||
    graceDays === undefined
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
    r.fail('startDate', 'loan.startAfterToday', { date: startDate, today });
    return undefined;
  }
  if (isRateAbove(annualRatePercent, rateCeilingPercent))
    r.warn(rateField, 'warn.rate', { rate: annualRatePercent, ceiling: rateCeilingPercent });
  return {
    at: r.at,
    number,
    product,
    penaltyDailyRatePercent,
    graceDays,
    terms,
    status: { status, on: statusOn },
    upfrontFee,
    officer: r.text('officer').slice(0, 80),
    collector: r.text('collector').slice(0, 80),
    notes: r.text('notes').slice(0, 2000),
  };
}

const positiveAmount = (c: Cell): Parsed<Minor> => {
  const parsed = parseAmountCell(c);
  return parsed.ok && parsed.value === 0 ? bad('amount.zero') : parsed;
};

/** "丰田 凯美瑞" → 丰田 / 凯美瑞; a single word is the make, the model left to complete. */
function splitMakeModel(text: string): { make: string; model: string } {
  const at = text.search(/\s/);
  return at < 0 ? { make: text, model: '' } : { make: text.slice(0, at), model: text.slice(at).trim() };
}

/**
 * The item a row describes, null when its collateral columns are all blank. Only what identifies
 * the item is required — a plate or VIN, an address or title-deed number — and nothing the sheet
 * lacks is made up: a missing make, model, year or address stays blank and the item's "details to
 * complete" alert names it. What the collateral screen defaults anyway stays its plain default: a
 * first lien on a residential property the borrower owns and lives in.
 */
function readCollateral(
  r: RowReader,
  loanNumbers: string[],
  loan: { product: ImportProduct } | undefined,
  today: string,
): CollateralDraft | null | undefined {
  const vehicle = VEHICLE_FIELDS.some((f) => r.filled(f));
  const property = PROPERTY_FIELDS.some((f) => r.filled(f));
  const appraised = r.filled('appraisedValue') || r.filled('appraisalDate');
  if (!vehicle && !property && !appraised) return null;
  if (vehicle && property) {
    r.fail('', 'collateral.bothKinds');
    return undefined;
  }
  const failures = r.errors.length;
  let appraisal: CollateralDraft['appraisal'] = null;
  if (appraised) {
    if (!r.filled('appraisalDate')) r.fail('appraisalDate', 'appraisal.needsDate');
    else if (!r.filled('appraisedValue')) r.fail('appraisedValue', 'appraisal.needsValue');
    const date = r.filled('appraisalDate') ? r.read('appraisalDate', parseDateCell) : undefined;
    const value = r.filled('appraisedValue') ? r.read('appraisedValue', positiveAmount) : undefined;
    if (date !== undefined && date > today) r.fail('appraisalDate', 'appraisal.afterToday', { today });
    else if (date !== undefined && value !== undefined) appraisal = { date, value };
    if (appraisal && isAppraisalOld(appraisal.date, today))
      r.warn('appraisalDate', 'warn.appraisalOld', { date: appraisal.date });
  }
  // Only an appraisal in the row: the loan's product says what was pledged.
  if (vehicle || (!property && loan?.product !== 'mortgage')) {
    const separate = r.filled('make') || r.filled('model');
    const names = separate
      ? { make: r.text('make'), model: r.text('model') }
      : splitMakeModel(r.text('makeModel'));
    const year = r.filled('vehicleYear') ? r.read('vehicleYear', parseYearCell) : 0;
    if (r.errors.length > failures || year === undefined) return undefined;
    const checked = importedVehicleSchema.safeParse({
      kind: 'vehicle',
      vin: r.text('vin'),
      plate: r.text('plate'),
      ...names,
      year,
    });
    if (!checked.success) {
      const nameField = separate ? null : 'makeModel';
      r.schemaIssues(
        checked.error,
        {
          vin: 'vin',
          plate: r.has('plate') || !r.has('vin') ? 'plate' : 'vin',
          make: nameField ?? 'make',
          model: nameField ?? 'model',
          year: 'vehicleYear',
        },
        { vin: 'vin.invalid' },
      );
      return undefined;
    }
    if (vinCheckDigitWrong(checked.data.vin)) r.warn('vin', 'warn.vinCheckDigit', { vin: checked.data.vin });
    return { at: r.at, loanNumbers, details: checked.data, appraisal };
  }
  if (r.errors.length > failures) return undefined;
  const checked = importedPropertySchema.safeParse({
    kind: 'property',
    address: r.text('collateralAddress'),
    propertyType: 'residential',
    titleCertificateNo: r.text('titleDeedNo'),
    lienPosition: 1,
    ownerKind: 'borrower',
    occupancy: 'owner-occupied',
  });
  if (!checked.success) {
    r.schemaIssues(checked.error, {
      address: r.has('collateralAddress') || !r.has('titleDeedNo') ? 'collateralAddress' : 'titleDeedNo',
      titleCertificateNo: 'titleDeedNo',
    });
    return undefined;
  }
  return { at: r.at, loanNumbers, details: checked.data, appraisal };
}

function readPayment(r: RowReader, today: string): PaymentDraft | undefined {
  const loanNumber = r.read('loanNumber', asText);
  const date = r.read('paymentDate', parseDateCell);
  // A negative amount reverses an earlier payment of that amount (matched when writing).
  const amount = r.read('paymentAmount', (c) => {
    const text = cellText(c);
    const negative = /^[-−]/.test(text) || /^\(.*\)$/.test(text);
    const parsed = positiveAmount(negative ? text.replace(/^[-−]|^\(|\)$/g, '') : c);
    return parsed.ok && negative ? ok(-parsed.value) : parsed;
  });
  if (loanNumber === undefined || date === undefined || amount === undefined) return undefined;
  if (date > today) {
    r.fail('paymentDate', 'payment.afterToday', { today });
    return undefined;
  }
  return {
    at: r.at,
    loanNumber,
    date,
    amount, // A payments sheet's 备注 column is the payment's reference.
    reference: (r.text('paymentReference') || r.text('notes')).slice(0, 80),
  };
}

/**
 * Reads every sheet. Borrowers come from a borrowers sheet or from the borrower columns of a flat
 * loans sheet, one per ID number; loans and payments are matched by loan number later, against
 * this file and the book.
 */
export function readBook(
  sheets: readonly SheetInput[],
  mapping: ColumnMapping,
  today: string,
  options: ReadOptions = {},
): ImportBook {
  const rateCeiling = options.rateCeilingPercent ?? DEFAULT_RATE_CEILING_PERCENT;
  const book: ImportBook = {
    warnings: [],
    sheets: [],
    borrowers: [],
    loans: [],
    collateral: [],
    payments: [],
    errors: [],
  };
  const vins = new Map<string, RowRef>();
  const loanDrafts = new Map<string, LoanDraft>();
  /** A draft item unless its VIN is already pledged by an earlier row of the file. */
  const addCollateral = (r: RowReader, draft: CollateralDraft | null | undefined): boolean => {
    if (!draft) return draft === null;
    if (draft.details.kind === 'vehicle' && draft.details.vin) {
      const first = vins.get(draft.details.vin);
      if (first) {
        r.fail('vin', 'vin.repeated', { vin: draft.details.vin, sheet: first.sheet, row: first.row });
        return false;
      }
      vins.set(draft.details.vin, r.at);
    }
    book.collateral.push(draft);
    return true;
  };
  const borrowerById = new Map<string, BorrowerDraft>();
  const loanNumbers = new Map<string, RowRef>();

  const addBorrower = (
    r: RowReader,
    draft: BorrowerDraft,
    nameField: ImportField = 'borrowerName',
  ): boolean => {
    const known = borrowerById.get(draft.idNumber);
    if (!known) {
      borrowerById.set(draft.idNumber, draft);
      book.borrowers.push(draft);
      return true;
    }
    if (known.name !== draft.name) {
      r.fail(nameField, 'borrower.otherName', {
        idNumber: draft.idNumber,
        name: known.name,
        sheet: known.at.sheet,
        row: known.at.row,
      });
      return false;
    }
    return true;
  };

  const read = sheets.map((s) => rowsOf(s, mapping));
  // People first, so a loans sheet may name its borrower by ID number alone.
  const order: SheetKind[] = ['borrowers', 'loans', 'collateral', 'payments', 'unknown'];
  read.sort((a, b) => order.indexOf(a.plan.kind) - order.indexOf(b.plan.kind));
  for (const { plan, readers } of read) {
    book.sheets.push(plan);
    for (const r of readers()) {
      if (plan.kind === 'borrowers') {
        const b = readBorrower(r);
        if (b) addBorrower(r, b);
      } else if (plan.kind === 'loans') {
        const hasNameColumn = r.has('borrowerName');
        const borrower = hasNameColumn ? readBorrower(r) : undefined;
        const idNumber = hasNameColumn
          ? borrower?.idNumber
          : r.read('idNumber', (c) => ok(cellText(c).toUpperCase()));
        if (idNumber !== undefined && !hasNameColumn && !borrowerById.has(idNumber)) {
          r.fail('idNumber', 'borrower.notInFile', { idNumber });
        }
        // A number is taken by its first row even when that row fails, so a repeat is still caught.
        const number = r.text('loanNumber');
        const first = loanNumbers.get(number);
        if (first) r.fail('loanNumber', 'loan.repeated', { number, sheet: first.sheet, row: first.row });
        else if (number) loanNumbers.set(number, r.at);
        const loan = readLoan(r, today, rateCeiling);
        const collateral = loan ? readCollateral(r, [loan.number], loan, today) : undefined;
        // Without a product column, the pledged item says what the loan is: a plate or VIN
        // makes it a car-title loan, a title deed or address a mortgage.
        if (loan && collateral && !r.filled('product'))
          loan.product = collateral.details.kind === 'vehicle' ? 'car-title' : 'mortgage';
        const guarantor = readGuarantor(r);
        if (guarantor && guarantor.idNumber === idNumber) r.fail('guarantorIdNumber', 'guarantor.isBorrower');
        if (
          r.errors.length === 0 &&
          loan &&
          idNumber !== undefined &&
          guarantor !== undefined &&
          (!borrower || addBorrower(r, borrower)) &&
          (!guarantor || addBorrower(r, guarantor, 'guarantorName')) &&
          addCollateral(r, collateral)
        ) {
          const draft = {
            ...loan,
            borrowerIdNumber: idNumber,
            guarantorIdNumber: guarantor?.idNumber ?? null,
          };
          book.loans.push(draft);
          loanDrafts.set(draft.number, draft);
        }
      } else if (plan.kind === 'collateral') {
        const numbers = r.read('loanNumber', asText)?.split(/[\s,，;；]+/);
        const firstLoan = numbers && loanDrafts.get(numbers[0]!);
        const draft = numbers && readCollateral(r, numbers, firstLoan, today);
        if (r.errors.length === 0 && draft) addCollateral(r, draft);
      } else if (plan.kind === 'payments') {
        const p = readPayment(r, today);
        if (p) book.payments.push(p);
      }
      book.errors.push(...r.errors);
      book.warnings.push(...r.warnings);
    }
  }
  book.sheets.sort(
    (a, b) => sheets.findIndex((s) => s.name === a.name) - sheets.findIndex((s) => s.name === b.name),
  );
  return book;
}
