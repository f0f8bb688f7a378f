import { sql } from 'kysely';
import type { Db } from '../../db/db';

export interface AuditFilter {
  username?: string;
  entity?: string;
  from?: string;
  to?: string;
  refusedOnly?: boolean;
}

/** One page of the audit log, newest first, and how many entries match. */
export async function auditPage(db: Db, filter: AuditFilter, page: { offset: number; limit: number }) {
  let q = db.selectFrom('audit_log');
  if (filter.username) q = q.where('username', '=', filter.username);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  // The guard records each refusal as action 'refused' on entity 'access' (auth/guard.ts).
  if (filter.refusedOnly) q = q.where('entity', '=', 'access').where('action', '=', 'refused');
  // `at` is an ISO instant; its first ten characters are the UTC date.
  if (filter.from) q = q.where(sql<string>`substr(at, 1, 10)`, '>=', filter.from);
  if (filter.to) q = q.where(sql<string>`substr(at, 1, 10)`, '<=', filter.to);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}
