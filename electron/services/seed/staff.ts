/**
 * The office a seeded book comes with: one user in every role, so each screen (a collector's own
 * worklist, a manager's approvals inbox, the owner's settings, a viewer's read-only book) can be
 * opened signed in as someone. They all share one demo password, printed by `cli seed`.
 */
import type { Actor, Role } from '../auth/actor';

/** The password of every seeded user. A demo book holds made-up people only. */
export const DEMO_PASSWORD = 'pledgebook-demo';

export interface StaffMember {
  username: string;
  displayName: string;
  role: Role;
}

export const STAFF: readonly StaffMember[] = [
  { username: 'owner', displayName: '王建国', role: 'owner' },
  { username: 'manager', displayName: '李秀英', role: 'manager' },
  { username: 'collector.zhang', displayName: '张伟', role: 'collector' },
  { username: 'collector.liu', displayName: '刘洋', role: 'collector' },
  { username: 'collector.chen', displayName: '陈静', role: 'collector' },
  { username: 'viewer', displayName: '周敏', role: 'viewer' },
];

/** The seeded users as the services see them once signed in. */
export interface Staff {
  owner: Actor;
  manager: Actor;
  collectors: readonly Actor[];
  viewer: Actor;
}

export function staffOf(actors: readonly Actor[]): Staff {
  const named = (username: string) => actors.find((a) => a.username === username)!;
  return {
    owner: named('owner'),
    manager: named('manager'),
    collectors: actors.filter((a) => a.role === 'collector'),
    viewer: named('viewer'),
  };
}
