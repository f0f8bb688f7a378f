import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit';
import { DomainError } from '../errors';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor';
import type { ApprovalKind } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Maker-checker applies to people. The system actor (CLI, scheduled jobs, tests) acts for no one,
 * so there is no second person to ask; every request a person makes goes through approval.
 */
export const needsSecondPerson = (actor: Actor | null): actor is Actor =>
  actor !== null && actor.userId !== SYSTEM_ACTOR.userId;

export interface ApprovalRequest {
  kind: ApprovalKind;
  entity: string;
  entityId: number | string;
  /** Exactly what will be done once a second user approves; validated again at that moment. */
  payload: Record<string, unknown>;
  reason: string;
}

/** Files a request for a second user's approval, inside the caller's transaction. */
export async function requestApproval(
  db: Db,
  ctx: Pick<ServiceContext, 'clock' | 'actor'>,
  request: ApprovalRequest,
): Promise<number> {
  const actor = ctx.actor();
  if (!actor) throw new DomainError('unauthorized', 'Sign in first.');
  const { id } = await db
    .insertInto('approval_requests')
    .values({
      kind: request.kind,
      entity: request.entity,
      entity_id: String(request.entityId),
      payload: JSON.stringify(request.payload),
      reason: request.reason,
      requested_by: actor.userId,
      requested_at: ctx.clock.now(),
      decided_by: null,
      decided_at: null,
      result: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(db, ctx, {
    entity: 'approval',
    entityId: id,
    action: 'request',
    after: { kind: request.kind, entity: request.entity, entityId: request.entityId, ...request.payload },
  });
  return id;
}
