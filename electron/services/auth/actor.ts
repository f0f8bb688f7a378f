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

export interface SessionOptions {
  /** After this long without a request the session locks: the next request finds nobody signed in. */
  idleLockMs?: number;
  /** Milliseconds now; injected so tests can move time without waiting. */
  now?: () => number;
}

/** Holds the signed-in user for one running app (one window, one person at a time). */
export class Session {
  private current: Actor | null;
  private lastActive: number;
  private readonly idleLockMs: number;
  private readonly now: () => number;

  constructor(initial: Actor | null = null, options: SessionOptions = {}) {
    this.current = initial;
    this.idleLockMs = options.idleLockMs ?? Infinity;
    this.now = options.now ?? Date.now;
    this.lastActive = this.now();
  }

  actor(): Actor | null {
    if (this.current && this.now() - this.lastActive > this.idleLockMs) this.current = null;
    return this.current;
  }

  /** A request arrived: locks first if the session had already gone idle, then counts as activity. */
  touch(): void {
    this.actor();
    this.lastActive = this.now();
  }

  signIn(actor: Actor): void {
    this.current = actor;
    this.lastActive = this.now();
  }

  signOut(): void {
    this.current = null;
  }
}
