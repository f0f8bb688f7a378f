import Database from 'better-sqlite3';

/**
 * Runs SQL on a database file from a connection of its own, as someone with the file and the
 * `sqlite3` tool could (foreign keys off, as that tool starts). Through the project's own driver,
 * so the tests need no sqlite3 program on the machine.
 */
export function sqliteShell(databasePath: string, script: string): void {
  const db = new Database(databasePath);
  try {
    db.pragma('foreign_keys = OFF');
    db.exec(script);
  } finally {
    db.close();
  }
}
