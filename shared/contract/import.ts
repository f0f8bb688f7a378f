import { z } from 'zod';
import { method, changes, reads } from './define';
import { IMPORT_FIELDS, type ColumnMapping } from '../import/fields';
import type { RowError, SheetPlan } from '../import/book';

export const IMPORT_ENCODING_CHOICES = ['auto', 'utf8', 'gbk', 'gb18030', 'big5'] as const;
export const EXPORT_WHATS = [
  'loans',
  'payments',
  'borrowers',
  'schedules',
  'collateral',
  'valuations',
  'all',
] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const HEADER_LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;

/** 50 MB of file is about 69.9 million base64 characters. */
const MAX_BASE64 = 70_000_000;

export const columnMappingSchema = z.record(
  z.string().max(200),
  z.enum(IMPORT_FIELDS).nullable(),
) as z.ZodType<ColumnMapping>;

export const importRequestSchema = z
  .object({
    files: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(255),
            base64: z.string().max(MAX_BASE64, 'the file is larger than 50 MB'),
          })
          .strict(),
      )
      .min(1, 'choose at least one file')
      .max(10),
    encoding: z.enum(IMPORT_ENCODING_CHOICES).default('auto'),
    mapping: columnMappingSchema.default({}),
    /** What to do with a loan number the book already has. */
    existing: z.enum(['skip', 'update']).default('skip'),
    /** The lender has read the plausibility warnings and imports anyway. */
    acceptWarnings: z.boolean().default(false),
  })
  .strict();
export type ImportRequest = z.input<typeof importRequestSchema>;

export interface ImportResult {
  /** True only when every row passed and the book was written. */
  committed: boolean;
  borrowers: number;
  loans: number;
  /** Collateral items, each with its appraisal as first valuation. */
  collateral: number;
  payments: number;
  /** Loans already in the book whose terms were replaced (update). */
  updated: number;
  /** Rows left out: loans already in the book (skip) with their payments, and payments already recorded. */
  skipped: number;
  errors: RowError[];
  /** Plausibility findings; the book is written with them only when they were accepted. */
  warnings: RowError[];
  sheets: SheetPlan[];
  /** The encoding a text file was read in; null for a workbook. */
  files: { name: string; encoding: Exclude<(typeof IMPORT_ENCODING_CHOICES)[number], 'auto'> | null }[];
}

export const IMPORT_PHASES = [
  'reading',
  'checking',
  'borrowers',
  'loans',
  'collateral',
  'payments',
  'finishing',
] as const;

/** How far the running import is: `done` of `total` rows written (total is 0 while reading). */
export interface ImportProgress {
  phase: (typeof IMPORT_PHASES)[number];
  done: number;
  total: number;
}

export interface FileBytes {
  name: string;
  base64: string;
}

export const importContract = {
  'import.preview': method<ImportResult>()(importRequestSchema, reads('book.write')),
  'import.commit': method<ImportResult>()(importRequestSchema, changes('book.write')),
  'import.savedMapping': method<ColumnMapping>()(z.object({}).strict(), reads('book.read')),
  'import.saveMapping': method<{ columns: number }>()(
    z
      .object({
        mapping: columnMappingSchema,
        /** The header rows the mapping was confirmed for; each layout keeps it for next time. */
        layouts: z
          .array(z.array(z.string().max(200)).max(500))
          .max(20)
          .default([]),
      })
      .strict(),
    changes('book.write'),
  ),
  /** The uploaded sheets as XLSX with a "problems" column worded in `language`, for fixing in Excel. */
  'import.annotated': method<FileBytes>()(
    importRequestSchema.extend({ language: z.enum(HEADER_LANGUAGES) }).strict(),
    reads('book.write'),
  ),
  'import.template': method<FileBytes>()(
    z.object({ language: z.enum(HEADER_LANGUAGES) }).strict(),
    reads('book.read'),
  ),
  'export.book': method<{ files: FileBytes[] }>()(
    z
      .object({
        what: z.enum(EXPORT_WHATS),
        format: z.enum(EXPORT_FORMATS),
        language: z.enum(HEADER_LANGUAGES).default('en'),
      })
      .strict(),
    reads('reports.read'),
  ),
};
