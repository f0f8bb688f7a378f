import { z } from 'zod';
import { method, reads } from './define';
import { isoMonth } from './reports';
import { SUPPORTED_LOCALES } from './system';
import { ACCOUNT_ROLES, type AccountingBasis, type Chart } from '../ledger/chart';
import { ENTRY_KINDS, type JournalEntry } from '../ledger/journal';
import type { Tie, TrialBalanceRow } from '../ledger/trial-balance';
import { VOUCHER_PRESETS, VOUCHER_FIELDS } from '../ledger/vouchers';

export {
  ACCOUNT_ROLES,
  ACCOUNTING_BASES,
  DEFAULT_CHART,
  DEFAULT_LEDGER,
  VOUCHER_GROUPINGS,
  type Account,
  type AccountRole,
  type AccountingBasis,
  type Chart,
  type LedgerSettings,
  type VoucherGrouping,
} from '../ledger/chart';
export { ENTRY_KINDS, type EntryKind, type JournalEntry, type JournalLine } from '../ledger/journal';
export { VOUCHER_FIELDS, VOUCHER_PRESETS, type VoucherField, type VoucherPreset } from '../ledger/vouchers';
export type { TrialBalanceRow, Tie, TieName } from '../ledger/trial-balance';

export interface LedgerMonth {
  month: string;
  basis: AccountingBasis;
  chart: Chart;
  /** The entries the filters let through, a page of them. */
  entries: JournalEntry[];
  /** How many entries the filters let through (the page is `entries`). */
  matching: number;
  /** Debits and credits of the month, all entries. */
  totals: { entries: number; debit: number; credit: number };
  trialBalance: TrialBalanceRow[];
  ties: Tie[];
}

const monthFilters = {
  month: isoMonth,
  kind: z.enum(ENTRY_KINDS).optional(),
  account: z.enum(ACCOUNT_ROLES).optional(),
  /** A loan number, whole or its start. */
  loan: z.string().trim().max(40).optional(),
};

export const ledgerContract = {
  'ledger.month': method<LedgerMonth>()(
    z
      .object({
        ...monthFilters,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    reads('reports.read'),
  ),
  /** The month's vouchers as the accountant's package imports them; base64, saved by the window. */
  'ledger.export': method<{ fileName: string; mimeType: string; base64: string }>()(
    z
      .object({
        month: isoMonth,
        format: z.enum(['xlsx', 'csv']),
        preset: z.enum(VOUCHER_PRESETS),
        /** For the 'custom' preset: each column's header, in order (a field left out is not written). */
        columns: z
          .array(
            z.object({ field: z.enum(VOUCHER_FIELDS), header: z.string().trim().min(1).max(40) }).strict(),
          )
          .min(1)
          .max(VOUCHER_FIELDS.length)
          .optional(),
        language: z.enum(SUPPORTED_LOCALES).default('zh-CN'),
      })
      .strict(),
    reads('reports.read'),
  ),
};
