import { addMonthsClamped, lastDayOfMonth, monthOf } from '../../../shared/dates';
import type { RiskGrade } from '../../../shared/engine/classification';
import type { MigrationFrom, MigrationTo, MonthClassification } from '../../../shared/contract/risk';
import type { ServiceContext } from '../context';
import { keepMonthEndsThrough } from '../reports/month-end-cache';
import { gradeLoans, summarize, type GradedLoan } from './grading';
import { riskRulesByMonth } from './rules';
import { loansOnBook, loansAtMonthEnd, statusesAtMonthEnd } from './standings.query';

interface Graded {
  grade: RiskGrade;
  outstanding: number;
  provision: number;
}

function byId(graded: readonly GradedLoan[]) {
  return new Map<number, Graded>(
    graded.map((g) => [
      g.loan.loanId,
      { grade: g.classification.grade, outstanding: g.loan.outstandingPrincipal, provision: g.provision },
    ]),
  );
}

/**
 * A month's classification for the report: the grades at its end, the provision account's movement
 * from the month before, and how loans moved between grades. A completed month reads the month-end
 * cache, and each month is graded under the rules in force for it (`riskRulesByMonth`), so a
 * later change of rules never moves a month already reported. A month still running is graded
 * today, from the status cache.
 */
export async function classifyMonth(ctx: ServiceContext, month: string): Promise<MonthClassification> {
  const today = ctx.clock.today();
  const monthEnd = lastDayOfMonth(month);
  const completed = monthEnd < today;
  const asOf = completed ? monthEnd : today;
  const before = monthOf(addMonthsClamped(`${month}-01`, -1));
  await keepMonthEndsThrough(ctx.db, completed ? month : before);
  const rulesOf = await riskRulesByMonth(ctx.db);
  const [rules, rulesBefore] = [rulesOf(month), rulesOf(before)];
  const now = completed ? await loansAtMonthEnd(ctx, month) : await loansOnBook(ctx, today);
  const then = byId(gradeLoans(rulesBefore, await loansAtMonthEnd(ctx, before), lastDayOfMonth(before)));
  const graded = gradeLoans(rules, now, asOf);
  const nowById = byId(graded);

  const leavers = [...then.keys()].filter((id) => !nowById.has(id));
  const leftAs = await statusesAtMonthEnd(ctx, completed ? month : null, leavers);
  const movement = { opening: 0, charge: 0, release: 0, usedByWriteOffs: 0, closing: 0 };
  const cells = new Map<
    string,
    { from: MigrationFrom; to: MigrationTo; loans: number; outstanding: number }
  >();
  const move = (from: MigrationFrom, to: MigrationTo, outstanding: number) => {
    const key = `${from}>${to}`;
    const cell = cells.get(key) ?? { from, to, loans: 0, outstanding: 0 };
    cell.loans += 1;
    cell.outstanding += outstanding;
    cells.set(key, cell);
  };
  const change = (delta: number) => {
    if (delta > 0) movement.charge += delta;
    else movement.release -= delta;
  };
  for (const [id, was] of then) {
    movement.opening += was.provision;
    const is = nowById.get(id);
    if (is) {
      change(is.provision - was.provision);
      move(was.grade, is.grade, is.outstanding);
    } else if (leftAs.get(id) === 'written-off') {
      // Written off: what was set aside against the loan is used, not released.
      movement.usedByWriteOffs += was.provision;
      move(was.grade, 'written-off', was.outstanding);
    } else {
      change(-was.provision);
      move(was.grade, 'closed', was.outstanding);
    }
  }
  for (const [id, is] of nowById) {
    if (then.has(id)) continue;
    change(is.provision);
    move('new', is.grade, is.outstanding);
  }
  const summary = summarize(rules, graded);
  movement.closing = summary.provision;
  return { month, asOf, ...summary, movement, migration: [...cells.values()] };
}

/**
 * The provision the rules required at a completed month's end: what the ledger's provision account
 * must hold then. The grading `classifyMonth` does, without the movement and migration.
 */
export async function requiredProvisionAt(ctx: ServiceContext, month: string): Promise<number> {
  const rules = (await riskRulesByMonth(ctx.db))(month);
  return gradeLoans(rules, await loansAtMonthEnd(ctx, month), lastDayOfMonth(month)).reduce(
    (sum, g) => sum + g.provision,
    0,
  );
}
