import type { Db } from '../../db/db';

export async function readSettingsRows(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

/** Next value of a named counter, e.g. loan numbers; call inside the transaction that uses it. */
export async function nextCounter(db: Db, name: string): Promise<number> {
  return reserveCounter(db, name, 1);
}

/** Takes `count` consecutive values at once (a bulk import numbering its rows); returns the first. */
export async function reserveCounter(db: Db, name: string, count: number): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', count) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value - count + 1;
}
