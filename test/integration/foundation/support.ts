import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { fixedClock } from '../../../electron/services/clock';

/** The day every foundation test lives on. */
export const TODAY = '2025-03-14';
export const clock = fixedClock(TODAY);

/**
 * A fresh folder per test, removed afterwards; call at the top of a test file.
 * Returns a function giving the current test's folder.
 */
export function useTempDir(prefix = 'pledgebook-'): () => string {
  let current: string | undefined;
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    current = undefined;
  });
  return () => {
    if (!current) {
      current = mkdtempSync(join(tmpdir(), prefix));
      made.push(current);
    }
    return current;
  };
}

/** The app's own tables (not SQLite's or Kysely's bookkeeping), by name. */
export const tablesIn = (sqlite: Database.Database): string[] =>
  (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  ).filter((n) => !n.startsWith('kysely_'));
