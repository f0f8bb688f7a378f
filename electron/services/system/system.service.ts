import { createHash } from 'node:crypto';
import { describeServerBook } from '../../db/postgres/open';
import type { Kysely } from 'kysely';
import { DEFAULT_COLLATERAL_SETTINGS, settingsSchema, type Settings } from '../../../shared/contract';
import { DEFAULT_PLAN_SETTINGS } from '../../../shared/contract/plan-settings';
import { DEFAULT_LOAN_SETTINGS } from '../../../shared/contract/loan-settings';
import { DEFAULT_IMPORT_SETTINGS } from '../../../shared/contract/import-settings';
import { DEFAULT_COMPANY_PROFILE } from '../../../shared/contract/company';
import { DEFAULT_RISK_SETTINGS } from '../../../shared/contract/risk';
import { DEFAULT_LEDGER_SETTINGS } from '../../../shared/contract/ledger-settings';
import { assertSoundLedger, recordLedgerChange } from '../ledger/settings';
import { assertSoundRules, recordRulesChange } from '../risk/rules';
import { monthOf } from '../../../shared/dates';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { appliedMigrations } from '../../db/migrate';
import { checkBookHealth } from './health';
import { engineVersion } from '../../db/engine-facts';
import { domainError } from '../errors';
import { readSettingsRows, writeSetting } from './settings.repository';
import { appendAudit } from '../audit/audit';
import { reageRestructuredLoans } from '../plans/restructured-refresh';
import { currentWork } from '../work';

export async function loadSettings(ctx: ServiceContext): Promise<Settings> {
  // Unknown or damaged keys fall back to defaults instead of blocking start-up.
  const parsed = settingsSchema.partial().safeParse(await readSettingsRows(ctx.db));
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

/** A logo as the audit trail records it: its size and a short fingerprint, or nothing. */
function logoDigest(dataUrl: string): string {
  if (dataUrl === '') return '';
  const hash = createHash('sha256').update(dataUrl).digest('hex').slice(0, 12);
  return `image ${Math.round(dataUrl.length * 0.75)} bytes sha256:${hash}`;
}

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_COMPANY_PROFILE,
  currency: 'CNY',
  locale: '',
  loanNumberPrefix: 'PB',
  ...DEFAULT_COLLATERAL_SETTINGS,
  ...DEFAULT_PLAN_SETTINGS,
  ...DEFAULT_LOAN_SETTINGS,
  ...DEFAULT_IMPORT_SETTINGS,
  ...DEFAULT_RISK_SETTINGS,
  ...DEFAULT_LEDGER_SETTINGS,
};

export function systemHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  'system.info' | 'system.changes' | 'system.check' | 'settings.get' | 'settings.update' | 'print.savePdf'
> {
  return {
    'system.info': async () => ({
      version: ctx.appVersion,
      engine: ctx.engine,
      sqliteVersion: await engineVersion(ctx),
      // A server book's address is shown without its password.
      databasePath: ctx.engine === 'postgres' ? describeServerBook(ctx.databasePath) : ctx.databasePath,
      schemaVersion: (await appliedMigrations(ctx.db as unknown as Kysely<unknown>)).at(-1) ?? '',
      today: ctx.clock.today(),
    }),
    'system.check': () => checkBookHealth(ctx, 'full'),
    'system.changes': async ({ after, waitMs }) =>
      ctx.changes
        ? ctx.changes.since(after, waitMs, currentWork()?.signal)
        : { cursor: 0, connected: true, everything: false, tables: [], loans: [], borrowers: [] },
    'settings.get': () => loadSettings(ctx),
    'print.savePdf': async (options) => {
      if (!ctx.platform) {
        throw domainError('unavailable', 'desktop.savePdf');
      }
      return ctx.platform.savePdf(options);
    },
    'settings.update': async (patch) => {
      // Ranges that leave a loan without a grade are refused whole, before anything is written.
      if (patch.riskRules) assertSoundRules(patch.riskRules);
      if (patch.ledger) await assertSoundLedger(ctx.db, patch.ledger, ctx.clock.today());
      const before = await loadSettings(ctx);
      await ctx.db.transaction().execute(async (trx) => {
        const changed: Record<string, unknown> = {};
        const was: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          await writeSetting(trx, key, value);
          // The audit keeps what changed, not a 300 KB image twice per edit.
          changed[key] = key === 'companyLogo' ? logoDigest(value as string) : value;
          was[key] = key === 'companyLogo' ? logoDigest(before.companyLogo) : before[key as keyof Settings];
        }
        await reageRestructuredLoans(trx, changed, ctx.clock.today());
        if (patch.riskRules) {
          await recordRulesChange(trx, before.riskRules, patch.riskRules, monthOf(ctx.clock.today()));
        }
        if (patch.ledger)
          await recordLedgerChange(trx, before.ledger, patch.ledger, monthOf(ctx.clock.today()));
        await appendAudit(trx, ctx, {
          entity: 'settings',
          entityId: 'settings',
          action: 'update',
          before: was,
          after: changed,
        });
      });
      return loadSettings(ctx);
    },
  };
}
