import {
  collateralRulesOf,
  OPEN_STATUSES,
  type CollateralRow,
  type AlertKind,
  type ItemDetails,
  type ItemLoan,
  type LoanCollateral,
  type LoanStatus,
} from '../../../shared/contract';
import { vinCheckDigit, vinCheckDigitMatches } from '../../../shared/collateral/vin';
import { depreciatedEstimate } from '../../../shared/collateral/depreciation';
import { ltvBasisPoints, ltvOf } from '../../../shared/collateral/coverage';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { domainError, notFound, ruleViolation, invalidField } from '../errors';
import { requirePermission } from '../auth/permissions';
import { appendAudit } from '../audit/audit';
import { loadSettings } from '../system/system.service';
import type { Db } from '../../db/db';
import { keepInScope } from '../auth/scope';
import {
  activeItemWithVin,
  detailColumns,
  findItem,
  itemViewOf,
  labelOf,
  insertItem,
  insertLinks,
  isLinked,
  deleteLink,
  itemsSecuringLoan,
  itemsWithBorrower,
  linkableLoans,
  linksOfItem,
  loansLinkedToItems,
  registerItemIds,
  updateItem,
  valuationsOf,
  type LinkableLoan,
} from './item.repository';
import { findLoan, loanIdsOfBorrower } from '../loans/loan.repository';
import { bookPosition, registerPositionOfBook, type RegisterPosition } from './position';
import { currentValuations } from './coverage';
import { insertValuation, checkValuation, valuationRowsOf, type ValuationInput } from './valuations.service';
import { attachmentRowsOf } from './attachments.service';
import { repossessionsOf } from './repossession.service';
import type { CollateralItemRecord } from './tables';
import { bookVersion } from '../../db/book-version';

type ItemHandlers = Pick<
  Handlers,
  | 'collateral.create'
  | 'collateral.update'
  | 'collateral.get'
  | 'collateral.list'
  | 'collateral.link'
  | 'collateral.unlink'
  | 'collateral.release'
  | 'collateral.forLoan'
  | 'collateral.forBorrower'
  | 'collateral.alerts'
  | 'collateral.alertSummary'
>;

/** Loans that can take collateral: anything not yet settled. */
const LINKABLE: readonly LoanStatus[] = ['draft', ...OPEN_STATUSES];

export async function rulesOf(ctx: ServiceContext) {
  return collateralRulesOf(await loadSettings(ctx));
}

/** The active item already holding a VIN, if any. */
type VinHolder = { id: number; plate: string | null } | undefined;

/** A VIN must be unique among active items; a wrong check digit is only a warning. */
function vinWarnings(details: ItemDetails, holder: VinHolder): string[] {
  // An imported vehicle known by its plate alone has no VIN to check yet.
  if (details.kind !== 'vehicle' || !details.vin) return [];
  if (holder) {
    throw invalidField('details.vin', 'vin.taken', {
      vin: details.vin,
      id: holder.id,
      plate: holder.plate ?? '—',
    });
  }
  return vinCheckDigitMatches(details.vin)
    ? []
    : [
        `vin: the check digit (9th character) is ${details.vin[8]} but ISO 3779 gives ${vinCheckDigit(details.vin)}; check the VIN (non-North-American VINs may not use it)`,
      ];
}

async function checkVin(db: Db, details: ItemDetails, exceptId?: number): Promise<string[]> {
  if (details.kind !== 'vehicle') return [];
  return vinWarnings(details, await activeItemWithVin(db, details.vin, exceptId));
}

/** Collateral secures open loans of one borrower; `loans` are those read for `loanIds`. */
function checkLinkable(loans: readonly LinkableLoan[], loanIds: readonly number[], field: string): void {
  for (const id of loanIds) {
    const loan = loans.find((l) => l.id === id);
    if (!loan) throw invalidField(field, 'loan.missing', { id });
    if (!LINKABLE.includes(loan.status))
      throw invalidField(field, 'item.loanNotLinkable', { number: loan.number, status: loan.status });
  }
  if (new Set(loans.map((l) => l.borrower_id)).size > 1) throw invalidField(field, 'item.oneBorrower');
}

async function loansForLinking(db: Db, loanIds: readonly number[], field: string) {
  const loans = await linkableLoans(db, loanIds);
  checkLinkable(loans, loanIds, field);
  return loans;
}

