import { sql } from 'kysely';
import { addDays } from '../../../shared/dates';
import type { MonthActivity } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { loadCollectionSettings } from '../collections/settings';
import { evaluatedPromises } from '../collections/promises.query';
import type { CollateralAtDate } from '../collateral/at-date';
import { rate4 } from '../../../shared/reports/rates';

/**
 * The month's work outside the ledger: promises, contacts and guard overrides, plans, legal
 * cases, and collateral. Each figure is read as of the end of the month (promises are judged on
 * the payments dated by then), so a past month reads the same later.
 */
export async function monthActivity(
  ctx: ServiceContext,
  monthStart: string,
  monthEnd: string,
  /** The collateral behind the book at the month's end (see `collateralAtDate`). */
  collateral: CollateralAtDate & { overdueExposure: number },
): Promise<MonthActivity> {
  const { db } = ctx;

  // Promises: made in the month, and those falling due in it, judged at the month's end.
  const settings = await loadCollectionSettings(db);
  const made = await db
    .selectFrom('promises_to_pay')
    .selectAll()
    .where('made_on', '>=', monthStart)
    .where('made_on', '<=', monthEnd)
    .execute();
  const dueRows = await db
    .selectFrom('promises_to_pay')
    .selectAll()
    .where('due_date', '>=', monthStart)
    .where('due_date', '<=', monthEnd)
    .execute();
  const due = await evaluatedPromises(db, dueRows, monthEnd, settings.promiseToleranceDays);
  const promises = {
    made: made.length,
    madeAmount: made.reduce((s, p) => s + p.amount, 0),
    due: due.length,
    kept: due.filter((p) => p.status === 'kept').length,
    broken: due.filter((p) => p.status === 'broken').length,
    pending: due.filter((p) => p.status === 'pending').length,
  };

  const contacts = await db
    .selectFrom('collection_contacts')
    .select([
      'logged_by',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(CASE WHEN override_reason <> '' THEN 1 ELSE 0 END)`.as('overrides'),
    ])
    // Timestamps sort as text, so the month is a range the `at` index answers.
    .where('at', '>=', monthStart)
    .where('at', '<', addDays(monthEnd, 1))
    .groupBy('logged_by')
    .execute();
  const byCollector = new Map<
    string,
    { collector: string; contacts: number; promisesDue: number; kept: number; broken: number }
  >();
  const entry = (name: string) => {
    let e = byCollector.get(name);
    if (!e) byCollector.set(name, (e = { collector: name, contacts: 0, promisesDue: 0, kept: 0, broken: 0 }));
    return e;
  };
  for (const c of contacts) entry(c.logged_by).contacts += c.n;
  for (const p of due) {
    const e = entry(p.collector);
    e.promisesDue += 1;
    if (p.status === 'kept') e.kept += 1;
    if (p.status === 'broken') e.broken += 1;
  }

  const plans = await db
    .selectFrom('repayment_plans')
    .select([
      sql<number>`sum(CASE WHEN decided_at IS NOT NULL AND status NOT IN ('proposed', 'rejected') AND substr(decided_at, 1, 10) BETWEEN ${monthStart} AND ${monthEnd} THEN 1 ELSE 0 END)`.as(
        'approved',
      ),
      sql<number>`sum(CASE WHEN status = 'rejected' AND substr(decided_at, 1, 10) BETWEEN ${monthStart} AND ${monthEnd} THEN 1 ELSE 0 END)`.as(
        'rejected',
      ),
      sql<number>`sum(CASE WHEN status NOT IN ('proposed', 'rejected') AND substr(decided_at, 1, 10) <= ${monthEnd} AND (ended_on IS NULL OR ended_on > ${monthEnd}) THEN 1 ELSE 0 END)`.as(
        'active',
      ),
      sql<number>`sum(CASE WHEN status = 'broken' AND ended_on BETWEEN ${monthStart} AND ${monthEnd} THEN 1 ELSE 0 END)`.as(
        'broken',
      ),
      sql<number>`sum(CASE WHEN status = 'completed' AND ended_on BETWEEN ${monthStart} AND ${monthEnd} THEN 1 ELSE 0 END)`.as(
        'completed',
      ),
      sql<number>`coalesce(sum(CASE WHEN status NOT IN ('proposed', 'rejected') AND substr(decided_at, 1, 10) BETWEEN ${monthStart} AND ${monthEnd} THEN penalty_waived END), 0)`.as(
        'penaltyWaived',
      ),
    ])
    .executeTakeFirstOrThrow();

  const legal = await db
    .selectFrom('legal_cases')
    .select([
      sql<number>`sum(CASE WHEN opened_on BETWEEN ${monthStart} AND ${monthEnd} THEN 1 ELSE 0 END)`.as(
        'opened',
      ),
      sql<number>`sum(CASE WHEN closed_on BETWEEN ${monthStart} AND ${monthEnd} THEN 1 ELSE 0 END)`.as(
        'closed',
      ),
      sql<number>`sum(CASE WHEN opened_on <= ${monthEnd} AND (closed_on IS NULL OR closed_on > ${monthEnd}) THEN 1 ELSE 0 END)`.as(
        'open',
      ),
    ])
    .executeTakeFirstOrThrow();
  const costs = await db
    .selectFrom('legal_case_events')
    .select([
      sql<number>`coalesce(sum(cost), 0)`.as('costs'),
      sql<number>`coalesce(sum(CASE WHEN charge_to_loan = 1 THEN cost END), 0)`.as('charged'),
    ])
    .where('date', '>=', monthStart)
    .where('date', '<=', monthEnd)
    .executeTakeFirstOrThrow();

  const sales = await db
    .selectFrom('repossession_steps')
    .select([
      sql<number>`sum(CASE WHEN step = 'possessed' THEN 1 ELSE 0 END)`.as('possessed'),
      sql<number>`sum(CASE WHEN step = 'sold' THEN 1 ELSE 0 END)`.as('sold'),
      sql<number>`coalesce(sum(CASE WHEN step = 'sold' THEN gross_price END), 0)`.as('gross'),
      sql<number>`coalesce(sum(CASE WHEN step = 'sold' THEN selling_costs END), 0)`.as('sellingCosts'),
      sql<number>`coalesce(sum(CASE WHEN step = 'applied' THEN applied_amount END), 0)`.as('applied'),
    ])
    .where('reversed_at', 'is', null)
    .where('date', '>=', monthStart)
    .where('date', '<=', monthEnd)
    .executeTakeFirstOrThrow();
  const exposure = collateral.overdueExposure;
  const covered = collateral.overdueCollateralValue;
  const { ltvBreaches } = collateral;

  const n = (v: number | null) => v ?? 0;
  return {
    promises,
    collectors: [...byCollector.values()].sort((a, b) => a.collector.localeCompare(b.collector)),
    contactGuards: { overrides: contacts.reduce((s, c) => s + n(c.overrides), 0) },
    plans: {
      approved: n(plans.approved),
      rejected: n(plans.rejected),
      active: n(plans.active),
      broken: n(plans.broken),
      completed: n(plans.completed),
      penaltyWaived: n(plans.penaltyWaived),
    },
    legal: {
      opened: n(legal.opened),
      closed: n(legal.closed),
      open: n(legal.open),
      costs: costs.costs,
      chargedToLoans: costs.charged,
    },
    collateral: {
      overdueExposure: exposure,
      overdueCollateralValue: covered,
      coverage: rate4(covered, exposure),
      ltvBreaches,
      possessed: n(sales.possessed),
      sold: n(sales.sold),
      grossProceeds: sales.gross,
      sellingCosts: sales.sellingCosts,
      proceedsApplied: sales.applied,
    },
  };
}
