import { z } from 'zod';
import { method, reads } from './define';
import { noInput } from './common';
import type { AgingTable, MonthlyFigures } from '../reports/monthly';
import { isoDate } from './common';
import { SUPPORTED_LOCALES } from './system';
import type { AgingBucket } from '../engine/buckets';
import type { MonthClassification } from './risk';

export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, e.g. 2026-05');

/** Report sections whose feature has not landed: shown as "not tracked yet", never as zeros. */
export const OPTIONAL_SECTIONS = [
  'collateral',
  'promises',
  'plans',
  'legal',
  'contactGuards',
  'collectors',
] as const;
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];

/** The month's collection work, read as of the month's end. Money in minor units. */
export interface MonthActivity {
  promises: { made: number; madeAmount: number; due: number; kept: number; broken: number; pending: number };
  collectors: { collector: string; contacts: number; promisesDue: number; kept: number; broken: number }[];
  contactGuards: { overrides: number };
  plans: {
    approved: number;
    rejected: number;
    active: number;
    broken: number;
    completed: number;
    penaltyWaived: number;
  };
  legal: { opened: number; closed: number; open: number; costs: number; chargedToLoans: number };
  collateral: {
    overdueExposure: number;
    overdueCollateralValue: number;
    /** Collateral value allocated to overdue loans over their exposure (four decimals). */
    coverage: string;
    ltvBreaches: number;
    possessed: number;
    sold: number;
    grossProceeds: number;
    sellingCosts: number;
    proceedsApplied: number;
  };
}

/** Money received in the month on loans already written off: kept apart from the ledger's collections. */
export interface RecoveriesAfterWriteOff {
  count: number;
  amount: number;
}

export interface MonthlyReport extends MonthlyFigures {
  collections: MonthlyFigures['collections'] & { recoveriesAfterWriteOff: RecoveriesAfterWriteOff };
  companyName: string;
  currency: string;
  generatedOn: string;
  /** Entries dated in or before the month but recorded (or reversed) after it ended. */
  lateEntries: number;
  notTracked: OptionalSection[];
  activity: MonthActivity;
  /** Classification and provisions at the month's end (today in a month still running). */
  classification: MonthClassification;
}

export interface DashboardData {
  today: string;
  loansInBook: number;
  outstanding: number;
  overdueAmount: number;
  overdueLoans: number;
  par30: string;
  par90: string;
  collectedThisMonth: number;
  aging: { bucket: AgingBucket; count: number; outstanding: number }[];
  collections12: { month: string; penalty: number; interest: number; principal: number }[];
  parTrend12: { month: string; par30: string; par90: string }[];
  /** Today's NPL ratio and provision coverage (`reports.classification`), 4-decimal ratios. */
  nplRatio: string | null;
  coverage: string | null;
}

export const reportsContract = {
  'reports.monthly': method<MonthlyReport>()(z.object({ month: isoMonth }).strict(), reads('reports.read')),
  'reports.dashboard': method<DashboardData>()(noInput, reads('reports.read')),
  'reports.aging': method<AgingTable>()(z.object({ asOf: isoDate }).strict(), reads('reports.read')),
  /** The file comes back as base64; the window saves it (a download), so no path crosses over. */
  'reports.export': method<{ fileName: string; mimeType: string; base64: string }>()(
    z
      .object({
        month: isoMonth,
        format: z.enum(['xlsx', 'csv']),
        /** The language of sheet names and headers; the screen sends its own. */
        language: z.enum(SUPPORTED_LOCALES).default('en'),
      })
      .strict(),
    reads('reports.read'),
  ),
};