function rowOf(
  r: CollateralItemRecord,
  borrowerName: string,
  loans: CollateralRow['loans'],
  position: RegisterPosition,
  fallbackValue: { value: number; date: string | null },
): CollateralRow {
  const p = position.items.get(r.id);
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    label: labelOf(r),
    borrowerId: r.borrower_id,
    borrowerName,
    plate: r.plate,
    vin: r.vin,
    titleCertificateNo: r.title_certificate_no,
    address: r.address,
    currentValue: p?.value ?? fallbackValue.value,
    currentValuationDate: p?.valuationDate ?? fallbackValue.date,
    loans,
    worstLtvBasisPoints: p?.worstLtvBasisPoints ?? null,
    alertKinds: position.alertKindsByItem.get(r.id) ?? [],
  };
}

async function linkedLoansOf(db: Db, itemIds: number[]) {
  const byItem = new Map<number, CollateralRow['loans']>();
  if (itemIds.length === 0) return byItem;
  for (const r of await loansLinkedToItems(db, itemIds)) {
    const list = byItem.get(r.item_id) ?? [];
    list.push({ loanId: r.id, number: r.number, status: r.status });
    byItem.set(r.item_id, list);
  }
  return byItem;
}

export interface NewItem {
  loanIds: readonly number[];
  description: string;
  notes: string;
  details: ItemDetails;
  valuation?: ValuationInput;
}

/**
 * The checks every new item gets, on what was read for it: the loans it would secure (open, of
 * one borrower) and the active item already holding its VIN (none may). Returns the owner and
 * the warnings. A bulk import reads these for all its items at once and checks each here.
 */
export function checkNewItem(
  input: NewItem,
  loans: readonly LinkableLoan[],
  vinHolder: VinHolder,
  today: string,
): { borrowerId: number; warnings: string[] } {
  if (input.valuation) checkValuation(input.valuation, today, 'valuation.');
  checkLinkable(loans, input.loanIds, 'loanIds');
  return { borrowerId: loans[0]!.borrower_id, warnings: vinWarnings(input.details, vinHolder) };
}

