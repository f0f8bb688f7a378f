import type { BorrowerTables } from '../services/borrowers/tables';
import type { ReportTables } from '../services/reports/tables';
import type { CollateralTables } from '../services/collateral/tables';
import type { CollectionTables } from '../services/collections/tables';
import type { LoanTables } from '../services/loans/tables';
import type { SystemTables } from '../services/system/tables';
import type { AuditTables } from '../services/audit/tables';
import type { AuthTables } from '../services/auth/tables';
import type { ApprovalTables } from '../services/approvals/tables';
import type { PlanTables } from '../services/plans/tables';
import type { RiskTables } from '../services/risk/tables';

/** Every table, as Kysely sees it. Each feature folder owns the types of its own tables. */
export interface DB
  extends
    SystemTables,
    BorrowerTables,
    LoanTables,
    ReportTables,
    CollateralTables,
    CollectionTables,
    AuditTables,
    AuthTables,
    ApprovalTables,
    PlanTables,
    RiskTables {}
