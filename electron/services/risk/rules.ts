import { checkRules, type ClassificationRules } from '../../../shared/engine/classification';
import { DEFAULT_RISK_SETTINGS, riskRulesSchema } from '../../../shared/contract/risk';
import type { Db } from '../../db/db';
import { fieldRefusal } from '../errors';
import { readSettingsRows, writeSetting } from '../system/settings.repository';

/**
 * The rules each month is graded under, kept beside the current ones: `{ "YYYY-MM": rules }`, the
 * rules in force from that month on. A change of rules applies from the month it is made, so a
 * month already reported is never graded again under rules it did not have.
 */
const HISTORY_KEY = 'riskRulesByMonth';
/** The rules in force before the first change was recorded. */
const FROM_THE_START = '0000-00';

const sound = (value: unknown): ClassificationRules | null => {
  const parsed = riskRulesSchema.safeParse(value);
  return parsed.success && checkRules(parsed.data).length === 0 ? parsed.data : null;
};

/** The book's classification rules now; damaged or unsound rules fall back to the defaults. */
export async function riskRulesOf(db: Db): Promise<ClassificationRules> {
  return sound((await readSettingsRows(db)).riskRules) ?? DEFAULT_RISK_SETTINGS.riskRules;
}

function historyOf(rows: Record<string, unknown>): [string, unknown][] {
  const history = rows[HISTORY_KEY];
  if (typeof history !== 'object' || history === null) return [];
  return Object.entries(history).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The rules each month is graded under: the latest recorded from that month or before, else
 * today's. The settings are read once for as many months as the caller asks about.
 */
export async function riskRulesByMonth(db: Db): Promise<(month: string) => ClassificationRules> {
  const rows = await readSettingsRows(db);
  const history = historyOf(rows);
  const current = sound(rows.riskRules) ?? DEFAULT_RISK_SETTINGS.riskRules;
  return (month) => {
    const inForce = history.filter(([from]) => from <= month).at(-1);
    return (inForce && sound(inForce[1])) ?? current;
  };
}

/** Refuses rules a person typed that cannot classify every loan, naming the first problem. */
export function assertSoundRules(rules: ClassificationRules): void {
  const [problem] = checkRules(rules);
  if (problem) throw fieldRefusal('riskRules', problem.code, problem.params);
}

/**
 * Records new rules as in force from `month` (in the transaction that saves them); the first
 * change also records the rules every earlier month was graded under.
 */
export async function recordRulesChange(
  db: Db,
  before: ClassificationRules,
  after: ClassificationRules,
  month: string,
): Promise<void> {
  const history = Object.fromEntries(historyOf(await readSettingsRows(db)));
  if (Object.keys(history).length === 0) history[FROM_THE_START] = before;
  history[month] = after;
  await writeSetting(db, HISTORY_KEY, history);
}
