import { z } from 'zod';
import { method, changes, open } from './define';
import { noInput } from './common';
import { collateralSettingsShape } from './collateral-settings';
import { planSettingsShape } from './plan-settings';
import { loanSettingsShape } from './loan-settings';
import { importSettingsShape } from './import-settings';
import { companyProfileShape } from './company';

export interface AppInfo {
  version: string;
  /** Where the book is kept: a SQLite file on this PC, or a PostgreSQL server (office mode). */
  engine: 'sqlite' | 'postgres';
  /** The engine's version: SQLite's, or "PostgreSQL 15.4" on a server. */
  sqliteVersion: string;
  databasePath: string;
  schemaVersion: string;
  today: string;
}

export interface HealthReport {
  healthy: boolean;
  integrity: string[];
  foreignKeyViolations: number;
  migrations: { applied: string[]; known: string[]; pending: string[]; unknown: string[] };
  pragmas: { journalMode: string; synchronous: number; foreignKeys: number };
}

export const SUPPORTED_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const settingsSchema = z.object({
  ...companyProfileShape,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY'),
  /** Empty means "follow the operating system". */
  locale: z.enum(['', ...SUPPORTED_LOCALES]),
  loanNumberPrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{0,12}$/, 'may use letters, digits and "-" only, at most 12'),
  ...collateralSettingsShape,
  ...planSettingsShape,
  ...loanSettingsShape,
  ...importSettingsShape,
});
export type Settings = z.infer<typeof settingsSchema>;

export const systemContract = {
  'system.info': method<AppInfo>()(noInput, open(false)),
  'system.check': method<HealthReport>()(noInput, changes('backups.manage')),
  'settings.get': method<Settings>()(noInput, open(false)),
  'settings.update': method<Settings>()(settingsSchema.partial().strict(), changes('settings.manage')),
};
