import { readFile } from 'node:fs/promises';
import {
  computeStatement,
  formatStatementOutput,
  parseStatementFile,
  type StatementFileInput,
} from '../../../shared/engine';
import { UsageError, type CliCommand } from '../command';
import { parseCliArgs } from '../args';

/**
 * `statement FILE --as-of YYYY-MM-DD`: the statement contract, straight through the shared
 * engine. No database: the file carries the loan. Bad input is exit 2 with one line naming the
 * field; stdout then stays empty.
 */
export const statementCommand: CliCommand = {
  name: 'statement',
  usage: 'statement FILE --as-of YYYY-MM-DD',
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { 'as-of': { type: 'string' } }, true);
    if (positionals.length !== 1) throw new UsageError('expects exactly one FILE (a JSON loan file)');
    if (values['as-of'] === undefined) throw new UsageError('--as-of is required (YYYY-MM-DD)');
    const json = await readJsonFile(positionals[0]!);
    const parsed = parseStatementFile(json, values['as-of']);
    if (!parsed.ok) throw new UsageError(`${parsed.error.field}: ${parsed.error.message}`);
    io.out(JSON.stringify(formatStatementOutput(computeStatement(parsed.value)), null, 2));
    return 0;
  },
};

/** Reads and parses a JSON file, turning both failure kinds into one-line usage errors. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new UsageError(
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * `COMMAND FILE --as-of YYYY-MM-DD` where FILE is a statement-contract loan file plus one more
 * object under `key` (`"plan"`, `"prepay"`): the parsed loan, and that object as it was written.
 */
export async function readLoanFileWith(
  args: string[],
  key: string,
): Promise<{ loan: StatementFileInput; extra: unknown }> {
  const { values, positionals } = parseCliArgs(args, { 'as-of': { type: 'string' } }, true);
  if (positionals.length !== 1)
    throw new UsageError(`expects exactly one FILE (a JSON loan file with a "${key}")`);
  if (values['as-of'] === undefined) throw new UsageError('--as-of is required (YYYY-MM-DD)');
  const json = await readJsonFile(positionals[0]!);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`file: must be a JSON object with the loan terms and a "${key}"`);
  }
  const { [key]: extra, ...loanFile } = json as Record<string, unknown>;
  const parsed = parseStatementFile(loanFile, values['as-of']);
  if (!parsed.ok) throw new UsageError(`${parsed.error.field}: ${parsed.error.message}`);
  return { loan: parsed.value, extra };
}
