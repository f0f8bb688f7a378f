import type { Db } from '../../db/db';
import { readSettingsRows, writeSetting } from './settings.repository';

/**
 * A setting that must not reach back into months already reported (classification rules, the
 * chart of accounts and the accounting basis) keeps its history beside it: `{ "YYYY-MM": value }`,
 * the value in force from that month on. A change applies from the month it is made.
 */
export interface MonthlySetting<T> {
  /** The settings key of the current value. */
  key: string;
  /** The settings key of its history. */
  historyKey: string;
  /** The value if it is sound, else null (a damaged row falls back). */
  sound: (value: unknown) => T | null;
  fallback: T;
}

/** The value in force before the first change was recorded. */
const FROM_THE_START = '0000-00';

function historyOf(rows: Record<string, unknown>, historyKey: string): [string, unknown][] {
  const history = rows[historyKey];
  if (typeof history !== 'object' || history === null) return [];
  return Object.entries(history).sort(([a], [b]) => a.localeCompare(b));
}

/** The value now; a damaged or unsound one falls back. */
export async function currentSetting<T>(db: Db, setting: MonthlySetting<T>): Promise<T> {
  return setting.sound((await readSettingsRows(db))[setting.key]) ?? setting.fallback;
}

/**
 * The value each month is under: the latest recorded from that month or before, else today's.
 * The settings are read once for as many months as the caller asks about.
 */
export async function settingByMonth<T>(db: Db, setting: MonthlySetting<T>): Promise<(month: string) => T> {
  const rows = await readSettingsRows(db);
  const history = historyOf(rows, setting.historyKey);
  const current = setting.sound(rows[setting.key]) ?? setting.fallback;
  return (month) => {
    const inForce = history.filter(([from]) => from <= month).at(-1);
    return (inForce && setting.sound(inForce[1])) ?? current;
  };
}

/**
 * Records a new value as in force from `month` (in the transaction that saves it); the first
 * change also records the value every earlier month was under.
 */
export async function recordSettingChange<T>(
  db: Db,
  setting: MonthlySetting<T>,
  before: T,
  after: T,
  month: string,
): Promise<void> {
  const history = Object.fromEntries(historyOf(await readSettingsRows(db), setting.historyKey));
  if (Object.keys(history).length === 0) history[FROM_THE_START] = before;
  history[month] = after;
  await writeSetting(db, setting.historyKey, history);
}
