import type { BorrowerTables } from '../services/borrowers/tables';
import type { CollateralTables } from '../services/collateral/tables';
import type { LoanTables } from '../services/loans/tables';
import type { SystemTables } from '../services/system/tables';

/** Every table, as Kysely sees it. Each feature folder owns the types of its own tables. */
export interface DB extends SystemTables, BorrowerTables, LoanTables, CollateralTables {}
