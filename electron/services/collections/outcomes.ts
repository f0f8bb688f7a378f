/**
 * The contact outcome list staff pick from, managed in Settings. Outcomes are never rewritten
 * out from under the contacts that used them: renaming changes only the label, retiring only
 * stops offering one for new contacts, and only an outcome no contact uses can be deleted.
 */
import type { ContactOutcome } from '../../../shared/contract/collections';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { appendAudit } from '../audit/audit';
import { requirePermission } from '../auth/permissions';
import { notFound, ruleViolation, invalidField } from '../errors';
import type { Db } from '../../db/db';
import {
  contactOutcome,
  deleteOutcome,
  insertOutcome,
  nextOutcomeSortOrder,
  outcomesWithUse,
  updateOutcome,
} from './contacts.repository';

/** Letters are logged as contacts with this outcome, so it must always exist. */
const LETTER_OUTCOME = 'letter-sent';

export async function contactOutcomes(db: Db): Promise<ContactOutcome[]> {
  const rows = await outcomesWithUse(db);
  return rows.map((o) => ({
    code: o.code,
    label: o.label,
    connected: o.connected === 1,
    active: o.active === 1,
    translated: o.translated === 1,
    used: Number(o.used),
  }));
}

async function outcomeOf(db: Db, code: string): Promise<ContactOutcome> {
  const found = (await contactOutcomes(db)).find((o) => o.code === code);
  if (!found) throw notFound('outcome.notFound', code);
  return found;
}

/** Two outcomes with one label would be indistinguishable in the contact form. */
async function refuseDuplicateLabel(db: Db, label: string, except?: string): Promise<void> {
  const same = (await contactOutcomes(db)).find(
    (o) => o.code !== except && o.label.toLocaleLowerCase() === label.toLocaleLowerCase(),
  );
  if (same) throw invalidField('label', 'outcome.labelTaken', { label, code: same.code });
}

/** The contact form needs something to offer. */
async function refuseRemovingLastOffered(db: Db, code: string): Promise<void> {
  const others = (await contactOutcomes(db)).filter((o) => o.active && o.code !== code);
  if (others.length === 0) throw ruleViolation('outcome.lastOffered');
}

export function outcomeHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'collections.outcomes'
  | 'collections.addOutcome'
  | 'collections.updateOutcome'
  | 'collections.deleteOutcome'
> {
  const { db } = ctx;
  const manage = () => requirePermission(ctx.actor(), 'settings.manage');
  return {
    'collections.outcomes': () => contactOutcomes(db),

    'collections.addOutcome': async ({ code, label, connected }) =>
      db.transaction().execute(async (trx) => {
        manage();
        const existing = await contactOutcome(trx, code);
        if (existing) {
          throw invalidField('code', 'outcome.codeTaken', { code, label: existing.label });
        }
        await refuseDuplicateLabel(trx, label);
        const row = {
          code,
          label,
          connected: connected ? 1 : 0,
          sort_order: await nextOutcomeSortOrder(trx),
          active: 1,
          translated: 0,
        };
        await insertOutcome(trx, row);
        await appendAudit(trx, ctx, {
          entity: 'contact-outcome',
          entityId: code,
          action: 'create',
          after: row,
        });
        return contactOutcomes(trx);
      }),

    'collections.updateOutcome': async ({ code, label, active }) =>
      db.transaction().execute(async (trx) => {
        manage();
        const before = await outcomeOf(trx, code);
        const changes: { label?: string; translated?: number; active?: number } = {};
        if (label !== undefined && label !== before.label) {
          await refuseDuplicateLabel(trx, label, code);
          changes.label = label;
          changes.translated = 0;
        }
        if (active !== undefined && active !== before.active) {
          if (!active) await refuseRemovingLastOffered(trx, code);
          changes.active = active ? 1 : 0;
        }
        if (Object.keys(changes).length === 0) return contactOutcomes(trx);
        await updateOutcome(trx, code, changes);
        await appendAudit(trx, ctx, {
          entity: 'contact-outcome',
          entityId: code,
          action: changes.active === 0 ? 'retire' : changes.active === 1 ? 'restore' : 'rename',
          before: { label: before.label, active: before.active },
          after: changes,
        });
        return contactOutcomes(trx);
      }),

    'collections.deleteOutcome': async ({ code }) =>
      db.transaction().execute(async (trx) => {
        manage();
        const outcome = await outcomeOf(trx, code);
        if (code === LETTER_OUTCOME) {
          throw ruleViolation('outcome.letterOutcome', { code });
        }
        if (outcome.used > 0) {
          throw ruleViolation('outcome.inUse', { code, count: outcome.used });
        }
        if (outcome.active) await refuseRemovingLastOffered(trx, code);
        await deleteOutcome(trx, code);
        await appendAudit(trx, ctx, {
          entity: 'contact-outcome',
          entityId: code,
          action: 'delete',
          before: outcome,
        });
        return contactOutcomes(trx);
      }),
  };
}
