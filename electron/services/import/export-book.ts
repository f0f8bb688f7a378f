/**
 * The book as spreadsheets. Headers are the import dictionary's own labels, so an export imports
 * back as the same book; columns the import does not read (status, outstanding principal, DPD,
 * receipt numbers, schedules) carry headers the dictionary does not know, and are ignored there.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportFormat, ExportWhat } from '../../../shared/contract';
import { formatAmount } from '../../../shared/money';
import { maskIdNumber } from '../../../shared/privacy/mask';
import { FIELD_SPECS, type HeaderLanguage, type ImportField } from '../../../shared/import/fields';
import {
  BORROWER_KIND_LABELS,
  ID_TYPE_LABELS,
  METHOD_LABELS,
  PRODUCT_LABELS,
  type ImportIdType,
} from '../../../shared/import/values';
import type { ServiceContext } from '../context';
import { can, requirePermission } from '../auth/permissions';
import { effectivePayments } from '../loans/loan-records';
import { loanListBase } from '../loans/list.query';
import { translator } from '../../../shared/i18n/translator';
import { SUPPORTED_LOCALES as HEADER_LANGUAGES } from '../../../shared/contract';

type Value = string | number;
/** An amount cell: numeric so the spreadsheet can add it up (see `amountCell`). */
interface Amount {
  minor: number;
}
type CellOut = Value | Amount;

interface Table {
  sheet: Record<HeaderLanguage, string>;
  headers: string[];
  rows: CellOut[][];
}

// The workbook's own words (sheet names, columns beyond the import fields) are display words in the
// `import` resources, in each header language; the import fields' labels stay with their aliases.
const EXTRA_COLUMNS = [
  'status',
  'outstanding',
  'dpd',
  'receipt',
  'paymentMethod',
  'n',
  'dueDate',
  'duePrincipal',
  'dueInterest',
  'itemId',
  'collateralKind',
  'itemStatus',
  'valuationDate',
  'valuationValue',
  'valuationSource',
  'valuer',
] as const;
const SHEET_NAMES = ['loans', 'payments', 'borrowers', 'schedules', 'collateral', 'valuations'] as const;
const inEachLanguage = (word: (t: ReturnType<typeof translator>) => string) =>
  Object.fromEntries(HEADER_LANGUAGES.map((lang) => [lang, word(translator(lang))])) as Record<
    HeaderLanguage,
    string
  >;
const EXTRA = Object.fromEntries(
  EXTRA_COLUMNS.map((k) => [k, inEachLanguage((t) => t(`import.exportBook.columns.${k}`))]),
) as Record<(typeof EXTRA_COLUMNS)[number], Record<HeaderLanguage, string>>;

const SHEETS = Object.fromEntries(
  SHEET_NAMES.map((k) => [k, inEachLanguage((t) => t(`import.exportBook.sheets.${k}`))]),
) as Record<Exclude<ExportWhat, 'all'>, Record<HeaderLanguage, string>>;

const label = (field: ImportField, lang: HeaderLanguage) => FIELD_SPECS[field].label[lang];

async function loansTable(ctx: ServiceContext, lang: HeaderLanguage, fullIds: boolean): Promise<Table> {
  const rows = await loanListBase(ctx.db, ctx.clock.today())
    .select([
      'b.kind as borrower_kind',
      'b.id_type',
      'b.id_number',
      'b.phone',
      'b.address',
      'l.annual_rate_percent',
      'l.months',
      'l.method',
      'l.start_date',
      'l.penalty_daily_rate_percent',
      'l.grace_days',
    ])
    .orderBy('l.number')
    .execute();
  return {
    sheet: SHEETS.loans,
    headers: [
      ...(
        [
          'loanNumber',
          'borrowerName',
          'borrowerKind',
          'idType',
          'idNumber',
          'phone',
          'address',
          'product',
          'principal',
          'annualRate',
          'months',
          'method',
          'startDate',
          'penaltyDailyRate',
          'graceDays',
        ] as const
      ).map((f) => label(f, lang)),
      EXTRA.status[lang],
      EXTRA.outstanding[lang],
      EXTRA.dpd[lang],
    ],
    rows: rows.map((r) => [
      r.number,
      r.borrower_name,
      BORROWER_KIND_LABELS[lang][r.borrower_kind],
      ID_TYPE_LABELS[lang][r.id_type as ImportIdType] ?? r.id_type,
      fullIds ? r.id_number : maskIdNumber(r.id_number),
      r.phone,
      r.address,
      PRODUCT_LABELS[lang][r.product],
      { minor: r.principal },
      r.annual_rate_percent,
      r.months,
      METHOD_LABELS[lang][r.method],
      r.start_date,
      r.penalty_daily_rate_percent,
      r.grace_days,
      r.status,
      { minor: r.outstanding_principal },
      r.dpd,
    ]),
  };
}

