/**
 * The collateral alert rules, as pure functions of facts and settings. Each finding carries a
 * machine code with parameters (for the screens to translate) and an English reason (for the
 * CLI and logs), so "why" is always stated.
 */
import { addDays, addMonthsClamped, daysBetween, type IsoDate } from '../dates';
import { Ratio, type Minor } from '../money';
import type { AlertKind, CollateralKind } from './kinds';
import { ltvBasisPoints } from './coverage';

export interface CollateralRules {
  /** LTV above which a loan is flagged, as a percentage string ("70"). */
  ltvThresholdPercent: Record<CollateralKind, string>;
  /** A valuation older than this many months is stale. */
  staleAfterMonths: Record<CollateralKind, number>;
  /** Insurance expiring within this many days is flagged before it lapses. */
  insuranceWarningDays: number;
}

export const ALERT_CODES = [
  'ltv-above-threshold',
  'valuation-missing',
  'valuation-stale',
  'insurance-missing',
  'insurance-lapsed',
  'insurance-expiring',
  'title-certificate-not-held',
  'mortgage-registration-not-held',
  'registration-certificate-not-held',
  'details-incomplete',
] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

export interface Finding {
  kind: AlertKind;
  code: AlertCode;
  params: Record<string, string | number>;
  reason: string;
}

/** 7050 basis points → "70.50%". */
export function percentText(basisPoints: number): string {
  return `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}%`;
}

/**
 * A loan's LTV breaches when its exposure exceeds what its collateral supports: each item
 * supports its value × its kind's threshold. With one kind of collateral that is exactly
 * "exposure ÷ value > threshold"; with a house and a car it weighs each by its own limit.
 * No alert without a positive value: a missing valuation is its own alert.
 */
export function ltvFinding(
  exposure: Minor,
  collateral: readonly { kind: CollateralKind; value: Minor }[],
  rules: CollateralRules,
): Finding | null {
  const value = collateral.reduce((s, c) => s + c.value, 0);
  const supported = ltvSupported(collateral, ltvThresholds(rules));
  if (supported === null || Ratio.fromInteger(exposure).compare(supported) <= 0) return null;
  const ltv = percentText(ltvBasisPoints(Ratio.of(BigInt(exposure), BigInt(value))));
  const limit = percentText(ltvBasisPoints(supported.div(Ratio.fromInteger(value))));
  return {
    kind: 'ltv',
    code: 'ltv-above-threshold',
    params: { ltv, threshold: limit },
    reason: `LTV ${ltv} is above the ${limit} threshold`,
  };
}

/** Each kind's LTV threshold as an exact fraction; built once when many loans are judged. */
export function ltvThresholds(rules: CollateralRules): (kind: CollateralKind) => Ratio {
  const byKind = new Map<CollateralKind, Ratio>();
  return (kind) => {
    let t = byKind.get(kind);
    if (!t)
      byKind.set(kind, (t = Ratio.fromDecimal(rules.ltvThresholdPercent[kind]).div(Ratio.fromInteger(100))));
    return t;
  };
}

/** How much exposure the collateral supports (each value times its kind's threshold); null without value. */
function ltvSupported(
  collateral: readonly { kind: CollateralKind; value: Minor }[],
  thresholdOf: (kind: CollateralKind) => Ratio,
): Ratio | null {
  if (collateral.reduce((s, c) => s + c.value, 0) <= 0) return null;
  return collateral.reduce((s, c) => s.add(Ratio.fromInteger(c.value).mul(thresholdOf(c.kind))), Ratio.ZERO);
}

/** Whether `ltvFinding` would raise an alert, without writing its text: for counting a whole book. */
export function ltvBreached(
  exposure: Minor,
  collateral: readonly { kind: CollateralKind; value: Minor }[],
  thresholdOf: (kind: CollateralKind) => Ratio,
): boolean {
  const supported = ltvSupported(collateral, thresholdOf);
  return supported !== null && Ratio.fromInteger(exposure).compare(supported) > 0;
}

