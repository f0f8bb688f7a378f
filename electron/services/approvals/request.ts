import type { Db } from '../../db/db';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit';
import { domainError } from '../errors';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor';
import type { ApprovalKind } from './tables';
import type { LoanChangeSinceRequest } from '../../../shared/contract';

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
  if (!actor) throw domainError('unauthorized', 'auth.signInFirst');
  const loanId = await loanOfEntity(db, request.entity, request.entityId);
  const loanAsRequested = loanId === null ? undefined : await loanStateOf(db, loanId);
  const { id } = await db
    .insertInto('approval_requests')
    .values({
      kind: request.kind,
      entity: request.entity,
      entity_id: String(request.entityId),
      payload: JSON.stringify({ ...request.payload, loanAsRequested }),
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

/**
 * What about a loan an approval depends on: the checker approves what the maker saw. A payment
 * posted, a status change or a new schedule since the request makes it stale.
 */
export interface LoanState {
  status: string;
  lastPaymentId: number;
  scheduleVersion: number;
}

/** The loan a request is about: named directly, or through one of its payments. */
export async function loanOfEntity(
  db: Db,
  entity: string,
  entityId: number | string,
): Promise<number | null> {
  if (entity === 'loan') return Number(entityId);
  if (entity !== 'payment') return null;
  const payment = await db
    .selectFrom('payments')
    .select('loan_id')
    .where('id', '=', Number(entityId))
    .executeTakeFirst();
  return payment?.loan_id ?? null;
}

export async function loanStateOf(db: Db, loanId: number): Promise<LoanState | undefined> {
  const row = await db
    .selectFrom('loans as l')
    .select((eb) => [
      'l.status',
      eb
        .selectFrom('payments as p')
        .select((p) => p.fn.coalesce(p.fn.max('p.id'), p.lit(0)).as('n'))
        .whereRef('p.loan_id', '=', 'l.id')
        .as('last_payment_id'),
      eb
        .selectFrom('schedule_versions as v')
        .select((v) => v.fn.coalesce(v.fn.max('v.version'), v.lit(0)).as('n'))
        .whereRef('v.loan_id', '=', 'l.id')
        .as('schedule_version'),
    ])
    .where('l.id', '=', loanId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    status: row.status,
    lastPaymentId: Number(row.last_payment_id ?? 0),
    scheduleVersion: Number(row.schedule_version ?? 0),
  };
}

/** How the loan moved on since `asRequested`; empty when it has not. */
export function loanChanges(
  asRequested: LoanState | undefined,
  now: LoanState | undefined,
): LoanChangeSinceRequest[] {
  if (!asRequested || !now) return [{ change: 'unrecorded' }];
  const changes: LoanChangeSinceRequest[] = [];
  if (now.status !== asRequested.status)
    changes.push({ change: 'status', from: asRequested.status, to: now.status });
  if (now.lastPaymentId !== asRequested.lastPaymentId) changes.push({ change: 'payment' });
  if (now.scheduleVersion !== asRequested.scheduleVersion) changes.push({ change: 'schedule' });
  return changes;
}

/** A change in English, for the log, the request's note and the CLI. */
export function loanChangeEn(c: LoanChangeSinceRequest): string {
  if (c.change === 'status') return `its status went from ${c.from} to ${c.to}`;
  if (c.change === 'payment') return 'a payment was posted or reversed';
  if (c.change === 'schedule') return 'its schedule changed';
  return 'the request does not record the loan as it was';
}
