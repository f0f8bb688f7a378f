/**
 * Who is acting. Every service asks `ctx.actor()` rather than trusting anything the screen says,
 * so permissions and maker-checker rules hold in the service layer itself.
 */
export const ROLES = ['owner', 'manager', 'collector', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
}

/** The actor for work that no person started: the CLI, migrations, seeding, scheduled backups. */
export const SYSTEM_ACTOR: Actor = { userId: 0, username: 'system', displayName: 'System', role: 'owner' };

/** Holds the signed-in user for one running app (one window, one person at a time). */
export class Session {
  private current: Actor | null;

  constructor(initial: Actor | null = null) {
    this.current = initial;
  }

  actor(): Actor | null {
    return this.current;
  }

  signIn(actor: Actor): void {
    this.current = actor;
  }

  signOut(): void {
    this.current = null;
  }
}
