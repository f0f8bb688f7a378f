import type { Migration } from 'kysely';
import * as m0001 from './0001_book';
import * as m0002 from './0002_book_rules';
import * as m0003 from './0003_office_speed';
import * as m0004 from './0004_change_notices';
import * as m0005 from './0005_grade_overrides';
import * as m0006 from './0006_ledger_facts';

/**
 * PostgreSQL's own bundled migrations, in order. A new book on PostgreSQL starts from the schema
 * SQLite reached in its 0025; from here both engines add the next change side by side. Never
 * rename or edit one that has shipped.
 */
export const POSTGRES_MIGRATIONS: Record<string, Migration> = {
  '0001_book': m0001,
  '0002_book_rules': m0002,
  '0003_office_speed': m0003,
  '0004_change_notices': m0004,
  '0005_grade_overrides': m0005,
  '0006_ledger_facts': m0006,
};

export const POSTGRES_MIGRATION_NAMES = Object.keys(POSTGRES_MIGRATIONS);
