import type { ServiceContext } from './context';
import type { Handlers } from './dispatch';
import { systemHandlers } from './system/system.service';

/** Every contract method, bound to its service. A missing method is a compile error here. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...systemHandlers(ctx),
  };
}
