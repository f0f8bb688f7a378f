import { DomainError, domainError } from '../errors';
import { PERMISSIONS, type Permission } from '../../../shared/contract';
import type { Actor, Role } from './actor';

/** The permissions are declared in the contract, beside the methods that need them. */
export { PERMISSIONS, type Permission };

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  manager: [
    'book.read',
    'book.write',
    'payments.record',
    'collections.work',
    'plans.propose',
    'approvals.decide',
    'reports.read',
    'backups.manage',
    'audit.read',
  ],
  collector: ['book.read', 'payments.record', 'collections.work', 'plans.propose'],
  viewer: ['book.read', 'reports.read'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

export function requirePermission(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw domainError('unauthorized', 'auth.signInFirst');
  if (!can(actor, permission)) {
    throw new DomainError(
      'forbidden',
      'auth.forbidden',
      { name: actor.displayName, role: actor.role, permission },
      { reason: 'permission', permission },
    );
  }
  return actor;
}