/** Stale when the latest valuation is more than N calendar months old (exactly N is still fresh). */
export function valuationFinding(
  item: { kind: CollateralKind; latestValuationDate: IsoDate | null },
  today: IsoDate,
  rules: CollateralRules,
): Finding | null {
  const months = rules.staleAfterMonths[item.kind];
  if (item.latestValuationDate === null) {
    return {
      kind: 'stale-valuation',
      code: 'valuation-missing',
      params: {},
      reason: 'no valuation recorded',
    };
  }
  if (addMonthsClamped(item.latestValuationDate, months) >= today) return null;
  return {
    kind: 'stale-valuation',
    code: 'valuation-stale',
    params: { date: item.latestValuationDate, months },
    reason: `latest valuation ${item.latestValuationDate} is more than ${months} months old`,
  };
}

/** Vehicles only: insurance missing, lapsed (expired before today) or expiring within the warning days. */
export function insuranceFinding(
  item: { kind: CollateralKind; insuranceExpiry: IsoDate | null },
  today: IsoDate,
  rules: CollateralRules,
): Finding | null {
  if (item.kind !== 'vehicle') return null;
  const expiry = item.insuranceExpiry;
  if (expiry === null) {
    return { kind: 'insurance', code: 'insurance-missing', params: {}, reason: 'no insurance recorded' };
  }
  if (expiry < today) {
    return {
      kind: 'insurance',
      code: 'insurance-lapsed',
      params: { date: expiry },
      reason: `insurance lapsed on ${expiry}`,
    };
  }
  if (expiry > addDays(today, rules.insuranceWarningDays)) return null;
  const days = daysBetween(today, expiry);
  return {
    kind: 'insurance',
    code: 'insurance-expiring',
    params: { date: expiry, days },
    reason: `insurance expires on ${expiry}, in ${days} ${days === 1 ? 'day' : 'days'}`,
  };
}

export interface DocumentFacts {
  kind: CollateralKind;
  holdsTitleCertificate: boolean;
  mortgageRegistrationNo: string | null;
  holdsMortgageRegistration: boolean;
  holdsRegistrationCertificate: boolean;
}

/**
 * The documents a lender must hold to enforce: for property the title certificate and the
 * registered mortgage (number recorded and certificate held); for a vehicle its registration
 * certificate.
 */
export function documentFindings(item: DocumentFacts): Finding[] {
  const missing: [AlertCode, string][] =
    item.kind === 'property'
      ? [
          ...(item.holdsTitleCertificate
            ? []
            : [['title-certificate-not-held', 'title certificate not held'] as [AlertCode, string]]),
          ...(item.holdsMortgageRegistration && item.mortgageRegistrationNo
            ? []
            : [['mortgage-registration-not-held', 'mortgage registration not held'] as [AlertCode, string]]),
        ]
      : item.holdsRegistrationCertificate
        ? []
        : [['registration-certificate-not-held', 'registration certificate not held']];
  return missing.map(([code, reason]) => ({ kind: 'document', code, params: {}, reason }));
}

/** What the collateral screen requires of an item, which an imported item may still lack. */
export const DETAIL_FIELDS = ['address', 'vin', 'plate', 'make', 'model', 'year'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export interface DetailFacts {
  kind: CollateralKind;
  address: string | null;
  vin: string | null;
  plate: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
}

/**
 * An item recorded from a spreadsheet with only what identifies it (a plate or VIN, a title-deed
 * number) is flagged until the fields the screen requires are filled in. `missing` lists them
 * as field codes, comma-separated, for the screen to name in its language.
 */
export function detailsFinding(item: DetailFacts): Finding | null {
  const wanted: readonly DetailField[] =
    item.kind === 'property' ? ['address'] : ['vin', 'plate', 'make', 'model', 'year'];
  const missing = wanted.filter((f) => item[f] === null || item[f] === '');
  if (missing.length === 0) return null;
  return {
    kind: 'details',
    code: 'details-incomplete',
    params: { missing: missing.join(',') },
    reason: `details to complete: ${missing.join(', ')}`,
  };
}
