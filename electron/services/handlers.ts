import type { ServiceContext } from './context';
import type { Handlers } from './dispatch';
import { borrowerHandlers } from './borrowers/borrowers.service';
import { loanHandlers } from './loans/loans.service';
import { paymentHandlers } from './payments/payments.service';
import { searchHandlers } from './search/search.service';
import { systemHandlers } from './system/system.service';

/** Every contract method, bound to its service. A missing method is a compile error here. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...systemHandlers(ctx),
    ...borrowerHandlers(ctx),
    ...loanHandlers(ctx),
    ...paymentHandlers(ctx),
    ...searchHandlers(ctx),
  };
}