/** The row a new item is written as. */
export function itemRow(input: NewItem, borrowerId: number, createdBy: string, now: string) {
  return {
    kind: input.details.kind,
    borrower_id: borrowerId,
    status: 'active' as const,
    description: input.description,
    notes: input.notes,
    ...detailColumns(input.details),
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
}

export const linkRow = (itemId: number, loanId: number, linkedBy: string, now: string) => ({
  item_id: itemId,
  loan_id: loanId,
  linked_by: linkedBy,
  linked_at: now,
});

/**
 * Writes an item, its links and its first valuation in the caller's transaction, after the
 * checks every new item gets. The caller audits.
 */
export async function createItem(
  trx: Db,
  ctx: ServiceContext,
  input: NewItem,
): Promise<{ id: number; warnings: string[] }> {
  const actor = requirePermission(ctx.actor(), 'book.write');
  const now = ctx.clock.now();
  const loans = await linkableLoans(trx, input.loanIds);
  const vinHolder =
    input.details.kind === 'vehicle' ? await activeItemWithVin(trx, input.details.vin) : undefined;
  const { borrowerId, warnings } = checkNewItem(input, loans, vinHolder, ctx.clock.today());
  const id = await insertItem(trx, itemRow(input, borrowerId, actor.displayName, now));
  await insertLinks(
    trx,
    input.loanIds.map((loanId) => linkRow(id, loanId, actor.displayName, now)),
  );
  if (input.valuation) await insertValuation(trx, ctx, id, input.valuation);
  return { id, warnings };
}

export function itemHandlers(ctx: ServiceContext): ItemHandlers {
  const { db, clock } = ctx;

  /**
   * The whole book's position, reused while nothing has been written: scrolling the register
   * fetches page after page, and each would otherwise recompute every loan. Any commit to the
   * book (bookVersion) starts afresh.
   */
  let cached: { key: string; position: Promise<RegisterPosition> } | null = null;
  const wholeBook = async (today: string) => {
    const key = `${today}|${await bookVersion(ctx)}`;
    if (cached?.key !== key)
      cached = {
        key,
        position: rulesOf(ctx).then((rules) => registerPositionOfBook(db, today, rules)),
      };
    return cached.position.catch((error: unknown) => {
      cached = null;
      throw error;
    });
  };

  const rowsFor = async (
    records: (CollateralItemRecord & { borrower_name: string })[],
    position: RegisterPosition,
  ) => {
    const ids = records.map((r) => r.id);
    const [links, values] = await Promise.all([
      linkedLoansOf(db, ids),
      currentValuations(db, clock.today(), ids),
    ]);
    return records.map((r) => {
      const { borrower_name, ...record } = r;
      return rowOf(
        record,
        borrower_name,
        links.get(r.id) ?? [],
        position,
        values.get(r.id) ?? { value: 0, date: null },
      );
    });
  };

  return {
    'collateral.create': async (input) => {
      requirePermission(ctx.actor(), 'book.write');
      if (input.valuation) checkValuation(input.valuation, clock.today(), 'valuation.');
      return db.transaction().execute(async (trx) => {
        const created = await createItem(trx, ctx, input);
        await appendAudit(trx, ctx, {
          entity: 'collateral',
          entityId: created.id,
          action: 'create',
          after: input,
        });
        return created;
      });
    },

    'collateral.update': async (input) => {
      requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        const before = await findItem(trx, input.id);
        if (!before) throw notFound('item.notFound', input.id);
        if (before.kind !== input.details.kind)
          throw invalidField('details.kind', 'item.kindFixed', { id: input.id, kind: before.kind });
        if (before.status !== 'active')
          throw ruleViolation('item.notActive', { id: input.id, status: before.status });
        const warnings = await checkVin(trx, input.details, input.id);
        await updateItem(trx, input.id, {
          description: input.description,
          notes: input.notes,
          ...detailColumns(input.details),
          updated_at: clock.now(),
        });
        await appendAudit(trx, ctx, {
          entity: 'collateral',
          entityId: input.id,
          action: 'update',
          before,
          after: input,
        });
        return { id: input.id, warnings };
      });
    },

    'collateral.get': async ({ id }) => {
      const today = clock.today();
      const r = await findItem(db, id);
      if (!r) throw notFound('item.notFound', id);
      const { borrower_name, ...record } = r;
      const settings = await loadSettings(ctx);
      const [position, links, valuationRecords] = await Promise.all([
        bookPosition(db, today, collateralRulesOf(settings), { itemIds: [id] }),
        linksOfItem(db, id),
        valuationsOf(db, id),
      ]);
      const p = position.items.get(id);
      const live = valuationRecords.filter((v) => v.voided_at === null && v.date <= today);
      const latest = live.at(-1);
      const appraisal = live.filter((v) => v.source === 'appraiser').at(-1);
      const loans: ItemLoan[] = links.map((l) => {
        const lp = position.loans.get(l.id);
        return {
          loanId: l.id,
          number: l.number,
          status: l.status,
          share: p?.shares.get(l.id) ?? 0,
          exposure: lp?.exposure ?? 0,
          value: lp?.value ?? 0,
          ltvBasisPoints: lp?.ltvBasisPoints ?? null,
        };
      });
      return {
        ...itemViewOf(record, borrower_name),
        currentValue: latest?.value ?? 0,
        currentValuationDate: latest?.date ?? null,
        estimate:
          record.kind === 'vehicle' && appraisal
            ? {
                value: depreciatedEstimate(appraisal, settings.vehicleDepreciationPercent, today),
                fromDate: appraisal.date,
                fromValue: appraisal.value,
                ratePercent: settings.vehicleDepreciationPercent,
              }
            : null,
        loans,
        worstLtvBasisPoints: p?.worstLtvBasisPoints ?? null,
        valuations: await valuationRowsOf(db, valuationRecords),
        alerts: position.alerts.filter((a) => a.itemId === id),
        attachments: await attachmentRowsOf(db, { itemId: id }),
        repossessions: await repossessionsOf(db, { itemId: id }),
      };
    },

    'collateral.list': async (input) => {
      const today = clock.today();
      // Filter on ids first; only the page's rows are read in full.
      const [matches, position] = await Promise.all([
        registerItemIds(db, ctx.actor(), input),
        wholeBook(today),
      ]);
      const alerted = (id: number) => {
        const kinds = position.alertKindsByItem.get(id) ?? [];
        return input.alert === 'any' ? kinds.length > 0 : kinds.includes(input.alert as AlertKind);
      };
      const ids = matches.map((m) => m.id).filter((id) => !input.alert || alerted(id));
      const page = ids.slice(input.offset, input.offset + input.limit);
      const records = page.length ? await itemsWithBorrower(db, page) : [];
      return { rows: await rowsFor(records, position), total: ids.length };
    },

    'collateral.link': async ({ itemId, loanId }) => {
      const actor = requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        const item = await findItem(trx, itemId);
        if (!item) throw notFound('item.notFound', itemId);
        if (item.status !== 'active')
          throw ruleViolation('item.notActive', { id: itemId, status: item.status });
        const [loan] = await loansForLinking(trx, [loanId], 'loanId');
        if (loan!.borrower_id !== item.borrower_id)
          throw invalidField('loanId', 'item.otherBorrower', { number: loan!.number });
        if (await isLinked(trx, itemId, loanId))
          throw ruleViolation('item.alreadyLinked', { id: itemId, number: loan!.number });
        await insertLinks(trx, [linkRow(itemId, loanId, actor.displayName, clock.now())]);
        await appendAudit(trx, ctx, {
          entity: 'collateral',
          entityId: itemId,
          action: 'link',
          after: { loanId },
        });
        return { itemId, loanId };
      });
    },

    'collateral.unlink': async ({ itemId, loanId, reason }) => {
      requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        await refuseDuringRepossession(trx, itemId);
        if (!(await deleteLink(trx, itemId, loanId)))
          throw domainError('not-found', 'link.notFound', { itemId, loanId });
        await appendAudit(trx, ctx, {
          entity: 'collateral',
          entityId: itemId,
          action: 'unlink',
          before: { loanId },
          after: { reason },
        });
        return { itemId, loanId };
      });
    },

    'collateral.release': async ({ id, reason }) => {
      requirePermission(ctx.actor(), 'book.write');
      return db.transaction().execute(async (trx) => {
        const item = await findItem(trx, id);
        if (!item) throw notFound('item.notFound', id);
        if (item.status !== 'active') throw ruleViolation('item.notActive', { id, status: item.status });
        await refuseDuringRepossession(trx, id);
        await updateItem(trx, id, { status: 'released', updated_at: clock.now() });
        await appendAudit(trx, ctx, {
          entity: 'collateral',
          entityId: id,
          action: 'release',
          before: { status: item.status },
          after: { status: 'released', reason },
        });
        return { id };
      });
    },

    'collateral.forLoan': async ({ loanId }): Promise<LoanCollateral> => {
      const today = clock.today();
      if (!(await findLoan(db, loanId))) throw notFound('loan.notFound', loanId);
      const position = await bookPosition(db, today, await rulesOf(ctx), { loanIds: [loanId] });
      const records = await itemsSecuringLoan(db, loanId);
      const rows = await rowsFor(records, position);
      const lp = position.loans.get(loanId);
      return {
        exposure: lp?.exposure ?? 0,
        value: lp?.value ?? 0,
        ltvBasisPoints: lp?.ltvBasisPoints ?? null,
        items: rows.map((row) => ({ ...row, share: lp?.shares.get(row.id) ?? 0 })),
        alerts: position.alerts,
        repossessions: await repossessionsOf(db, { loanId }),
      };
    },

    'collateral.forBorrower': async ({ borrowerId }) => {
      const position = await bookPosition(db, clock.today(), await rulesOf(ctx), {
        loanIds: await loanIdsOfBorrower(db, borrowerId),
      });
      let exposure = 0;
      let value = 0;
      for (const l of position.loans.values()) {
        if (l.borrowerId !== borrowerId) continue;
        exposure += l.exposure;
        value += l.value;
      }
      const ltv = ltvOf(exposure, value);
      return {
        exposure,
        value,
        ltvBasisPoints: ltv ? ltvBasisPoints(ltv) : null,
        items: [...position.items.values()].filter((i) => i.record.borrower_id === borrowerId).length,
      };
    },

    'collateral.alertSummary': async ({ limit }) => {
      const { alerts: all } = await wholeBook(clock.today());
      const alerts = await keepInScope(db, ctx.actor(), all, (a) => a.loanId);
      return { total: alerts.length, first: alerts.slice(0, limit) };
    },

    'collateral.alerts': async ({ asOf, kind }) => {
      const position = await wholeBook(asOf ?? clock.today());
      const alerts = await keepInScope(db, ctx.actor(), position.alerts, (a) => a.loanId);
      return kind ? alerts.filter((a) => a.kind === kind) : alerts;
    },
  };
}

async function refuseDuringRepossession(db: Db, itemId: number) {
  const open = (await repossessionsOf(db, { itemId })).find((r) => r.next !== null && r.stage !== null);
  if (open) throw ruleViolation('item.inRepossession', { id: itemId, number: open.loanNumber });
}
