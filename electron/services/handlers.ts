import type { ServiceContext } from './context';
import type { Handlers } from './dispatch';
import { borrowerHandlers } from './borrowers/borrowers.service';
import { loanHandlers } from './loans/loans.service';
import { collateralHandlers } from './collateral/handlers';
import { collectionHandlers } from './collections/collections.service';
import { paymentHandlers } from './payments/payments.service';
import { planHandlers } from './plans/plans.service';
import { writeOffHandlers } from './plans/write-offs.service';
import { searchHandlers } from './search/search.service';
import { importHandlers } from './import/import.service';
import { reportHandlers } from './reports/report.service';
import { systemHandlers } from './system/system.service';
import { authHandlers } from './auth/auth.service';
import { auditHandlers } from './audit/audit.service';
import { approvalHandlers } from './approvals/approvals.service';
import { backupHandlers } from './system/backups.service';
import { officeHandlers } from './office/office.service';
import { riskHandlers } from './risk/risk.service';
import { ledgerHandlers } from './ledger/ledger.service';

/** Every contract method, bound to its service. A missing method is a compile error here. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...systemHandlers(ctx),
    ...borrowerHandlers(ctx),
    ...loanHandlers(ctx),
    ...collateralHandlers(ctx),
    ...collectionHandlers(ctx),
    ...paymentHandlers(ctx),
    ...searchHandlers(ctx),
    ...importHandlers(ctx),
    ...reportHandlers(ctx),
    ...planHandlers(ctx),
    ...writeOffHandlers(ctx),
    ...authHandlers(ctx),
    ...auditHandlers(ctx),
    ...approvalHandlers(ctx),
    ...backupHandlers(ctx),
    ...officeHandlers(ctx),
    ...riskHandlers(ctx),
    ...ledgerHandlers(ctx),
  };
}
