/**
 * How a seeded borrower pays: walks the loan's schedule, asks the shared statement engine what is
 * owed on each payment date, and pays some of it — never more than the payoff that day, never
 * before disbursement, never after as-of. The result is a payment history whose delinquency the
 * engine itself produced, so the seeded book ages exactly like a real one would.
 */
import {
  computeStatement,
  type Payment,
  type ScheduledInstallment,
  type Statement,
} from '../../../shared/engine';
import { addDays, daysBetween, type IsoDate } from '../../../shared/dates';
import { payoffOf } from '../loans/statement';
import type { Rng } from './prng';
import type { SeedTerms } from './terms';

export type BehaviourKind = 'punctual' | 'late' | 'partial' | 'defaulter' | 'payoff';

export type Behaviour =
  /**
   * Pays each installment on its due date or a few days before, now and then a few days late;
   * some borrowers habitually pay an installment in two transfers.
   */
  | { kind: 'punctual'; slip: number; split: number }
  /** Pays 3–40 days late, sometimes skips a month and catches up with the next payment. */
  | { kind: 'late'; minLate: number; maxLate: number; skip: number }
  /** Pays only part (50–90 %) of some installments; catches up once in a while. */
  | { kind: 'partial'; lo: number; hi: number; share: number; catchUp: number }
  /** Pays until installment `stopAt` (1-based), then stops; may send small sums afterwards. */
  | { kind: 'defaulter'; stopAt: number; trickle: boolean }
  /** Pays on time, then settles everything on `on`. */
  | { kind: 'payoff'; on: IsoDate };

/** Share of each behaviour among new loans, tuned so ≈15 % of open loans end up past due. */
export const BEHAVIOUR_MIX: readonly (readonly [BehaviourKind, number])[] = [
  ['punctual', 74],
  ['payoff', 14],
  ['late', 4],
  ['partial', 3],
  ['defaulter', 5],
];

/** DPD ranges a defaulter is aimed at, with weights: every aging bucket gets some. */
const DEFAULT_DPD: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 30], 12],
  [[31, 60], 18],
  [[61, 90], 22],
  [[91, 180], 28],
  [[181, 100_000], 20],
];

export function drawBehaviour(
  rng: Rng,
  terms: SeedTerms,
  installments: readonly ScheduledInstallment[],
  asOf: IsoDate,
): Behaviour {
  const kind = rng.weighted(BEHAVIOUR_MIX);
  switch (kind) {
    case 'punctual':
      return {
        kind,
        slip: rng.chance(0.5) ? 0 : rng.between(0.02, 0.12),
        split: rng.chance(0.25) ? rng.between(0.5, 0.9) : 0,
      };
    case 'late': {
      const minLate = rng.int(3, 10);
      return { kind, minLate, maxLate: minLate + rng.int(5, 30), skip: rng.between(0.05, 0.3) };
    }
    case 'partial':
      return {
        kind,
        lo: 0.5,
        hi: rng.between(0.6, 0.9),
        share: rng.between(0.3, 0.8),
        catchUp: rng.between(0.05, 0.3),
      };
    case 'defaulter': {
      // Aim at a DPD range; stop at the installment whose due date puts the loan there today.
      const [lo, hi] = rng.weighted(DEFAULT_DPD);
      // A loan too young or too old for that range stops where it comes closest.
      let stop: ScheduledInstallment | null = null;
      let best = Infinity;
      let ties = 0;
      for (const i of installments) {
        if (i.dueDate >= asOf) break;
        const dpd = daysBetween(i.dueDate, asOf);
        const distance = dpd < lo ? lo - dpd : dpd > hi ? dpd - hi : 0;
        if (distance < best) {
          [stop, best, ties] = [i, distance, 1];
        } else if (distance === best && rng.int(0, ties++) === 0) {
          stop = i; // reservoir sampling: each in-range installment equally likely
        }
      }
      return { kind, stopAt: stop ? stop.n : installments.length + 1, trickle: rng.chance(0.3) };
    }
    case 'payoff': {
      const maturity = installments[installments.length - 1]!.dueDate;
      const latest = maturity < asOf ? addDays(maturity, -1) : asOf;
      const span = daysBetween(terms.startDate, latest);
      // Settles at least two months in; a loan too young (or too short) for that just pays on time.
      if (span < 60) return { kind: 'punctual', slip: 0, split: 0 };
      return { kind, on: addDays(terms.startDate, rng.int(60, span)) };
    }
  }
}

