import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  /** ISO timestamp from the service clock. */
  at: string;
  user_id: number;
  username: string;
  entity: string;
  entity_id: string;
  action: string;
  /** Canonical JSON, ID numbers masked; null when there was nothing before (or after). */
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  one: number;
  last_id: number;
  last_hash: string;
  row_count: number;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
