import { sql, type RawBuilder } from 'kysely';
import type { Engine } from './engine';

/**
 * The few SQL spellings that differ between the engines, each in one place. Everything else the
 * services write is SQL both engines read the same way.
 */

/** A subquery of the ids in `ids`, for `x IN (…)`: one bound parameter however many ids. */
export function idsIn(engine: Engine, ids: readonly number[]): RawBuilder<number> {
  return engine === 'postgres'
    ? sql<number>`(SELECT unnest(CAST(${[...ids]} AS bigint[])))`
    : sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** The smaller of two values (SQLite's two-argument min(), PostgreSQL's least()). */
export function smaller<T>(engine: Engine, a: RawBuilder<T>, b: RawBuilder<T>): RawBuilder<T> {
  return engine === 'postgres' ? sql<T>`least(${a}, ${b})` : sql<T>`min(${a}, ${b})`;
}

/** `text` followed by `id` zero-padded to 12 digits: a key that sorts by text, then id. */
export function textThenId(
  engine: Engine,
  text: RawBuilder<string>,
  id: RawBuilder<number>,
): RawBuilder<string> {
  return engine === 'postgres'
    ? sql<string>`(${text} || lpad(CAST(${id} AS text), 12, '0'))`
    : sql<string>`(${text} || printf('%012d', ${id}))`;
}

/**
 * A column the planner should not pick an index for. SQLite's idiom is a unary plus; PostgreSQL
 * has none for text and needs no such hint (its planner weighs the index by statistics).
 */
export function withoutIndex(engine: Engine, column: string): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`${sql.ref(column)}` : sql<string>`+${sql.ref(column)}`;
}

/** A LIMIT meaning "all rows", where an OFFSET needs one: SQLite's -1, PostgreSQL's NULL. */
export function noLimit(engine: Engine): number | null {
  return engine === 'postgres' ? null : -1;
}

/**
 * Whole days from the ISO date in `column` to `today`. PostgreSQL subtracts dates natively: its
 * migration 0001 also defines `julianday()`, but numeric arithmetic through it costs ten times as
 * much per row, and the worklist and aging evaluate this for every overdue account.
 */
export function daysFrom(engine: Engine, column: RawBuilder<string>, today: string): RawBuilder<number> {
  return engine === 'postgres'
    ? sql<number>`(CAST(${today} AS date) - CAST(${column} AS date))`
    : sql<number>`CAST(julianday(${today}) - julianday(${column}) AS INTEGER)`;
}
