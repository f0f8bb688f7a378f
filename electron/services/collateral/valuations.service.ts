import type { ValuationRow } from '../../../shared/contract';
import { findValuation, insertValuationRow, markValuationVoided } from './item.repository';
import type { ValuationSource } from '../../../shared/collateral/kinds';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, ruleViolation, invalidField } from '../errors';
import { requirePermission } from '../auth/permissions';
import { appendAudit } from '../audit/audit';
import type { Db } from '../../db/db';
import { findItem } from './item.repository';
import { attachmentRowsOf } from './attachments.service';
import type { ValuationRecord } from './tables';

export interface ValuationInput {
  date: string;
  source: ValuationSource;
  value: number;
  valuedBy: string;
  note: string;
}

/** The schema already refuses a zero or negative value; the calendar is checked here. */
export function checkValuation(v: ValuationInput, today: string, prefix = ''): void {
  if (v.date > today) throw invalidField(`${prefix}date`, 'valuation.afterToday', { today });
  if (v.value <= 0) throw invalidField(`${prefix}value`, 'valuation.notPositive');
}

/** The row a valuation is written as; the valuation dialog, a new item and the import use it. */
export const valuationRow = (itemId: number, v: ValuationInput, createdBy: string, now: string) => ({
  item_id: itemId,
  date: v.date,
  source: v.source,
  value: v.value,
  valued_by: v.valuedBy,
  note: v.note,
  created_by: createdBy,
  created_at: now,
});

export async function insertValuation(
  db: Db,
  ctx: ServiceContext,
  itemId: number,
  v: ValuationInput,
): Promise<number> {
  const actor = requirePermission(ctx.actor(), 'book.write');
  return insertValuationRow(db, valuationRow(itemId, v, actor.displayName, ctx.clock.now()));
}

export async function valuationRowsOf(db: Db, records: ValuationRecord[]): Promise<ValuationRow[]> {
  const documents = records.length
    ? await attachmentRowsOf(db, { valuationIds: records.map((r) => r.id) })
    : [];
  return records.map((r) => ({
    id: r.id,
    date: r.date,
    source: r.source,
    value: r.value,
    valuedBy: r.valued_by,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    voided: r.voided_at ? { at: r.voided_at, by: r.voided_by ?? '', reason: r.void_reason ?? '' } : null,
    documents: documents.filter((d) => d.valuationId === r.id),
  }));
}

export function valuationHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'collateral.addValuation' | 'collateral.voidValuation'> {
  const { db, clock } = ctx;
  return {
    'collateral.addValuation': async ({ itemId, ...v }) => {
      requirePermission(ctx.actor(), 'book.write');
      checkValuation(v, clock.today());
      return db.transaction().execute(async (trx) => {
        const item = await findItem(trx, itemId);
        if (!item) throw notFound('item.notFound', itemId);
        if (item.status !== 'active')
          throw ruleViolation('item.notActive', { id: itemId, status: item.status });
        const id = await insertValuation(trx, ctx, itemId, v);
        await appendAudit(trx, ctx, {
          entity: 'valuation',
          entityId: id,
          action: 'create',
          after: { itemId, ...v },
        });
        return { id };
      });
    },

    /** A wrong valuation is voided, not deleted: the history keeps what was believed and when. */
    'collateral.voidValuation': async ({ id, reason }) => {
      const actor = requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        const before = await findValuation(trx, id);
        if (!before) throw notFound('valuation.notFound', id);
        if (before.voided_at) throw ruleViolation('valuation.alreadyVoided', { id });
        await markValuationVoided(trx, id, { at: clock.now(), by: actor.displayName, reason });
        await appendAudit(trx, ctx, {
          entity: 'valuation',
          entityId: id,
          action: 'void',
          before,
          after: { reason },
        });
        return { id };
      });
    },
  };
}
