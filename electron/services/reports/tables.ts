export interface LoanStatusChangesTable {
  id: number;
  loan_id: number;
  from_status: string | null;
  to_status: string;
  changed_on: string;
}

export interface ReportTables {
  loan_status_changes: LoanStatusChangesTable;
}
