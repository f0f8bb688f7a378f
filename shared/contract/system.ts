import { z } from 'zod';
import { method, changes, open, reads } from './define';
import { noInput } from './common';
import { collateralSettingsShape } from './collateral-settings';
import { planSettingsShape } from './plan-settings';
import { riskSettingsShape } from './risk';
import { ledgerSettingsShape } from './ledger-settings';
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

/**
 * What other PCs changed on a server book after a cursor, folded for the screens: which loans
 * and borrowers, which tables, or everything (notices were missed, or too many to name).
 */
export interface ChangesSince {
  cursor: number;
  /** Whether this PC hears the server now; false while it is unreachable (the screens say so). */
  connected: boolean;
  everything: boolean;
  tables: string[];
  loans: number[];
  borrowers: number[];
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
  ...riskSettingsShape,
  ...ledgerSettingsShape,
});
export type Settings = z.infer<typeof settingsSchema>;

export const systemContract = {
  'system.info': method<AppInfo>()(noInput, open(false)),
  /**
   * Waits (up to `waitMs`) until another PC changes the book after `after`, then says what: the
   * screens refresh just that. A file book has no other PCs and answers at once.
   */
  'system.changes': method<ChangesSince>()(
    z
      .object({
        after: z.number().int().min(0),
        waitMs: z.number().int().min(0).max(30_000).default(25_000),
      })
      .strict(),
    reads('book.read'),
  ),
  'system.check': method<HealthReport>()(noInput, changes('backups.manage')),
  'settings.get': method<Settings>()(noInput, open(false)),
  'settings.update': method<Settings>()(settingsSchema.partial().strict(), changes('settings.manage')),
};
