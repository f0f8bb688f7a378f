import type { Actor } from '../auth/actor';
import type { DomainError } from '../errors';

/**
 * Maker-checker for plans and write-offs: the person who asked may never decide, and a decision
 * is stamped the same way on either record.
 */
export function refuseOwnRequest(requestedBy: number, actor: Actor, refusal: DomainError): void {
  if (requestedBy === actor.userId) throw refusal;
}

export function decisionStamp(actor: Actor, now: string, note: string) {
  return {
    decided_by: actor.userId,
    decided_by_name: actor.displayName,
    decided_at: now,
    decision_note: note,
  };
}
