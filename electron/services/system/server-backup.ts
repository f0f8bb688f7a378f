import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openPostgres } from '../../db/postgres/open';
import { serverProblemOf, ServerBookError } from '../../db/postgres/server-errors';
import { BOOK_TABLES } from '../office/book-tables';

const run = promisify(execFile);

/**
 * Backups of a server book are PostgreSQL's own: `pg_dump` in custom format, `pg_restore` to
 * bring one back. The server's scheduled backups (or its host's) come first; these are the copy
 * an owner takes before an upgrade or hands to an accountant.
 */
type Tool = 'pg_dump' | 'pg_restore';

/** Where a PostgreSQL client tool is on this PC: PATH, then the usual install folders. */
export function findPgTool(tool: Tool, env: NodeJS.ProcessEnv = process.env): string {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const root of ['/usr/lib/postgresql', 'C:\\Program Files\\PostgreSQL', '/Library/PostgreSQL']) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    folders.push(...versions.map((v) => join(root, v, 'bin')));
  }
  for (const folder of folders) {
    const candidate = join(folder, exe);
    if (existsSync(candidate)) return candidate;
  }
  throw new ServerBookError('server.toolMissing', { tool });
}

/** The URL without its password, and the password for the tool's environment (not its argv). */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Tables a custom-format dump holds data for, from `pg_restore --list`. */
async function tablesIn(backupPath: string): Promise<Set<string>> {
  const { stdout } = await run(findPgTool('pg_restore'), ['--list', backupPath], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const tables = new Set<string>();
  for (const line of stdout.split('\n')) {
    const m = /TABLE DATA \S+ (\S+) /.exec(line);
    if (m) tables.add(m[1]!);
  }
  return tables;
}

/**
 * Writes a custom-format dump of the server book to `destination` and proves it reads back with
 * data for every table of the book; a dump that does not is deleted, never kept.
 */
export async function backUpServerBook(
  url: string,
  destination: string,
): Promise<{ path: string; bytes: number }> {
  const { dbname, env } = connectionFor(url);
  try {
    await run(
      findPgTool('pg_dump'),
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${destination}`, `--dbname=${dbname}`],
      {
        env,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const tables = await tablesIn(destination);
    const missing = BOOK_TABLES.map((t) => t.table).filter((t) => !tables.has(t));
    if (missing.length > 0) throw new Error(`the dump holds no data for ${missing.join(', ')}`);
    return { path: destination, bytes: statSync(destination).size };
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  }
}

/**
 * Restores a dump into `url`, which must be an empty database: a restore never overwrites the
 * book the office is working in. One transaction: all of it, or nothing.
 */
export async function restoreServerBook(url: string, backupPath: string): Promise<void> {
  if (!existsSync(backupPath)) throw new ServerBookError('server.backupMissing', { path: backupPath });
  await tablesIn(backupPath);
  const target = openPostgres(url, { max: 1 });
  try {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()`.execute(target.db);
    const tables = rows[0]?.n ?? 0;
    if (tables > 0) throw new ServerBookError('server.restoreNotEmpty', { tables });
  } catch (error) {
    throw serverProblemOf(error, url) ?? error;
  } finally {
    await target.close();
  }
  const { dbname, env } = connectionFor(url);
  await run(
    findPgTool('pg_restore'),
    [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${dbname}`,
      backupPath,
    ],
    { env, maxBuffer: 16 * 1024 * 1024 },
  );
}