async function paymentsTable(ctx: ServiceContext, lang: HeaderLanguage): Promise<Table> {
  const all = await ctx.db
    .selectFrom('payments as p')
    .innerJoin('loans as l', 'l.id', 'p.loan_id')
    .selectAll('p')
    .select('l.number as loan_number')
    .orderBy('l.number')
    .orderBy('p.date')
    .orderBy('p.id')
    .execute();
  // Money that counts: reversed payments and their reversal entries cancel out and are left out.
  const kept = new Set(effectivePayments(all).map((p) => p.id));
  return {
    sheet: SHEETS.payments,
    headers: [
      label('loanNumber', lang),
      EXTRA.receipt[lang],
      label('paymentDate', lang),
      label('paymentAmount', lang),
      EXTRA.paymentMethod[lang],
      label('paymentReference', lang),
    ],
    rows: all
      .filter((p) => kept.has(p.id))
      .map((p) => [p.loan_number, p.receipt_number, p.date, { minor: p.amount }, p.method, p.reference]),
  };
}

async function borrowersTable(ctx: ServiceContext, lang: HeaderLanguage, fullIds: boolean): Promise<Table> {
  const rows = await ctx.db.selectFrom('borrowers').selectAll().orderBy('name').orderBy('id').execute();
  return {
    sheet: SHEETS.borrowers,
    headers: (['borrowerName', 'borrowerKind', 'idType', 'idNumber', 'phone', 'address'] as const).map((f) =>
      label(f, lang),
    ),
    rows: rows.map((b) => [
      b.name,
      BORROWER_KIND_LABELS[lang][b.kind],
      ID_TYPE_LABELS[lang][b.id_type as ImportIdType] ?? b.id_type,
      fullIds ? b.id_number : maskIdNumber(b.id_number),
      b.phone,
      b.address,
    ]),
  };
}

async function schedulesTable(ctx: ServiceContext, lang: HeaderLanguage): Promise<Table> {
  const rows = await ctx.db
    .selectFrom('installments as i')
    .innerJoin('schedule_versions as v', 'v.id', 'i.version_id')
    .innerJoin('loans as l', 'l.id', 'v.loan_id')
    .select(['l.number', 'i.n', 'i.due_date', 'i.principal', 'i.interest'])
    .where('v.is_active', '=', 1)
    .orderBy('l.number')
    .orderBy('i.n')
    .execute();
  return {
    sheet: SHEETS.schedules,
    headers: [
      label('loanNumber', lang),
      EXTRA.n[lang],
      EXTRA.dueDate[lang],
      EXTRA.duePrincipal[lang],
      EXTRA.dueInterest[lang],
    ],
    rows: rows.map((r) => [r.number, r.n, r.due_date, { minor: r.principal }, { minor: r.interest }]),
  };
}

/**
 * Items with the loans they secure and their first appraisal, under the import's own headers, so
 * the sheet imports back as the same items; later valuations are on the valuations sheet.
 */
async function collateralTable(ctx: ServiceContext, lang: HeaderLanguage): Promise<Table> {
  const items = await ctx.db.selectFrom('collateral_items').selectAll().orderBy('id').execute();
  const firsts = await ctx.db
    .selectFrom('collateral_valuations')
    .select(['item_id', 'date', 'value'])
    .where('voided_at', 'is', null)
    .orderBy('item_id')
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const firstOf = new Map(firsts.map((v) => [v.item_id, v]));
  const links = await ctx.db
    .selectFrom('collateral_links as k')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .select(['k.item_id', 'l.number'])
    .orderBy('l.number')
    .execute();
  const loansOf = new Map<number, string[]>();
  for (const k of links) loansOf.set(k.item_id, [...(loansOf.get(k.item_id) ?? []), k.number]);
  return {
    sheet: SHEETS.collateral,
    headers: [
      EXTRA.itemId[lang],
      EXTRA.collateralKind[lang],
      ...(
        [
          'loanNumber',
          'plate',
          'vin',
          'make',
          'model',
          'vehicleYear',
          'titleDeedNo',
          'collateralAddress',
          'appraisedValue',
          'appraisalDate',
        ] as const
      ).map((f) => label(f, lang)),
      EXTRA.itemStatus[lang],
    ],
    rows: items.map((i) => {
      const first = firstOf.get(i.id);
      return [
        i.id,
        i.kind,
        (loansOf.get(i.id) ?? []).join(' '),
        i.plate ?? '',
        i.vin ?? '',
        i.make ?? '',
        i.model ?? '',
        i.year ?? '',
        i.title_certificate_no ?? '',
        i.address ?? '',
        first ? { minor: first.value } : '',
        first?.date ?? '',
        i.status,
      ];
    }),
  };
}

