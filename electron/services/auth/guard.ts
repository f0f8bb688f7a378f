import { contract, type Access, type MethodName } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { DomainError, domainError } from '../errors';
import type { Handlers } from '../dispatch';
import { appendAudit } from '../audit/audit';
import { requirePermission } from './permissions';
import { requireInScope } from './scope';

/** A method's access rules, as the contract declares them beside its schema. */
export const accessOf = (method: MethodName): Access => contract[method].access;

/**
 * Whether a method may change the book. Reading ones (lists, reports, the dashboard) answer at
 * once while the start-up checks run; the derived caches they refresh are rebuilt from the book.
 */
export const changesTheBook = (method: MethodName) => accessOf(method).changesBook;

/** Nothing is written to a book the start-up checks have not passed (or found damaged). */
async function refuseOnDamagedBook(ctx: ServiceContext): Promise<void> {
  const problems = await ctx.startupCheck!;
  if (problems.length > 0) throw domainError('unavailable', 'db.damaged', { problems: problems.join('; ') });
}

/** The ids at one declared path of a request: a single id, a list of them, or none given. */
function idsAt(input: unknown, path: string): number[] {
  const value = (input as Record<string, unknown> | null)?.[path];
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

/** Checks the signed-in user against the method's declaration: its permission, then every account it names. */
async function enforce(ctx: ServiceContext, method: MethodName, input: unknown): Promise<void> {
  const access = accessOf(method);
  if (access.permission === 'open') return;
  const actor = requirePermission(ctx.actor(), access.permission);
  for (const { kind, path } of access.accounts)
    for (const id of idsAt(input, path)) await requireInScope(ctx.db, actor, kind, id);
}

/**
 * A refusal of a signed-in user leaves an audit row: who tried which method, and why it was
 * refused. It has its own transaction, since the refused call writes nothing that could carry it.
 */
async function recordRefusal(ctx: ServiceContext, method: MethodName, error: DomainError): Promise<void> {
  if (!ctx.actor()) return;
  const details = (error.details ?? {}) as Record<string, unknown>;
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx, {
      entity: 'access',
      entityId: method,
      action: 'refused',
      after: { method, ...details },
    }),
  );
}

/**
 * Wraps every handler so the service layer itself refuses what the signed-in user may not do:
 * the UI hiding a button is a courtesy, this is the rule. Each request also counts as activity
 * for the idle lock, after checking whether the session had already locked.
 */
export function guardHandlers(handlers: Handlers, ctx: ServiceContext): Handlers {
  const guarded: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as [
    MethodName,
    (input: unknown) => Promise<unknown>,
  ][]) {
    guarded[method] = async (input) => {
      // The screen polls auth.status to notice the idle lock; that poll is not the user acting.
      if (method === 'auth.status') ctx.session?.actor();
      else ctx.session?.touch();
      try {
        await enforce(ctx, method, input);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'forbidden')
          await recordRefusal(ctx, method, error);
        throw error;
      }
      if (ctx.startupCheck && changesTheBook(method)) await refuseOnDamagedBook(ctx);
      return handler(input);
    };
  }
  return guarded as Handlers;
}
