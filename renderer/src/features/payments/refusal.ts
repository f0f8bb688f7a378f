import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../../shared/contract';
import { ApiCallError } from '../../api/client';

/** The payment refusals the service names with a `payment.*` code, worded in the UI language. */
const REFUSALS = [
  'aboveDue',
  'dateAfterToday',
  'dateBeforeDisbursement',
  'prepayNothingBeyondDue',
  'prepaySettles',
  'prepayBullet',
  'prepayInterestOnlyTerm',
  'prepayCannotShorten',
  'prepayUnderPlan',
  'prepayBeforeLastPayment',
] as const;
type Refusal = (typeof REFUSALS)[number];

const AMOUNTS = new Set(['amount', 'payoff']);
const DATES = new Set(['date', 'today', 'startDate', 'lastPaid']);

/**
 * A refused payment as the screen says it, beside its field: the service's code and figures,
 * with amounts and dates formatted by locale. Null when the error carries no known code, so
 * the caller falls back to the general error panel.
 */
export function paymentRefusal(
  error: unknown,
  t: TFunction,
  format: { money: (minor: number) => string; date: (iso: string) => string },
): { field: string; text: string } | null {
  if (!(error instanceof ApiCallError) || !Array.isArray(error.error.details)) return null;
  const issue = (error.error.details as FieldIssue[]).find((d) => d.reason?.startsWith('payment.'));
  const code = issue?.reason?.slice('payment.'.length);
  const known = REFUSALS.find((r): r is Refusal => r === code);
  if (!issue || !known) return null;
  const params = Object.fromEntries(
    Object.entries(issue.params ?? {}).map(([k, v]) => [
      k,
      AMOUNTS.has(k) && typeof v === 'number' ? format.money(v) : DATES.has(k) ? format.date(String(v)) : v,
    ]),
  );
  return { field: issue.field, text: t(`payments.refusals.${known}`, params) };
}
