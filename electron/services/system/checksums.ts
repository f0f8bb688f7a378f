import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The database's own tables (not SQLite's internals), by name. */
export function userTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows in every table: what a backup must match before it is kept. */
export function rowCounts(sqlite: Database.Database): Record<string, number> {
  return Object.fromEntries(
    userTables(sqlite).map((t) => [
      t,
      Number(
        sqlite
          .prepare(`SELECT count(*) FROM ${quoted(t)}`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

/**
 * SHA-256 of every row of every table, in a fixed order: two databases with equal checksums hold
 * the same data. Used to prove a restore round-trips and that refused requests wrote nothing.
 */
export function tableChecksums(sqlite: Database.Database): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const table of userTables(sqlite)) {
    const columns = (sqlite.pragma(`table_info(${quoted(table)})`) as { name: string }[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    const hash = createHash('sha256');
    const rows = sqlite
      .prepare(`SELECT * FROM ${quoted(table)} ORDER BY ${order}`)
      .raw()
      .iterate();
    for (const row of rows)
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    sums[table] = hash.digest('hex');
  }
  return sums;
}
