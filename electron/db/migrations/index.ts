import type { Migration } from 'kysely';
import * as m0008 from './0008_loan_status_history';
import * as m0001 from './0001_settings';
import * as m0002 from './0002_loan_book';
import * as m0003 from './0003_collateral';
import * as m0004 from './0004_collections';
import * as m0005 from './0005_plans';
import * as m0006 from './0006_users_and_audit';
import * as m0009 from './0009_contact_outcome_labels';
import * as m0013 from './0013_month_end_positions';
import * as m0014 from './0014_hot_query_indexes';
import * as m0015 from './0015_search_terms';
import * as m0016 from './0016_collateral_value_cache';
import * as m0017 from './0017_prepayment_terms_and_receipt_splits';
import * as m0018 from './0018_schedule_version_names';
import * as m0019 from './0019_dated_history';
import * as m0020 from './0020_user_ids';
import * as m0024 from './0024_incomplete_collateral';
import * as m0025 from './0025_loan_notes';
import * as m0026 from './0026_grade_overrides';
import * as m0027 from './0027_ledger_facts';

/**
 * Bundled migrations, in order. Names are numbered so Kysely orders them; never rename or edit
 * one that has shipped — add the next number instead.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_settings': m0001,
  '0002_loan_book': m0002,
  '0003_collateral': m0003,
  '0004_collections': m0004,
  '0005_plans': m0005,
  '0006_users_and_audit': m0006,
  '0008_loan_status_history': m0008,
  '0009_contact_outcome_labels': m0009,
  '0013_month_end_positions': m0013,
  '0014_hot_query_indexes': m0014,
  '0015_search_terms': m0015,
  '0016_collateral_value_cache': m0016,
  '0017_prepayment_terms_and_receipt_splits': m0017,
  '0018_schedule_version_names': m0018,
  '0019_dated_history': m0019,
  '0020_user_ids': m0020,
  '0024_incomplete_collateral': m0024,
  '0025_loan_notes': m0025,
  '0026_grade_overrides': m0026,
  '0027_ledger_facts': m0027,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
