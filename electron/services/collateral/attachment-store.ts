import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/db';
import { engineOf } from '../../db/engine';

/**
 * Where an attachment's bytes live, content-addressed by SHA-256 on both engines:
 * - a file book keeps them in files beside it (attachments/ab/abcdef…), as it always has;
 * - a server book keeps them in the book (attachment_contents, bytea), so every PC sees them and
 *   they commit or roll back with the row that links them.
 */
export function attachmentsDir(databasePath: string): string {
  return join(dirname(databasePath), 'attachments');
}

export function attachmentPath(databasePath: string, sha256: string): string {
  return join(attachmentsDir(databasePath), sha256.slice(0, 2), sha256);
}

/**
 * Keeps the bytes under their hash unless already kept. On a file book the file goes down before
 * its row commits: a crash in between leaves an unreferenced file (reused by the next upload of
 * the same bytes), never a row without a file. Call after the `attachments` row exists.
 */
export async function keepContent(
  trx: Db,
  databasePath: string,
  sha256: string,
  bytes: Buffer,
): Promise<void> {
  if (engineOf(trx) === 'postgres') {
    await sql`INSERT INTO attachment_contents (sha256, content) VALUES (${sha256}, ${bytes})
              ON CONFLICT (sha256) DO NOTHING`.execute(trx);
    return;
  }
  const target = attachmentPath(databasePath, sha256);
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
}

/** The bytes kept under `sha256`, or null when they are missing. */
export async function contentOf(db: Db, databasePath: string, sha256: string): Promise<Buffer | null> {
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ content: Buffer }>`
      SELECT content FROM attachment_contents WHERE sha256 = ${sha256}`.execute(db);
    return rows[0]?.content ?? null;
  }
  const path = attachmentPath(databasePath, sha256);
  return existsSync(path) ? readFileSync(path) : null;
}
