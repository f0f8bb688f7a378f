import { DomainError } from '../errors';
import type { Actor, Role } from './actor';

/** What each role may do. Checked in services; the UI only hides what would be refused anyway. */
export const PERMISSIONS = [
  'book.read',
  'book.write',
  'payments.record',
  'collections.work',
  'plans.propose',
  'approvals.decide',
  'settings.manage',
  'users.manage',
  'pii.reveal',
  'reports.read',
  'backups.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

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
  if (!actor) throw new DomainError('unauthorized', 'Sign in first.');
  if (!can(actor, permission)) {
    throw new DomainError(
      'forbidden',
      `${actor.displayName} (${actor.role}) may not do this: it needs the "${permission}" permission.`,
    );
  }
  return actor;
}
