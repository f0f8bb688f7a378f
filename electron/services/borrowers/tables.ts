import type { Generated, Selectable } from 'kysely';

export interface BorrowersTable {
  id: Generated<number>;
  kind: 'person' | 'company';
  name: string;
  id_type: string;
  /** Stored whole; only ever leaves the service layer masked. */
  id_number: string;
  phone: string;
  alt_phone: string;
  address: string;
  employer: string;
  notes: string;
  time_zone: Generated<string>;
  created_at: string;
  updated_at: string;
}
export type BorrowerRecord = Selectable<BorrowersTable>;

export interface BorrowerTables {
  borrowers: BorrowersTable;
}
