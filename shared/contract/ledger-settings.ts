import { z } from 'zod';
import {
  ACCOUNT_ROLES,
  ACCOUNTING_BASES,
  DEFAULT_LEDGER,
  VOUCHER_GROUPINGS,
  type AccountRole,
} from '../ledger/chart';

const account = z
  .object({
    code: z.string().trim().max(40),
    name: z.string().trim().max(60),
    nameEn: z.string().trim().max(60),
  })
  .strict();

/**
 * The chart of accounts, basis and voucher grouping, kept as one setting: codes only make sense
 * together (`checkChart` refuses a code used twice, which no single field can see).
 */
export const ledgerSettingsSchema = z
  .object({
    basis: z.enum(ACCOUNTING_BASES),
    vouchers: z.enum(VOUCHER_GROUPINGS),
    voucherWord: z.string().trim().min(1).max(4),
    chart: z
      .object(
        Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, account])) as Record<AccountRole, typeof account>,
      )
      .strict(),
  })
  .strict();

export const ledgerSettingsShape = { ledger: ledgerSettingsSchema };
export const DEFAULT_LEDGER_SETTINGS = { ledger: DEFAULT_LEDGER };
