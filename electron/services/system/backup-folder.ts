import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Backups live next to the book unless the user chose another folder. */
export const defaultBackupFolder = (databasePath: string) => join(dirname(databasePath), 'backups');

/** `pledgebook-2026-06-15T09-00-00.000Z.sqlite`: sorts by time, safe on every file system. */
export function backupFileName(now: string, prefix = 'pledgebook'): string {
  return `${prefix}-${now.replace(/:/g, '-')}.sqlite`;
}

/**
 * A path in `folder` for `name` that no file has yet, so a backup never overwrites another. The
 * name is claimed by creating the file exclusively: two processes backing up into one folder in
 * the same millisecond (two books side by side, or a fixed clock) each get their own file.
 */
export function freshPath(folder: string, name: string): string {
  mkdirSync(folder, { recursive: true });
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : name.replace(/\.sqlite$/, `-${n}.sqlite`));
    try {
      closeSync(openSync(path, 'wx'));
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Where the current book is saved before a restore replaces it, so the restore can be undone. */
export const beforeRestorePath = (databasePath: string, now: string) =>
  freshPath(
    defaultBackupFolder(databasePath),
    backupFileName(now, `${basename(databasePath)}.before-restore`),
  );

export interface BackupFile {
  path: string;
  takenAt: string;
  bytes: number;
}

/** Backups in a folder, newest first. */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.sqlite'))
    .map((name) => {
      const path = join(folder, name);
      const stat = statSync(path);
      return { path, takenAt: stat.mtime.toISOString(), bytes: stat.size };
    })
    .filter((f) => f.bytes > 0)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.path.localeCompare(a.path));
}
