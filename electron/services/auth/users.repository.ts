import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/db';
import type { UsersTable } from './tables';

/** The people who sign in to the book, with their roles and sign-in state. */

export async function userCount(db: Db): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export function userNamed(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUser(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function usersByName(db: Db) {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').executeTakeFirst()) !== undefined;
}

export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined
  );
}

export async function activeOwnerCount(db: Db): Promise<number> {
  return (
    await db.selectFrom('users').select('id').where('role', '=', 'owner').where('active', '=', 1).execute()
  ).length;
}

export function insertUser(db: Db, row: Insertable<UsersTable>) {
  return db
    .insertInto('users')
    .values(row)
    .returning(['id', 'username', 'display_name', 'role'])
    .executeTakeFirstOrThrow();
}

/** Changes a user's row and answers it as it now stands. */
export function updateUser(db: Db, id: number, changes: Updateable<UsersTable>) {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The borrower's full ID number, for the one place allowed to show it. */
export function borrowerIdNumber(db: Db, borrowerId: number) {
  return db.selectFrom('borrowers').select('id_number').where('id', '=', borrowerId).executeTakeFirst();
}
