import type { MethodName } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { DomainError } from '../errors';
import type { Handlers } from '../dispatch';
import { requirePermission, type Permission } from './permissions';
import { requireLoanInScope, requireBorrowerInScope, requireItemInScope } from './scope';

/** Methods anyone may call, signed in or not: what the sign-in screen itself needs. */
const OPEN_METHODS = new Set<string>([
  'auth.status',
  'auth.createOwner',
  'auth.signIn',
  'auth.signOut',
  'system.info',
  'settings.get',
]);

/** Each method's permission where the general rule below would be wrong. */
export const METHOD_PERMISSIONS: Partial<Record<MethodName, Permission>> = {
  'payments.record': 'payments.record',
  'payments.preview': 'payments.record',
  'payments.requestBackdated': 'payments.record',
  'payments.reverse': 'payments.record',
  'settings.update': 'settings.manage',
  'collections.updateSettings': 'settings.manage',
  'users.list': 'users.manage',
  'users.create': 'users.manage',
  'users.update': 'users.manage',
  'borrowers.revealIdNumber': 'pii.reveal',
  'audit.list': 'audit.read',
  'audit.verify': 'audit.read',
  'approvals.decide': 'approvals.decide',
  'plans.propose': 'plans.propose',
  'plans.decide': 'approvals.decide',
  'reports.dashboard': 'reports.read',
  'reports.monthly': 'reports.read',
  'reports.historyProgress': 'reports.read',
  'reports.export': 'reports.read',
  'export.book': 'reports.read',
  'system.check': 'backups.manage',
  'collections.outcomes': 'book.read',
  'collections.addOutcome': 'settings.manage',
  'collections.updateOutcome': 'settings.manage',
  'collections.deleteOutcome': 'settings.manage',
  'collections.collectors': 'book.read',
  'backups.overview': 'backups.manage',
  'backups.updateSettings': 'backups.manage',
  'backups.chooseFolder': 'backups.manage',
  'backups.run': 'backups.manage',
  'backups.progress': 'backups.manage',
  'backups.preview': 'backups.manage',
  'backups.restore': 'backups.manage',
};

/** Verbs that only read; every other method changes the book and needs `book.write`. */
const READ_VERB =
  /^(list|get|preview|previewSchedule|scheduleVersion|global|account|worklist|nextAccount|timeline|alerts|alertSummary|forLoan|forBorrower|receipt|reminders|promiseStats|settings|dossier|savedMapping|template|savePdf)$/;

/** Open methods that only read: the sign-in screen must not wait for the start-up checks. */
const OPEN_READS = new Set(['auth.status', 'system.info', 'settings.get']);
const READ_PERMISSIONS = new Set<Permission>(['book.read', 'reports.read', 'audit.read']);

/**
 * Whether a method may change the book. Reading ones (lists, reports, the dashboard) answer at
 * once while the start-up checks run; the derived caches they refresh are rebuilt from the book.
 */
export const changesTheBook = (method: string) =>
  OPEN_METHODS.has(method) ? !OPEN_READS.has(method) : !READ_PERMISSIONS.has(permissionFor(method));

/** Nothing is written to a book the start-up checks have not passed (or found damaged). */
async function refuseOnDamagedBook(ctx: ServiceContext): Promise<void> {
  const problems = await ctx.startupCheck!;
  if (problems.length > 0)
    throw new DomainError(
      'unavailable',
      `The database is damaged (${problems.join('; ')}); nothing was saved. Restore the latest backup.`,
    );
}

export function permissionFor(method: string): Permission {
  const explicit = METHOD_PERMISSIONS[method as MethodName];
  if (explicit) return explicit;
  if (method.startsWith('collections.'))
    return READ_VERB.test(method.split('.')[1]!) ? 'book.read' : 'collections.work';
  return READ_VERB.test(method.split('.')[1] ?? '') ? 'book.read' : 'book.write';
}

/** Methods that name one loan or one borrower: a collector may only reach their own accounts. */
const LOAN_KEYS: Partial<Record<MethodName, string>> = {
  'loans.get': 'id',
  'loans.scheduleVersion': 'loanId',
  'payments.preview': 'loanId',
  'payments.record': 'loanId',
  'payments.requestBackdated': 'loanId',
  'collections.account': 'loanId',
  'collateral.forLoan': 'loanId',
  'plans.preview': 'loanId',
  'plans.propose': 'loanId',
};
const BORROWER_KEYS: Partial<Record<MethodName, string>> = {
  'borrowers.get': 'id',
  'borrowers.revealIdNumber': 'id',
  'collateral.forBorrower': 'borrowerId',
};
const ITEM_KEYS: Partial<Record<MethodName, string>> = {
  'collateral.get': 'id',
};

/**
 * Wraps every handler so the service layer itself refuses what the signed-in user may not do:
 * the UI hiding a button is a courtesy, this is the rule. Each request also counts as activity
 * for the idle lock, after checking whether the session had already locked.
 */
export function guardHandlers(handlers: Handlers, ctx: ServiceContext): Handlers {
  const guarded: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as [
    string,
    (input: unknown) => Promise<unknown>,
  ][]) {
    guarded[method] = async (input) => {
      // The screen polls auth.status to notice the idle lock; that poll is not the user acting.
      if (method === 'auth.status') ctx.session?.actor();
      else ctx.session?.touch();
      if (!OPEN_METHODS.has(method)) {
        const actor = requirePermission(ctx.actor(), permissionFor(method));
        const loanKey = LOAN_KEYS[method as MethodName];
        const borrowerKey = BORROWER_KEYS[method as MethodName];
        const fields = input as Record<string, unknown>;
        if (loanKey && typeof fields[loanKey] === 'number')
          await requireLoanInScope(ctx.db, actor, fields[loanKey]);
        if (borrowerKey && typeof fields[borrowerKey] === 'number')
          await requireBorrowerInScope(ctx.db, actor, fields[borrowerKey]);
        const itemKey = ITEM_KEYS[method as MethodName];
        if (itemKey && typeof fields[itemKey] === 'number')
          await requireItemInScope(ctx.db, actor, fields[itemKey]);
      }
      if (ctx.startupCheck && changesTheBook(method)) await refuseOnDamagedBook(ctx);
      return handler(input);
    };
  }
  return guarded as Handlers;
}
