import { sql } from 'kysely';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { verifyBookAuditChain } from './verify';

/** The audit viewer: filter by user, entity and date; and the chain check behind `audit verify`. */
export function auditHandlers(ctx: ServiceContext): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  const { db } = ctx;
  return {
    'audit.list': async ({ username, entity, from, to, refusedOnly, offset, limit }) => {
      let q = db.selectFrom('audit_log');
      if (username) q = q.where('username', '=', username);
      if (entity) q = q.where('entity', '=', entity);
      // The guard records each refusal as action 'refused' on entity 'access' (auth/guard.ts).
      if (refusedOnly) q = q.where('entity', '=', 'access').where('action', '=', 'refused');
      // `at` is an ISO instant; its first ten characters are the UTC date.
      if (from) q = q.where(sql<string>`substr(at, 1, 10)`, '>=', from);
      if (to) q = q.where(sql<string>`substr(at, 1, 10)`, '<=', to);
      const [rows, total] = await Promise.all([
        q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
        q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
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
        total: total.n,
      };
    },
    'audit.verify': async () => verifyBookAuditChain(ctx),
  };
}
