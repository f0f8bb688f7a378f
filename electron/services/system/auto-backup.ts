import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { addDays } from '../../../shared/dates/civil';
import type { ServiceContext } from '../context';
import { DEFAULT_BACKUP_SETTINGS } from '../../../shared/contract/backups';
import { backUpDatabase } from './backup';
import { backupFileName, freshPath, listBackups, type BackupFile } from './backup-folder';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Keep the newest backup of each of the last 7 days, 4 weeks and 12 months. */
export const DEFAULT_RETENTION: RetentionPolicy = {
  daily: DEFAULT_BACKUP_SETTINGS.keepDaily,
  weekly: DEFAULT_BACKUP_SETTINGS.keepWeekly,
  monthly: DEFAULT_BACKUP_SETTINGS.keepMonthly,
};
/** How often the open app backs up, besides on close. */
export const DEFAULT_BACKUP_EVERY_HOURS = DEFAULT_BACKUP_SETTINGS.everyHours;

const AUTO_PREFIX = 'pledgebook-auto';

/** Monday of the week `date` falls in, as the week's name. */
function weekOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/**
 * Which automatic backups to keep: the newest in each of the most recent `daily` days, `weekly`
 * weeks and `monthly` months that have any backup at all. Everything else may be deleted.
 */
export function backupsToKeep(files: BackupFile[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const newestFirst = [...files].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<string>();
  const buckets: [number, (f: BackupFile) => string][] = [
    [policy.daily, (f) => f.takenAt.slice(0, 10)],
    [policy.weekly, (f) => weekOf(f.takenAt.slice(0, 10))],
    [policy.monthly, (f) => f.takenAt.slice(0, 7)],
  ];
  for (const [count, periodOf] of buckets) {
    const seen = new Set<string>();
    for (const file of newestFirst) {
      const period = periodOf(file);
      if (seen.has(period)) continue;
      if (seen.size >= count) break;
      seen.add(period);
      keep.add(file.path);
    }
  }
  return keep;
}

/**
 * One automatic backup into `folder`, verified like every backup, then retention: automatic
 * backups outside the policy are removed. Manual backups and pre-restore copies are never touched.
 */
export async function takeAutomaticBackup(
  ctx: Pick<ServiceContext, 'sqlite' | 'nativeBinding' | 'clock'>,
  folder: string,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  onProgress?: (fraction: number) => void,
): Promise<{ path: string; removed: string[] }> {
  const path = freshPath(folder, backupFileName(ctx.clock.now(), AUTO_PREFIX));
  await backUpDatabase(ctx, path, onProgress);
  const automatic = listBackups(folder).filter((f) => basename(f.path).startsWith(`${AUTO_PREFIX}-`));
  // Named by the service clock, so retention follows the book's calendar, not file times.
  const dated = automatic.map((f) => ({ ...f, takenAt: takenAtFromName(f.path) ?? f.takenAt }));
  const keep = backupsToKeep(dated, policy);
  const removed = dated.filter((f) => !keep.has(f.path)).map((f) => f.path);
  for (const file of removed) rmSync(file, { force: true });
  return { path, removed };
}

/** `pledgebook-auto-2026-06-15T09-00-00.000Z.sqlite` → `2026-06-15T09:00:00.000Z`. */
function takenAtFromName(path: string): string | null {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d+)?Z/.exec(basename(path));
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}${m[5] ?? ''}Z` : null;
}

/**
 * Backs up every `everyHours` while the app is open. Failures go to `onError` (the app keeps
 * running; the next attempt may succeed). Returns a function that stops the schedule.
 */
export function scheduleAutomaticBackups(
  ctx: Pick<ServiceContext, 'sqlite' | 'nativeBinding' | 'clock'>,
  folder: string,
  onError: (error: unknown) => void,
  everyHours = DEFAULT_BACKUP_EVERY_HOURS,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): () => void {
  const timer = setInterval(
    () => void takeAutomaticBackup(ctx, folder, policy).catch(onError),
    everyHours * 3_600_000,
  );
  timer.unref();
  return () => clearInterval(timer);
}
