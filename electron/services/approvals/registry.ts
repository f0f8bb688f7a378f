import type { z } from 'zod';
import type { ApprovalRow } from '../../../shared/contract';
import type { Db } from '../../db/db';
import type { Actor } from '../auth/actor';
import type { ServiceContext } from '../context';
import type { ApprovalKind } from './tables';

/**
 * What approvals know of the features whose requests they decide: only what those features
 * register here. Approvals claim a request, check it still fits its loan, and run the action
 * its feature registered for its kind; they name no feature themselves, so a new kind of
 * request never means a change to approvals.
 */

/**
 * What a kind of request does once approved, run in the approver's transaction, and the schema
 * its payload is checked against again at that moment: the contract method's own, since the
 * payload is that method's request. Kinds without an action (plans keep their own approval
 * flow, a write-off is carried out by its own screen) are recorded as decided only.
 */
export interface ApprovalAction<S extends z.ZodType = z.ZodType> {
  schema: S;
  run(trx: Db, ctx: ServiceContext, payload: z.output<S>): Promise<unknown>;
}

/** Requests kept elsewhere that wait in the same inbox (plans), listed by their feature. */
export type ApprovalInbox = (
  db: Db,
  status: ApprovalRow['status'] | undefined,
  actor: Actor | null,
) => Promise<ApprovalRow[]>;

const actions = new Map<ApprovalKind, ApprovalAction>();
const inboxes: ApprovalInbox[] = [];

export const approvalAction = <S extends z.ZodType>(
  schema: S,
  run: ApprovalAction<S>['run'],
): ApprovalAction => ({ schema, run }) as ApprovalAction;

/** A feature says what its approved requests of `kind` do (at module load: one action per kind). */
export function registerApprovalAction(kind: ApprovalKind, action: ApprovalAction): void {
  actions.set(kind, action);
}

export function registerApprovalInbox(inbox: ApprovalInbox): void {
  if (!inboxes.includes(inbox)) inboxes.push(inbox);
}

export const actionFor = (kind: ApprovalKind): ApprovalAction | undefined => actions.get(kind);

export const registeredInboxes = (): readonly ApprovalInbox[] => inboxes;
