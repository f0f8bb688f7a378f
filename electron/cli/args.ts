import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidIsoDate } from '../../shared/dates/civil';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs in strict mode, with its errors turned into one-line usage errors. */
export function parseCliArgs<O extends Options>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

export function requireIsoDate(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required (YYYY-MM-DD)`);
  if (!isValidIsoDate(value))
    throw new UsageError(`${flag} must be a real date written YYYY-MM-DD, got "${value}"`);
  return value;
}

export function optionalIsoDate(value: string | undefined, flag: string): string | undefined {
  return value === undefined ? undefined : requireIsoDate(value, flag);
}
