import type { z } from 'zod';

/**
 * What a role may do. Declared here, beside the methods that need them, so the contract says
 * who may call each method; the services check it (`electron/services/auth/guard.ts`).
 */
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

/**
 * The records a request can name that belong to one account (a loan, or a borrower with loans).
 * A collector reaches a record only when its account is assigned to them.
 */
export const ACCOUNT_KINDS = [
  'loan',
  'borrower',
  'collateral-item',
  'valuation',
  'attachment-link',
  'repossession',
  'contact',
  'visit',
  'promise',
  'plan',
  'write-off',
  'grade-override',
  'legal-case',
  'payment',
  'approval-request',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** One id in the request that names an account's record: the field holds an id or a list of ids. */
export interface AccountRef<Path extends string = string> {
  kind: AccountKind;
  path: Path;
}

/**
 * Who may call a method, whether it changes the book, and which fields of its input name an
 * account. The guard is a loop over these declarations; nothing is guessed from a method's name.
 */
export interface Access<Path extends string = string> {
  /** `open`: anyone, signed in or not; only what the sign-in screen itself needs. */
  permission: Permission | 'open';
  /** Changing methods wait for the start-up checks and are refused on a damaged book. */
  changesBook: boolean;
  accounts: readonly AccountRef<Path>[];
}

/**
 * A contract method: the schema main validates the request with, its access rules, and the
 * result type the renderer receives. The result type only exists at compile time; it is carried
 * by a phantom field so the whole contract stays one plain object.
 */
export interface MethodSpec<In extends z.ZodType, Out> {
  input: In;
  access: Access;
  /** Phantom: never read at run time. */
  readonly output?: Out;
}

/** The top-level fields of a request: an account path must be one of them, checked by the compiler. */
type FieldOf<In extends z.ZodType> = Extract<keyof z.output<In>, string>;

/** Declares a method; its access rules are required, so a method without them does not compile. */
export const method =
  <Out>() =>
  <In extends z.ZodType>(input: In, access: Access<FieldOf<In>>): MethodSpec<In, Out> => ({
    input,
    access,
  });

/** The field at `path` names a record of this kind. */
export const names = <P extends string>(kind: AccountKind, path: P): AccountRef<P> => ({ kind, path });

/** A method that only reads, with the permission it needs and the accounts its input names. */
export const reads = <P extends string>(permission: Permission, ...accounts: AccountRef<P>[]): Access<P> => ({
  permission,
  changesBook: false,
  accounts,
});

/** A method that changes the book. */
export const changes = <P extends string>(
  permission: Permission,
  ...accounts: AccountRef<P>[]
): Access<P> => ({ permission, changesBook: true, accounts });

/** A method anyone may call, signed in or not. */
export const open = (changesBook: boolean): Access<never> => ({
  permission: 'open',
  changesBook,
  accounts: [],
});
