import {
  checkChart,
  codeReusedAcrossMonths,
  DEFAULT_LEDGER,
  type LedgerSettings,
} from '../../../shared/ledger/chart';
import { ledgerSettingsSchema } from '../../../shared/contract/ledger-settings';
import { addMonthsClamped, monthOf } from '../../../shared/dates';
import type { Db } from '../../db/db';
import { fieldRefusal } from '../errors';
import {
  currentSetting,
  recordSettingChange,
  settingByMonth,
  type MonthlySetting,
} from '../system/settings-history';

/**
 * The chart of accounts, basis and voucher grouping, with what each month was under kept beside
 * them: a closed month's journal keeps the accounts and basis it was made with.
 */
const LEDGER: MonthlySetting<LedgerSettings> = {
  key: 'ledger',
  historyKey: 'ledgerByMonth',
  sound: (value) => {
    const parsed = ledgerSettingsSchema.safeParse(value);
    return parsed.success && checkChart(parsed.data.chart).length === 0 ? parsed.data : null;
  },
  fallback: DEFAULT_LEDGER,
};

export const ledgerSettingsOf = (db: Db): Promise<LedgerSettings> => currentSetting(db, LEDGER);
export const ledgerByMonth = (db: Db): Promise<(month: string) => LedgerSettings> =>
  settingByMonth(db, LEDGER);

/**
 * Refuses a chart a person typed, naming the first problem: a code a package cannot take, an
 * account without a name, a code used twice, or a code that meant another account in a month
 * already closed (from the first loan's month to last month).
 */
export async function assertSoundLedger(db: Db, next: LedgerSettings, today: string): Promise<void> {
  const [problem] = checkChart(next.chart);
  const refuse = (p: { code: string; role: string; params: Record<string, string> }) =>
    fieldRefusal(`ledger.chart.${p.role}.code`, p.code as never, { account: p.role, ...p.params } as never);
  if (problem) throw refuse(problem);
  const first = await db
    .selectFrom('loans')
    .select((eb) => eb.fn.min('start_date').as('d'))
    .executeTakeFirst();
  if (!first?.d) return;
  const chartOf = await ledgerByMonth(db);
  const closed: { month: string; chart: LedgerSettings['chart'] }[] = [];
  const thisMonth = monthOf(today);
  for (let m = monthOf(first.d); m < thisMonth; m = monthOf(addMonthsClamped(`${m}-01`, 1))) {
    closed.push({ month: m, chart: chartOf(m).chart });
  }
  const reused = codeReusedAcrossMonths(closed, next.chart);
  if (reused) throw refuse(reused);
}

/** Records new settings as in force from `month`, in the transaction that saves them. */
export const recordLedgerChange = (db: Db, before: LedgerSettings, after: LedgerSettings, month: string) =>
  recordSettingChange(db, LEDGER, before, after, month);
