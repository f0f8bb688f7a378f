export * from '../../../shared/format/format';
import { formatAmount } from '../../../shared/money/amount';

/** Turns what a user typed ("12,345.6", "¥ 100") into minor units, or null if it is not an amount. */
export function parseMoneyInput(text: string): number | null {
  const cleaned = text.replace(/[\s,¥￥$]/g, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units back to the plain "1234.56" a form field shows for editing. */
export const minorToInput = formatAmount;

/**
 * An instant (an ISO timestamp in UTC) as the wall clock of this PC reads it, 'YYYY-MM-DD HH:mm',
 * for `formatDateTime`: backups are named and listed in UTC, the reader thinks in local time.
 */
export function localWallClock(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
