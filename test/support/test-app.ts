import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type PledgebookApp } from '../../electron/services/app';
import { fixedClock, type Clock } from '../../electron/services/clock';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../shared/contract';
import type { Engine } from '../../electron/db/engine';
import { adminQuery } from './postgres-cluster';
import { CompiledQuery } from 'kysely';
import type { Db } from '../../electron/db/db';
import { engineOf } from '../../electron/db/engine';
import { BOOK_TABLES } from '../../electron/services/office/book-tables';
import { tableDigestOf } from '../../electron/services/office/book-rows';

export interface TestApp extends PledgebookApp {
  /** Calls a method through the real dispatcher and throws on `{ok: false}`. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls and returns the raw result, for asserting refusals. */
  attempt(method: MethodName, input: unknown): Promise<Result<unknown>>;
  dispose(): Promise<void>;
}

/** `call` (throws when refused) and `attempt` (returns the result) over an app's dispatcher. */
export function callersOf(app: PledgebookApp): Pick<TestApp, 'call' | 'attempt'> {
  return {
    async call(method, input) {
      const result = await app.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    attempt: (method, input) => app.dispatch(method, input),
  };
}

/** A fresh database file and a fixed "today" per test: nothing leaks between tests. */
/** `time` is the UTC time of day `clock.now()` reports (default 09:00:00). */
export async function openTestApp(today = '2026-06-15', time?: string): Promise<TestApp> {
  return openTestAppWithClock(fixedClock(today, time));
}

/** As `openTestApp`, with a clock the test moves itself (plans kept or broken over months). */
export async function openTestAppWithClock(clock: Clock): Promise<TestApp> {
  const book = await newTestBook();
  const app = await openApp({
    databasePath: book.location,
    clock,
    // PLEDGEBOOK_TEST_SHOW_INTERNAL=1 prints what an `internal` refusal hides from the user.
    ...(process.env.PLEDGEBOOK_TEST_SHOW_INTERNAL
      ? { onInternalError: (e: unknown) => console.error('[internal]', e) }
      : {}),
  });
  return {
    ...app,
    ...callersOf(app),
    async dispose() {
      await app.close();
      await book.remove();
    },
  };
}

/** The engine this run's integration tests use (vitest.config.mts sets it per project). */
export const TEST_ENGINE: Engine = process.env.PLEDGEBOOK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * Where a test's fresh book lives: a file in its own folder, or — in the PostgreSQL project — a
 * new database copied from the run's migrated template (test/integration/postgres-setup.ts).
 */
export async function newTestBook(
  engine: Engine = TEST_ENGINE,
): Promise<{ location: string; remove(): Promise<void> }> {
  if (engine === 'postgres') {
    // Imported here: the soak scripts use this module outside vitest, on SQLite.
    const { inject } = await import('vitest');
    const admin = inject('postgresAdminUrl');
    const name = `book_${process.pid}_${++booksMade}_${Date.now().toString(36)}`;
    await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE pledgebook_template`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      location: url.toString(),
      remove: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-test-'));
  return {
    location: join(dir, 'book.db'),
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
let booksMade = 0;

export const WANG_FANG = {
  kind: 'person',
  name: '王芳',
  idType: 'resident-id',
  idNumber: '110101199003071234',
  phone: '13800138000',
  altPhone: '',
  address: '北京市东城区',
  employer: '',
  notes: '',
} as const;

/**
 * Every table's checksum, computed the same way on both engines (office/book-rows.ts): two books
 * with equal digests hold the same rows. For "a refused request wrote nothing".
 */
export async function bookDigests(db: Db): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const t of BOOK_TABLES) sums[t.table] = (await tableDigestOf(db, t)).sha256;
  return sums;
}

/**
 * Plain SQL on a test's book with `?` placeholders, on either engine: for tests that look at or
 * tamper with rows directly (what the services would never do).
 */
export function rawSql(db: Db) {
  const rows = async (text: string, params: unknown[]) => {
    let n = 0;
    const numbered = engineOf(db) === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
    return (await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(numbered, params))).rows;
  };
  return {
    all: <T = Record<string, unknown>>(text: string, ...params: unknown[]) =>
      rows(text, params) as Promise<T[]>,
    get: async <T = Record<string, unknown>>(text: string, ...params: unknown[]) =>
      (await rows(text, params))[0] as T | undefined,
    /** The first column of the first row. */
    value: async <T = unknown>(text: string, ...params: unknown[]) => {
      const first = (await rows(text, params))[0];
      return (first ? Object.values(first)[0] : undefined) as T;
    },
    run: async (text: string, ...params: unknown[]) => void (await rows(text, params)),
  };
}
