import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Backups live next to the book unless the user chose another folder. */
export const defaultBackupFolder = (databasePath: string) => join(dirname(databasePath), 'backups');

/** `pledgebook-2026-06-15T09-00-00.000Z.sqlite`: sorts by time, safe on every file system. */
export function backupFileName(now: string, prefix = 'pledgebook'): string {
  return `${prefix}-${now.replace(/:/g, '-')}.sqlite`;
}

/** A path in `folder` for `name` that no file has yet, so a backup never overwrites another. */
export function freshPath(folder: string, name: string): string {
  let path = join(folder, name);
  for (let n = 2; existsSync(path); n++) path = join(folder, name.replace(/\.sqlite$/, `-${n}.sqlite`));
  return path;
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
