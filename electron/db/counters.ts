import { sql, type RawBuilder } from 'kysely';
import type { Db } from './db';

/**
 * The next value of counter `name`, by one atomic upsert: on a server book two PCs asking at once
 * get different values (the second waits on the first's row). A counter that does not exist yet
 * starts one past `startAfter`, what the book already holds (a scalar subquery).
 */
export async function nextCounterValue(
  db: Db,
  name: string,
  startAfter: RawBuilder<number>,
): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, value: sql<number>`(${startAfter}) + 1` })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
