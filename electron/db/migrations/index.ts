import type { Migration } from 'kysely';
import * as m0001 from './0001_settings';
import * as m0002 from './0002_loan_book';

/**
 * Bundled migrations, in order. Names are numbered so Kysely orders them; never rename or edit
 * one that has shipped — add the next number instead.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_settings': m0001,
  '0002_loan_book': m0002,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
