import { checkRules, type ClassificationRules } from '../../../shared/engine/classification';
import { DEFAULT_RISK_SETTINGS, riskRulesSchema } from '../../../shared/contract/risk';
import type { Db } from '../../db/db';
import { fieldRefusal } from '../errors';
import {
  currentSetting,
  recordSettingChange,
  settingByMonth,
  type MonthlySetting,
} from '../system/settings-history';

/**
 * The classification rules, with the rules each month is graded under kept beside them: a month
 * already reported is never graded again under rules it did not have.
 */
const RISK_RULES: MonthlySetting<ClassificationRules> = {
  key: 'riskRules',
  historyKey: 'riskRulesByMonth',
  sound: (value) => {
    const parsed = riskRulesSchema.safeParse(value);
    return parsed.success && checkRules(parsed.data).length === 0 ? parsed.data : null;
  },
  fallback: DEFAULT_RISK_SETTINGS.riskRules,
};

/** The book's classification rules now; damaged or unsound rules fall back to the defaults. */
export const riskRulesOf = (db: Db): Promise<ClassificationRules> => currentSetting(db, RISK_RULES);

/** The rules each month is graded under (see `settingByMonth`). */
export const riskRulesByMonth = (db: Db): Promise<(month: string) => ClassificationRules> =>
  settingByMonth(db, RISK_RULES);

/** Refuses rules a person typed that cannot classify every loan, naming the first problem. */
export function assertSoundRules(rules: ClassificationRules): void {
  const [problem] = checkRules(rules);
  if (problem) throw fieldRefusal('riskRules', problem.code, problem.params);
}

/** Records new rules as in force from `month`, in the transaction that saves them. */
export const recordRulesChange = (
  db: Db,
  before: ClassificationRules,
  after: ClassificationRules,
  month: string,
): Promise<void> => recordSettingChange(db, RISK_RULES, before, after, month);
