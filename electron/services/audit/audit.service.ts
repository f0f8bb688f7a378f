import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { verifyBookAuditChain } from './verify';
import { auditPage } from './audit.query';

/** The audit viewer: filter by user, entity and date; and the chain check behind `audit verify`. */
export function auditHandlers(ctx: ServiceContext): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  const { db } = ctx;
  return {
    'audit.list': async ({ username, entity, from, to, refusedOnly, offset, limit }) => {
      const { rows, total } = await auditPage(
        db,
        { username, entity, from, to, refusedOnly },
        { offset, limit },
      );
      return {
        rows: rows.map((r) => ({
          id: r.id,
          at: r.at,
          username: r.username,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          before: r.before_json,
          after: r.after_json,
        })),
        total,
      };
    },
    'audit.verify': async () => verifyBookAuditChain(ctx),
  };
}
