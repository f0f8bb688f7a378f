import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { attachmentHandlers } from './attachments.service';
import { itemHandlers } from './items.service';
import { repossessionHandlers } from './repossession.service';
import { valuationHandlers } from './valuations.service';

type CollateralMethod = Extract<
  keyof Handlers,
  `collateral.${string}` | `attachments.${string}` | `repossession.${string}`
>;

/** Every collateral method: items, valuations, attachments and repossession. */
export function collateralHandlers(ctx: ServiceContext): Pick<Handlers, CollateralMethod> {
  return {
    ...itemHandlers(ctx),
    ...valuationHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...repossessionHandlers(ctx),
  };
}
