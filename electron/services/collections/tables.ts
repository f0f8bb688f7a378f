import type { Generated, Selectable } from 'kysely';
import type {
  ContactChannel,
  ContactParty,
  LegalStage,
  VisitAddressKind,
} from '../../../shared/contract/collections';

export interface ContactOutcomesTable {
  code: string;
  label: string;
  connected: number;
  sort_order: number;
  active: Generated<number>;
  /** 1 while the outcome keeps the app's own (translated) wording; 0 once the lender renames it. */
  translated: Generated<number>;
}

export interface CollectionContactsTable {
  id: Generated<number>;
  loan_id: number;
  party_borrower_id: number;
  party: ContactParty;
  channel: ContactChannel;
  /** ISO-8601 UTC instant. */
  at: string;
  duration_seconds: number;
  outcome: string;
  notes: string;
  follow_up_on: string | null;
  amends_contact_id: number | null;
  override_reason: string;
  /** Comma-separated rule codes the override set aside. */
  override_rules: string;
  logged_by: string;
  /** Who logged it, by user id (0017); null for contacts older than their user. */
  logged_by_id: Generated<number | null>;
  created_at: string;
}
export type ContactRecord = Selectable<CollectionContactsTable>;

export interface PromisesToPayTable {
  id: Generated<number>;
  loan_id: number;
  contact_id: number | null;
  amount: number;
  made_on: string;
  due_date: string;
  collector: string;
  created_at: string;
}
export type PromiseRecord = Selectable<PromisesToPayTable>;

export interface CollectionVisitsTable {
  id: Generated<number>;
  loan_id: number;
  planned_at: string;
  /** The visit's calendar date in the borrower's time zone, so "due today" is a plain comparison. */
  planned_local_date: string;
  address_kind: VisitAddressKind;
  address: string;
  /** JSON array of staff names. */
  team: string;
  purpose: string;
  talking_points: string;
  override_reason: string;
  override_rules: string;
  planned_by: string;
  created_at: string;
  /** JSON VisitOutcome once recorded. */
  outcome: string | null;
}
export type VisitRecord = Selectable<CollectionVisitsTable>;

export interface CollectionAssignmentsTable {
  loan_id: number;
  collector: string;
  /** The user the account is assigned to (0017); null for a name that is no user. */
  collector_id: number | null;
  assigned_at: string;
}

export interface BorrowerUnreachableTable {
  borrower_id: number;
  since: string;
  reason: string;
  marked_by: string;
}

export interface LegalCasesTable {
  id: Generated<number>;
  loan_id: number;
  stage: LegalStage;
  court: string;
  case_number: string;
  lawyer: string;
  opened_on: string;
  closed_on: string | null;
  outcome: string;
  opened_by: string;
  created_at: string;
}

export interface LegalCaseEventsTable {
  id: Generated<number>;
  case_id: number;
  stage: LegalStage;
  date: string;
  note: string;
  cost: number;
  charge_to_loan: number;
  recorded_by: string;
  created_at: string;
}

export interface CollectionTables {
  legal_cases: LegalCasesTable;
  legal_case_events: LegalCaseEventsTable;
  contact_outcomes: ContactOutcomesTable;
  collection_contacts: CollectionContactsTable;
  promises_to_pay: PromisesToPayTable;
  collection_visits: CollectionVisitsTable;
  collection_assignments: CollectionAssignmentsTable;
  borrower_unreachable: BorrowerUnreachableTable;
}
