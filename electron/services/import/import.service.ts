import type { ImportProgress, ImportResult, Locale, ParsedInput } from '../../../shared/contract';
import { headersOf, layoutKey, readBook, type SheetInput } from '../../../shared/import/book';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../shared/import/fields';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { requirePermission } from '../auth/permissions';
import { invalidField } from '../errors';
import { readSettingsRows, writeSetting } from '../system/settings.repository';
import { readImportFile, type ImportEncoding } from './read-file';
import { writeBook, type ExistingLoans } from './write-book';
import { exportBook, templateWorkbook } from './export-book';
import { annotatedWorkbook } from './annotated';
import { reportProgress } from '../work';

type ImportHandlers = Pick<
  Handlers,
  | 'import.preview'
  | 'import.commit'
  | 'import.savedMapping'
  | 'import.saveMapping'
  | 'import.template'
  | 'import.annotated'
  | 'export.book'
>;

const MAPPING_SETTING = 'import.columnMapping';
/** Mappings the lender confirmed, by sheet layout (layoutKey → the same shape as --mapping FILE). */
const LAYOUTS_SETTING = 'import.layoutMappings';
/** The annual rate (a percentage string) above which a row is warned of; default 24. */
export const RATE_CEILING_SETTING = 'import.rateCeilingPercent';

export interface ImportOptions {
  files: { name: string; bytes: Uint8Array }[];
  encoding?: ImportEncoding;
  mapping: ColumnMapping;
  existing: ExistingLoans;
  dryRun: boolean;
  acceptWarnings?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** Every sheet of every file, named as the import's errors name them. */
async function readSheets(options: Pick<ImportOptions, 'files' | 'encoding'>) {
  const sheets: SheetInput[] = [];
  const files: ImportResult['files'] = [];
  for (const file of options.files) {
    const read = await readImportFile(file.name, file.bytes, options.encoding);
    // Two files may both have a "Sheet1"; the file name keeps their errors apart.
    const prefix = options.files.length > 1 && read.encoding === null ? `${file.name}: ` : '';
    sheets.push(...read.sheets.map((s) => ({ ...s, name: prefix + s.name })));
    files.push({ name: file.name, encoding: read.encoding });
  }
  return { sheets, files };
}

/** The uploaded sheets with each row's problems beside it, as a dry run finds them. */
export async function annotatedCopy(
  ctx: ServiceContext,
  options: Omit<ImportOptions, 'dryRun'>,
  language: Locale,
): Promise<{ name: string; bytes: Uint8Array }> {
  const result = await runImport(ctx, { ...options, dryRun: true });
  const { sheets } = await readSheets(options);
  const stem = options.files[0]!.name.replace(/\.[^.]*$/, '');
  return { name: `${stem}-problems.xlsx`, bytes: await annotatedWorkbook(sheets, result, language) };
}

/** Reads every file, checks every row, and writes the book only when all of them pass. */
export async function runImport(ctx: ServiceContext, options: ImportOptions): Promise<ImportResult> {
  requirePermission(ctx.actor(), 'book.write');
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'reading', done: 0, total: 0 });
  const { sheets, files } = await readSheets(options);
  report({ phase: 'checking', done: 0, total: 0 });
  const settings = await readSettingsRows(ctx.db);
  const ceiling = settings[RATE_CEILING_SETTING];
  // A sheet laid out as one confirmed before takes that mapping; what the request says wins.
  const layouts = layoutMappings(settings[LAYOUTS_SETTING]);
  const mapping = Object.assign(
    {},
    ...sheets.map((s) => layouts[layoutKey(headersOf(s))] ?? {}),
    options.mapping,
  ) as ColumnMapping;
  const book = readBook(sheets, mapping, ctx.clock.today(), {
    rateCeilingPercent:
      typeof ceiling === 'string' && /^\d{1,3}(\.\d+)?$/.test(ceiling) ? ceiling : undefined,
  });
  const written = await writeBook(ctx, book, {
    existing: options.existing,
    dryRun: options.dryRun,
    acceptWarnings: options.acceptWarnings ?? false,
    files: options.files.map((f) => f.name),
    onProgress: report,
  });
  // In file order: sheet by sheet, row by row, as the lender will work through them.
  const sheetOrder = sheets.map((s) => s.name);
  written.errors.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
  return { ...written, sheets: book.sheets, files };
}

/** The stored layouts, each keeping only header → field pairs that are still fields. */
function layoutMappings(stored: unknown): Record<string, ColumnMapping> {
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).map(([key, m]) => [key, onlyFields(m)]),
  );
}

const onlyFields = (stored: unknown): ColumnMapping => {
  if (!stored || typeof stored !== 'object') return {};
  const fields: readonly (ImportField | null)[] = [...IMPORT_FIELDS, null];
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter(([, f]) => fields.includes(f as ImportField)),
  ) as ColumnMapping;
};

/** Saves a confirmed mapping, and under each layout the part of it that layout's headers use. */
export async function saveMapping(ctx: ServiceContext, mapping: ColumnMapping, layouts: string[][]) {
  requirePermission(ctx.actor(), 'book.write');
  const settings = await readSettingsRows(ctx.db);
  const merged = { ...onlyFields(settings[MAPPING_SETTING]), ...mapping };
  const byLayout = layoutMappings(settings[LAYOUTS_SETTING]);
  for (const headers of layouts) {
    byLayout[layoutKey(headers)] = Object.fromEntries(
      Object.entries(mapping).filter(([header]) => headers.includes(header)),
    ) as ColumnMapping;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, MAPPING_SETTING, merged);
    await writeSetting(trx, LAYOUTS_SETTING, byLayout);
  });
  return { columns: Object.keys(merged).length };
}

export async function savedMapping(ctx: ServiceContext): Promise<ColumnMapping> {
  return onlyFields((await readSettingsRows(ctx.db))[MAPPING_SETTING]);
}

const bytesOf = (base64: string, name: string): Uint8Array => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw invalidField('files', 'import.notBase64', { name });
  return Buffer.from(base64, 'base64');
};

function optionsOf(input: ParsedInput<'import.preview'>, dryRun: boolean): ImportOptions {
  return {
    files: input.files.map((f) => ({ name: f.name, bytes: bytesOf(f.base64, f.name) })),
    encoding: input.encoding === 'auto' ? undefined : input.encoding,
    mapping: input.mapping,
    existing: input.existing,
    acceptWarnings: input.acceptWarnings,
    dryRun,
  };
}

export function importHandlers(ctx: ServiceContext): ImportHandlers {
  // Progress goes to the caller over the port (services/work.ts), not to a poll.
  const tracked = (input: ParsedInput<'import.preview'>, dryRun: boolean) =>
    runImport(ctx, { ...optionsOf(input, dryRun), onProgress: reportProgress });
  return {
    'import.preview': (input) => tracked(input, true),
    'import.commit': (input) => tracked(input, false),
    'import.savedMapping': () => savedMapping(ctx),
    'import.saveMapping': ({ mapping, layouts }) => saveMapping(ctx, mapping, layouts),
    'import.annotated': async (input) => {
      const { name, bytes } = await annotatedCopy(ctx, optionsOf(input, true), input.language);
      return { name, base64: Buffer.from(bytes).toString('base64') };
    },
    'import.template': async ({ language }) => {
      const bytes = await templateWorkbook(language);
      return {
        name: `pledgebook-import-template-${language}.xlsx`,
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
    'export.book': async ({ what, format, language }) => {
      const files = await exportBook(ctx, { what, format, language });
      return { files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })) };
    },
  };
}
