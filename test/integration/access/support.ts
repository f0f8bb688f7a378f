import { openApp, type PledgebookApp } from '../../../electron/services/app';
import { Session } from '../../../electron/services/auth/actor';
import type { ScryptCost } from '../../../electron/services/auth/password';
import type { Clock } from '../../../electron/services/clock';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../../shared/contract';
import { bookDigests, newTestBook } from '../../support/test-app';

/** Far below production cost so a test can create several users quickly; never used outside tests. */
export const TEST_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** A clock the test can move forward, for lockouts. */
export function movableClock(start: string): Clock & { advanceMinutes(m: number): void } {
  let at = Date.parse(start);
  return {
    today: () => new Date(at).toISOString().slice(0, 10),
    now: () => new Date(at).toISOString(),
    advanceMinutes: (m) => {
      at += m * 60_000;
    },
  };
}

export interface AccessApp extends PledgebookApp {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  attempt(method: MethodName, input: unknown): Promise<Result<unknown>>;
  /** Signs in as `username` (password `${username}-password!`), creating the user first if needed. */
  as(username: string, role?: 'owner' | 'manager' | 'collector' | 'viewer'): Promise<void>;
  dispose(): Promise<void>;
}

/** An app that starts with nobody signed in, as the desktop app does once users exist. */
export async function openAccessApp(
  clock: Clock,
  idle?: { idleLockMs: number; now: () => number },
): Promise<AccessApp> {
  const book = await newTestBook();
  const app = await openApp({
    databasePath: book.location,
    clock,
    session: new Session(null, idle ?? {}),
    passwordCost: TEST_SCRYPT,
  });
  const call: AccessApp['call'] = async (method, input) => {
    const result = await app.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.code}: ${result.error.message}`);
    return result.value as never;
  };
  const known = new Set<string>();
  return {
    ...app,
    call,
    attempt: (method, input) => app.dispatch(method, input),
    async as(username, role = 'manager') {
      const password = `${username}-password!`;
      if (!known.has(username)) {
        known.add(username);
        const status = await call('auth.status', {});
        if (!status.hasUsers) {
          await call('auth.createOwner', { username, displayName: username, password });
          return;
        }
        const current = app.session.actor();
        app.session.signIn({ userId: 0, username: 'system', displayName: 'System', role: 'owner' });
        await call('users.create', { username, displayName: username, role, password });
        if (current) app.session.signIn(current);
      }
      await call('auth.signIn', { username, password });
    },
    async dispose() {
      await app.close();
      await book.remove();
    },
  };
}

/** Every table but the audit trail: a refused request changes none of them. */
export async function bookChecksums(app: PledgebookApp): Promise<Record<string, string>> {
  const { audit_log: _log, audit_head: _head, ...book } = await bookDigests(app.ctx.db);
  return book;
}

/** The refusals the audit trail recorded, oldest first: who tried which method and why. */
export async function refusals(
  app: PledgebookApp,
): Promise<{ username: string; method: string; reason: unknown }[]> {
  const rows = await app.ctx.db
    .selectFrom('audit_log')
    .select(['username', 'entity_id', 'after_json'])
    .where('entity', '=', 'access')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    username: r.username,
    method: r.entity_id,
    reason: (JSON.parse(r.after_json ?? '{}') as { reason?: unknown }).reason,
  }));
}
