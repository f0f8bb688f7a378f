import type { SignedInUser } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { domainError, notFound, ruleViolation, invalidField } from '../errors';
import { appendAudit } from '../audit/audit';
import type { Actor } from './actor';
import { hashPassword, verifyPassword, PRODUCTION_SCRYPT } from './password';
import { ROLE_PERMISSIONS } from './permissions';
import {
  activeOwnerCount,
  borrowerIdNumber,
  findUser,
  hasAnyUser,
  insertUser,
  isUsernameTaken,
  updateUser,
  userCount,
  userNamed,
  usersByName,
} from './users.repository';

type AuthHandlers = Pick<
  Handlers,
  | 'auth.status'
  | 'auth.createOwner'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'borrowers.revealIdNumber'
>;

/** Five wrong passwords in a row lock the account for fifteen minutes. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCK_MINUTES = 15;

export const toSignedIn = (a: Actor): SignedInUser => ({
  userId: a.userId,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  permissions: [...ROLE_PERMISSIONS[a.role]],
});

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export function authHandlers(ctx: ServiceContext): AuthHandlers {
  const { db, clock } = ctx;
  const cost = ctx.passwordCost ?? PRODUCTION_SCRYPT;
  const session = () => {
    if (!ctx.session) throw domainError('unavailable', 'auth.signInUnavailable');
    return ctx.session;
  };
  const actorOf = (u: {
    id: number;
    username: string;
    display_name: string;
    role: Actor['role'];
  }): Actor => ({
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
  });

  return {
    'auth.status': async () => {
      const actor = ctx.actor();
      return { hasUsers: (await userCount(db)) > 0, user: actor ? toSignedIn(actor) : null };
    },

    'auth.createOwner': async ({ username, displayName, password }) => {
      const passwordHash = await hashPassword(password, cost);
      const owner = await db.transaction().execute(async (trx) => {
        // Checked inside the transaction: two first-run screens cannot both create an owner.
        if (await hasAnyUser(trx)) throw ruleViolation('auth.ownerExists');
        const now = clock.now();
        const row = await insertUser(trx, {
          username,
          display_name: displayName,
          role: 'owner',
          password_hash: passwordHash,
          locked_until: null,
          created_at: now,
          updated_at: now,
        });
        const actor = actorOf(row);
        await appendAudit(
          trx,
          { clock, actor: () => actor },
          {
            entity: 'user',
            entityId: actor.userId,
            action: 'create-owner',
            after: { username, displayName, role: 'owner' },
          },
        );
        return actor;
      });
      session().signIn(owner);
      return toSignedIn(owner);
    },

    'auth.signIn': async ({ username, password }) => {
      const user = await userNamed(db, username);
      if (!user || user.active !== 1) {
        // Same work as a real check, so timing does not tell which usernames exist.
        await hashPassword(password, cost);
        throw domainError('unauthorized', 'auth.wrongPassword');
      }
      const now = clock.now();
      if (user.locked_until && user.locked_until > now) {
        throw domainError('unauthorized', 'auth.locked', {
          username: user.username,
          until: user.locked_until.slice(11, 16),
        });
      }
      if (!(await verifyPassword(password, user.password_hash))) {
        const failed = user.failed_attempts + 1;
        const locks = failed >= MAX_FAILED_SIGN_INS;
        await db.transaction().execute(async (trx) => {
          await updateUser(
            trx,
            user.id,
            locks
              ? { failed_attempts: 0, locked_until: addMinutes(now, SIGN_IN_LOCK_MINUTES) }
              : { failed_attempts: failed },
          );
          if (locks) {
            await appendAudit(
              trx,
              { clock, actor: () => actorOf(user) },
              {
                entity: 'user',
                entityId: user.id,
                action: 'lock-after-failed-sign-ins',
                after: { failedAttempts: failed, lockedMinutes: SIGN_IN_LOCK_MINUTES },
              },
            );
          }
        });
        throw locks
          ? domainError('unauthorized', 'auth.wrongPasswordLocked', { minutes: SIGN_IN_LOCK_MINUTES })
          : domainError('unauthorized', 'auth.wrongPassword');
      }
      const actor = actorOf(user);
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, { failed_attempts: 0, locked_until: null });
        await appendAudit(
          trx,
          { clock, actor: () => actor },
          { entity: 'user', entityId: user.id, action: 'sign-in' },
        );
      });
      session().signIn(actor);
      return toSignedIn(actor);
    },

    'auth.signOut': async () => {
      session().signOut();
      return { signedOut: true as const };
    },

    'users.list': async () => {
      const rows = await usersByName(db);
      return rows.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        active: u.active === 1,
        lockedUntil: u.locked_until,
      }));
    },

    'users.create': async ({ username, displayName, role, password }) => {
      const passwordHash = await hashPassword(password, cost);
      return db.transaction().execute(async (trx) => {
        if (await isUsernameTaken(trx, username))
          throw invalidField('username', 'user.nameTaken', { username });
        const now = clock.now();
        const { id } = await insertUser(trx, {
          username,
          display_name: displayName,
          role,
          password_hash: passwordHash,
          locked_until: null,
          created_at: now,
          updated_at: now,
        });
        await appendAudit(trx, ctx, {
          entity: 'user',
          entityId: id,
          action: 'create',
          after: { username, displayName, role },
        });
        return { id };
      });
    },

    'users.update': async ({ id, displayName, role, active, password }) => {
      const passwordHash = password === undefined ? undefined : await hashPassword(password, cost);
      return db.transaction().execute(async (trx) => {
        const before = await findUser(trx, id);
        if (!before) throw notFound('user.notFound', id);
        const demotesOwner = before.role === 'owner' && ((role && role !== 'owner') || active === false);
        if (demotesOwner) {
          if ((await activeOwnerCount(trx)) <= 1) throw ruleViolation('auth.lastOwner');
        }
        const changes = {
          ...(displayName !== undefined ? { display_name: displayName } : {}),
          ...(role !== undefined ? { role } : {}),
          ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
          ...(passwordHash !== undefined
            ? { password_hash: passwordHash, failed_attempts: 0, locked_until: null }
            : {}),
        };
        const after = await updateUser(trx, id, { ...changes, updated_at: clock.now() });
        await appendAudit(trx, ctx, { entity: 'user', entityId: id, action: 'update', before, after });
        return { id };
      });
    },

    'borrowers.revealIdNumber': async ({ id }) =>
      db.transaction().execute(async (trx) => {
        const row = await borrowerIdNumber(trx, id);
        if (!row) throw notFound('borrower.notFound', id);
        // Who looked, and when, is itself the record: the number is not repeated into the log.
        await appendAudit(trx, ctx, { entity: 'borrower', entityId: id, action: 'reveal-id-number' });
        return { idNumber: row.id_number };
      }),
  };
}
