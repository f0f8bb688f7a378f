import { formatAmount } from '../money/amount';

/** Fields of the monthly report that are money (minor units); everything else numeric is a count. */
const MONEY_KEYS = new Set([
  'outstanding',
  'overdueAmount',
  'penalty',
  'interest',
  'principal',
  'fees',
  'total',
  'overdueAtStart',
  'recoveredFromStartOverdue',
  'exposure',
  'madeAmount',
  'penaltyWaived',
  'costs',
  'chargedToLoans',
  'overdueExposure',
  'overdueCollateralValue',
  'grossProceeds',
  'sellingCosts',
  'proceedsApplied',
  // collections.recoveriesAfterWriteOff.amount
  'amount',
]);

/**
 * The report as the CLI prints it: amounts as strings with two decimals, rates already strings
 * with four, counts as numbers. Walks the object so new sections follow the same rule.
 */
export function reportToJson(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => reportToJson(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reportToJson(v, k)]));
  }
  if (typeof value === 'number' && MONEY_KEYS.has(key)) return formatAmount(value);
  return value;
}
