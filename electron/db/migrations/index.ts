import type { Migration } from 'kysely';
import * as m0001 from './0001_settings';
import * as m0002 from './0002_loan_book';
import * as m0003 from './0003_collateral';

/**
 * Bundled migrations, in order. Names are numbered so Kysely orders them; never rename or edit
 * one that has shipped — add the next number instead.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_settings': m0001,
  '0002_loan_book': m0002,
  '0003_collateral': m0003,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