export interface SimulatedLoan {
  payments: Payment[];
  /** The engine's statement as of `asOf`, with every payment. */
  statement: Statement;
  /** Nothing at all owed any more (principal, interest and penalty): the loan is closed. */
  settled: boolean;
}

/** Whole yuan, rounded down (amounts people hand over are round). */
const floorYuan = (minor: number, yuan: number) => Math.floor(minor / (yuan * 100)) * yuan * 100;

export function simulatePayments(
  rng: Rng,
  terms: SeedTerms,
  installments: readonly ScheduledInstallment[],
  behaviour: Behaviour,
  asOf: IsoDate,
): SimulatedLoan {
  const payments: Payment[] = [];
  const count = installments.length;
  const statementFor = (list: readonly ScheduledInstallment[], date: IsoDate) =>
    computeStatement({
      installments: list,
      penaltyDailyRatePercent: terms.penaltyDailyRatePercent,
      graceDays: terms.graceDays,
      payments,
      asOf: date,
      startDate: terms.startDate,
    });
  /** Σ principal of installments end…count−1: what an untouched schedule tail adds to payoff. */
  const tailPrincipal: number[] = new Array<number>(count + 1).fill(0);
  for (let i = count - 1; i >= 0; i--) tailPrincipal[i] = tailPrincipal[i + 1]! + installments[i]!.principal;

  /**
   * The engine's statement on `date` and the payoff that day. A long schedule is mostly future
   * installments nobody has touched yet, so the engine is first asked about the prefix that
   * matters: every installment due by `date`, those of the running period after it, and at least
   * the first `k`. If no money was left over in the prefix and nothing settled it, no payment
   * reached the tail, whose installments (due after the running period) add exactly their
   * principal to the payoff and earn no interest; otherwise the whole schedule is computed.
   * The seeded loans carry no prepayment fee, so payoff adds up this way.
   */
  const positionOn = (date: IsoDate, k: number): { s: Statement; payoff: number } => {
    let end = Math.max(1, k);
    while (end < count && installments[end]!.dueDate <= date) end++;
    const last = installments[end - 1]!.dueDate;
    const running = last > date ? last : installments[end]?.dueDate;
    while (end < count && installments[end]!.dueDate === running) end++;
    if (end < count) {
      const s = statementFor(installments.slice(0, end), date);
      if (s.unapplied === 0 && !s.allocations.some((a) => a.settlement)) {
        return { s, payoff: payoffOf(s) + tailPrincipal[end]! };
      }
    }
    const s = statementFor(installments, date);
    return { s, payoff: payoffOf(s) };
  };
  const firstDay = addDays(terms.startDate, 1);
  let last: IsoDate | null = null;
  let settled = false;

  /** The earliest allowed date on or after `date`, or null when that is after as-of. */
  const dateFrom = (date: IsoDate): IsoDate | null => {
    let d = date < firstDay ? firstDay : date;
    if (last !== null && d <= last) d = addDays(last, 1);
    return d > asOf ? null : d;
  };

  /**
   * Pays on `date`: `choose` gets what clears installments 1…k with all penalty due, the
   * statement and the payoff that day, and returns an amount (0: pay nothing); the payoff caps
   * it. Returns false when the loan was already settled.
   */
  const pay = (
    date: IsoDate,
    k: number,
    choose: (need: number, s: Statement, payoff: number) => number,
  ): boolean => {
    const { s, payoff } = positionOn(date, k);
    if (payoff === 0) {
      settled = true;
      return false;
    }
    let need = 0;
    for (const i of s.installments) {
      if (i.n <= k) need += i.total - i.paidPrincipal - i.paidInterest;
      need += i.penaltyDue;
    }
    const amount = Math.min(choose(need, s, payoff), payoff);
    if (amount <= 0) return true;
    payments.push({ date, amount });
    last = date;
    if (amount === payoff) settled = true;
    return true;
  };

  const onTimeDate = (due: IsoDate, slip: number): IsoDate =>
    rng.chance(slip) ? addDays(due, rng.int(1, 12)) : rng.chance(0.65) ? due : addDays(due, -rng.int(1, 5));

  for (let idx = 0; idx < count && !settled; idx++) {
    const inst = installments[idx]!;
    const k = inst.n;
    const isLast = idx === count - 1;
    let date: IsoDate | null;
    let choose: (need: number) => number = (need) => need;
    switch (behaviour.kind) {
      case 'punctual': {
        const due = onTimeDate(inst.dueDate, behaviour.slip);
        if (rng.chance(behaviour.split)) {
          // Two transfers (a bank's daily limit, or part in cash): a round share a few days ahead.
          const first = dateFrom(addDays(due, -rng.int(1, 6)));
          const share = rng.between(0.3, 0.7);
          if (first !== null && first < due) {
            pay(first, k, (need) => floorYuan(Math.round(need * share), 100));
          }
        }
        date = dateFrom(due);
        break;
      }
      case 'payoff':
        date = dateFrom(onTimeDate(inst.dueDate, 0));
        if (date !== null && date >= behaviour.on) date = null;
        break;
      case 'late':
        if (!isLast && rng.chance(behaviour.skip)) continue;
        date = dateFrom(addDays(inst.dueDate, rng.int(behaviour.minLate, behaviour.maxLate)));
        if (!isLast && rng.chance(0.25)) choose = (need) => Math.min(need, inst.principal + inst.interest);
        break;
      case 'partial': {
        date = dateFrom(addDays(inst.dueDate, rng.int(-3, 8)));
        const nominal = inst.principal + inst.interest;
        if (rng.chance(behaviour.catchUp)) break;
        if (rng.chance(behaviour.share)) {
          const part = floorYuan(Math.round(nominal * rng.between(behaviour.lo, behaviour.hi)), 100);
          choose = (need) => Math.min(need, part > 0 ? part : nominal);
        } else {
          choose = (need) => Math.min(need, nominal);
        }
        break;
      }
      case 'defaulter':
        if (k >= behaviour.stopAt) {
          date = null;
          break;
        }
        date = dateFrom(onTimeDate(inst.dueDate, 0.15));
        break;
    }
    if (date === null) break;
    if (!pay(date, k, choose)) break;
  }

  if (!settled && behaviour.kind === 'payoff') {
    const on = dateFrom(behaviour.on);
    if (on !== null) pay(on, count, (_need, _s, payoff) => payoff);
  }

  if (!settled && behaviour.kind === 'defaulter' && behaviour.trickle) {
    // Small sums sent to collections after the default, each less than the oldest arrears, so
    // the loan stays as late as it was.
    const stopped = installments.find((i) => i.n === behaviour.stopAt);
    if (stopped) {
      let from = stopped.dueDate;
      for (let t = rng.int(1, 3); t > 0; t--) {
        const gap = daysBetween(from, asOf);
        if (gap < 2) break;
        const date = dateFrom(addDays(from, rng.int(1, Math.min(gap, 90))));
        if (date === null) break;
        from = date;
        const offered = rng.int(5, 30) * 100 * 100;
        pay(date, 0, (_need, s) => {
          // The engine pays the oldest installment first: its penalty, interest, then principal.
          const oldest = s.installments.find((i) => i.paidPrincipal + i.paidInterest < i.total);
          if (!oldest) return 0;
          const cap =
            oldest.penaltyDue + oldest.total - oldest.paidPrincipal - oldest.paidInterest - 100 * 100;
          return Math.min(offered, floorYuan(cap, 100));
        });
      }
    }
  }

  const statement = statementFor(installments, asOf);
  return { payments, statement, settled: payoffOf(statement) === 0 };
}
