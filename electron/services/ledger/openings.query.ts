/**
 * The cash and the money held for borrowers before a month starts, summed from the dated events
 * with the journal's own rules (`loanMonthEntries`): the accounts no month-end figure of the
 * report describes. The loan accounts open on the report's own month-end figures instead.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/db';

const total = async (q: Promise<{ v: number | string | null } | undefined>) => Number((await q)?.v ?? 0);

export async function cashAndPayablesBefore(
  db: Db,
  start: string,
): Promise<{ bank: number; otherPayables: number }> {
  const sum = (expression: string) => sql<number>`coalesce(sum(${sql.raw(expression)}), 0)`.as('v');
  const fromSale = db
    .selectFrom('repossession_steps')
    .select('payment_id')
    .where('step', '=', 'applied')
    .where('reversed_at', 'is', null)
    .where('payment_id', 'is not', null);

  const lent = await total(
    db
      .selectFrom('loans')
      .select(sum('upfront_fee - principal'))
      .where('status', '<>', 'draft')
      .where('start_date', '<', start)
      .executeTakeFirst(),
  );
  // Every payment row is money in, a reversal row money out (one pass over the date index); a
  // payment from sale proceeds came out of the proceeds held, not the bank.
  const received = await total(
    db
      .selectFrom('payments')
      .select(sum('CASE WHEN reverses_payment_id IS NULL THEN amount ELSE -amount END'))
      .where('date', '<', start)
      .executeTakeFirst(),
  );
  const fromProceeds = await total(
    db
      .selectFrom('payments')
      .select(sum('amount'))
      .where('date', '<', start)
      .where('id', 'in', fromSale as never)
      .executeTakeFirst(),
  );
  const legal = await total(
    db
      .selectFrom('legal_case_events')
      .select(sum('cost'))
      .where('cost', '>', 0)
      .where('date', '<', start)
      .executeTakeFirst(),
  );
  const recovered = await total(
    db.selectFrom('recoveries').select(sum('amount')).where('date', '<', start).executeTakeFirst(),
  );
  const sales = await db
    .selectFrom('repossession_steps as a')
    .innerJoin('repossession_steps as s', 's.repossession_id', 'a.repossession_id')
    .leftJoin('payments as p', 'p.id', 'a.payment_id')
    .select([
      'a.id',
      sql<number>`coalesce(p.amount, 0)`.as('applied'),
      sql<number>`coalesce(sum(coalesce(s.gross_price, 0)), 0)`.as('gross'),
      sql<number>`coalesce(sum(coalesce(s.storage_cost, 0) + coalesce(s.towing_cost, 0) + coalesce(s.selling_costs, 0)), 0)`.as(
        'costs',
      ),
    ])
    .where('a.step', '=', 'applied')
    .where('a.reversed_at', 'is', null)
    .where('s.reversed_at', 'is', null)
    .where('a.date', '<', start)
    .groupBy(['a.id', 'p.amount'])
    .execute();
  let saleCash = 0;
  let proceedsHeld = 0;
  for (const s of sales) {
    saleCash += Number(s.gross) - Number(s.costs);
    proceedsHeld += Number(s.gross) - Math.min(Number(s.costs), Number(s.gross)) - Number(s.applied);
  }
  // Held for borrowers: money paid beyond what was owed (each loan's latest month end before the
  // month) and payments not yet reversed by then.
  const unapplied = await total(
    db
      .selectFrom('loan_month_ends as e')
      .select(sum('e.unapplied'))
      .where('e.unapplied', '<>', 0)
      .where('e.month', '<', start.slice(0, 7))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('loan_month_ends as x')
              .select('x.loan_id')
              .whereRef('x.loan_id', '=', 'e.loan_id')
              .whereRef('x.month', '>', 'e.month')
              .where('x.month', '<', start.slice(0, 7)),
          ),
        ),
      )
      .executeTakeFirst(),
  );
  const pendingReversal = await total(
    db
      .selectFrom('payments as r')
      .innerJoin('payments as o', 'o.id', 'r.reverses_payment_id')
      .select(sum('o.amount'))
      .where('r.reverses_payment_id', 'is not', null)
      .where('o.date', '<', start)
      .where('r.date', '>=', start)
      .executeTakeFirst(),
  );
  return {
    bank: lent + received - fromProceeds - legal + recovered + saleCash,
    otherPayables: -(unapplied + pendingReversal + proceedsHeld),
  };
}
