import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  EXPORT_FORMATS,
  EXPORT_WHATS,
  columnMappingSchema,
  type ExportFormat,
  type ExportWhat,
} from '../../../shared/contract';
import type { ColumnMapping } from '../../../shared/import/fields';
import { EXIT, UsageError, withApp, type CliCommand } from '../command';
import { parseCliArgs } from '../args';
import { runImport } from '../../services/import/import.service';
import { exportBook } from '../../services/import/export-book';
import { readJsonFile } from './statement';

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? 'error'})`,
    );
  }
}

/** A mapping file is {"header": "field" | null}, the same shape the screen saves. */
async function readMapping(path: string | undefined): Promise<ColumnMapping> {
  if (path === undefined) return {};
  const parsed = columnMappingSchema.safeParse(await readJsonFile(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--mapping ${path}: "${issue.path.join('.')}": ${issue.message}`);
  }
  return parsed.data;
}

/**
 * `import FILE... [--db PATH] [--dry-run] [--encoding gbk|utf8] [--mapping FILE] [--update] [--accept-warnings]`:
 * prints {"borrowers","loans","collateral","payments","errors","warnings",…}. Any rejected row → exit 1 and
 * nothing written; plausibility warnings too (exit 1) unless --accept-warnings says they were read. Loan numbers already in the book are skipped unless --update is given.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import FILE... [--db PATH] [--dry-run] [--encoding gbk|gb18030|utf8|big5] [--mapping FILE] [--update] [--accept-warnings]',
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        db: { type: 'string' },
        'dry-run': { type: 'boolean' },
        encoding: { type: 'string' },
        mapping: { type: 'string' },
        update: { type: 'boolean' },
        'accept-warnings': { type: 'boolean' },
      },
      true,
    );
    if (positionals.length === 0) throw new UsageError('expects at least one FILE (.xlsx or .csv)');
    const encoding = values.encoding;
    if (encoding !== undefined && !['utf8', 'gbk', 'gb18030', 'big5'].includes(encoding)) {
      throw new UsageError(`--encoding must be gbk, gb18030, utf8 or big5, got "${encoding}"`);
    }
    const mapping = await readMapping(values.mapping);
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const path of positionals) files.push({ name: basename(path), bytes: await readBytes(path) });
    const result = await withApp(values.db, io, (app) =>
      runImport(app.ctx, {
        files,
        encoding: encoding as 'utf8' | 'gbk' | 'gb18030' | 'big5' | undefined,
        mapping,
        existing: values.update ? 'update' : 'skip',
        dryRun: values['dry-run'] ?? false,
        acceptWarnings: values['accept-warnings'] ?? false,
      }),
    );
    const { borrowers, loans, collateral, payments, updated, skipped, errors, warnings, committed } = result;
    io.out(
      JSON.stringify(
        { borrowers, loans, collateral, payments, updated, skipped, committed, errors, warnings },
        null,
        2,
      ),
    );
    return errors.length > 0 || (warnings.length > 0 && !values['accept-warnings']) ? EXIT.failed : EXIT.ok;
  },
};

/**
 * `export --what loans|payments|borrowers|schedules|collateral|valuations|all --format csv|xlsx --out FILE [--db PATH]`.
 * CSV holds one table, so `--what all --format csv` writes FILE's name with -loans, -payments… added (one file per table).
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage:
    'export --what loans|payments|borrowers|schedules|collateral|valuations|all --format csv|xlsx --out FILE [--db PATH] [--lang en|zh-CN|zh-TW]',
  async run(args, io) {
    const { values } = parseCliArgs(args, {
      what: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      lang: { type: 'string' },
    });
    const what = values.what as ExportWhat;
    if (!EXPORT_WHATS.includes(what))
      throw new UsageError(`--what must be one of ${EXPORT_WHATS.join(', ')}`);
    const format = values.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError('--format must be csv or xlsx');
    const out = values.out;
    if (!out) throw new UsageError('--out FILE is required');
    const language = (values.lang ?? 'en') as 'en' | 'zh-CN' | 'zh-TW';
    if (!['en', 'zh-CN', 'zh-TW'].includes(language))
      throw new UsageError('--lang must be en, zh-CN or zh-TW');
    const files = await withApp(values.db, io, (app) => exportBook(app.ctx, { what, format, language }));
    const written: string[] = [];
    for (const file of files) {
      const target =
        files.length === 1
          ? out
          : join(dirname(out), `${basename(out).replace(/\.[^.]*$/, '')}-${file.name.split('-').pop()}`);
      await writeFile(target, file.bytes);
      written.push(target);
    }
    io.out(JSON.stringify({ files: written }, null, 2));
    return EXIT.ok;
  },
};