async function valuationsTable(ctx: ServiceContext, lang: HeaderLanguage): Promise<Table> {
  const rows = await ctx.db
    .selectFrom('collateral_valuations')
    .selectAll()
    .where('voided_at', 'is', null)
    .orderBy('item_id')
    .orderBy('date')
    .orderBy('id')
    .execute();
  return {
    sheet: SHEETS.valuations,
    headers: [
      EXTRA.itemId[lang],
      EXTRA.valuationDate[lang],
      EXTRA.valuationValue[lang],
      EXTRA.valuationSource[lang],
      EXTRA.valuer[lang],
    ],
    rows: rows.map((v) => [v.item_id, v.date, { minor: v.value }, v.source, v.valued_by]),
  };
}

/**
 * A spreadsheet number for an amount. The decimal text has at most 15 significant digits, which a
 * double holds exactly, and the import reads it back through its shortest text: no rounding.
 */
const amountCell = (a: Amount): number => Number(formatAmount(a.minor));

async function xlsxOf(tables: Table[], lang: HeaderLanguage): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = workbook.addWorksheet(t.sheet[lang]);
    ws.addRow(t.headers).font = { bold: true };
    for (const row of t.rows) {
      const added = ws.addRow(row.map((c) => (typeof c === 'object' ? amountCell(c) : c)));
      row.forEach((c, i) => {
        if (typeof c === 'object') added.getCell(i + 1).numFmt = '#,##0.00';
      });
    }
    ws.columns.forEach((col) => (col.width = 16));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with a BOM: the one CSV that Excel, WPS and LibreOffice all open with Chinese intact. */
function csvOf(t: Table): Uint8Array {
  const text = Papa.unparse([
    t.headers,
    ...t.rows.map((r) => r.map((c) => (typeof c === 'object' ? formatAmount(c.minor) : String(c)))),
  ]);
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

export async function exportBook(
  ctx: ServiceContext,
  options: { what: ExportWhat; format: ExportFormat; language: HeaderLanguage },
): Promise<{ name: string; bytes: Uint8Array }[]> {
  const actor = requirePermission(ctx.actor(), 'book.read');
  // Whole ID numbers leave the app only with someone allowed to see them.
  const fullIds = can(actor, 'pii.reveal');
  const lang = options.language;
  const kinds: Exclude<ExportWhat, 'all'>[] =
    options.what === 'all'
      ? ['loans', 'payments', 'borrowers', 'schedules', 'collateral', 'valuations']
      : [options.what];
  const build: Record<Exclude<ExportWhat, 'all'>, () => Promise<Table>> = {
    loans: () => loansTable(ctx, lang, fullIds),
    payments: () => paymentsTable(ctx, lang),
    borrowers: () => borrowersTable(ctx, lang, fullIds),
    schedules: () => schedulesTable(ctx, lang),
    collateral: () => collateralTable(ctx, lang),
    valuations: () => valuationsTable(ctx, lang),
  };
  const tables: Table[] = [];
  for (const kind of kinds) tables.push(await build[kind]());
  const stem = `pledgebook-${options.what === 'all' ? 'book' : options.what}-${ctx.clock.today()}`;
  if (options.format === 'xlsx') return [{ name: `${stem}.xlsx`, bytes: await xlsxOf(tables, lang) }];
  return tables.map((t, i) => ({
    name: `${options.what === 'all' ? `${stem}-${kinds[i]}` : stem}.csv`,
    bytes: csvOf(t),
  }));
}

/** A workbook with the import headers in the user's language and one example row per sheet. */
export async function templateWorkbook(lang: HeaderLanguage): Promise<Uint8Array> {
  const loans: Table = {
    sheet: SHEETS.loans,
    headers: (
      [
        'loanNumber',
        'borrowerName',
        'idNumber',
        'phone',
        'address',
        'product',
        'principal',
        'annualRate',
        'months',
        'method',
        'startDate',
      ] as const
    ).map((f) => label(f, lang)),
    rows: [
      [
        'PB-2026-000001',
        lang === 'en' ? 'Wang Fang' : '王芳',
        '110101199003071234',
        '13800138000',
        lang === 'en' ? 'Dongcheng, Beijing' : lang === 'zh-CN' ? '北京市东城区' : '北京市東城區',
        PRODUCT_LABELS[lang]['car-title'],
        { minor: 10_000_000 },
        '12',
        12,
        METHOD_LABELS[lang].annuity,
        '2026-01-05',
      ],
    ],
  };
  const payments: Table = {
    sheet: SHEETS.payments,
    headers: (['loanNumber', 'paymentDate', 'paymentAmount', 'paymentReference'] as const).map((f) =>
      label(f, lang),
    ),
    rows: [['PB-2026-000001', '2026-02-05', { minor: 888_488 }, '']],
  };
  return xlsxOf([loans, payments], lang);
}
