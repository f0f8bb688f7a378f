/**
 * How much of the debt the collateral covers. Pure arithmetic on minor units and exact ratios;
 * the database side (which loans, which valuations) lives in electron/services/collateral.
 */
import { Ratio, roundToMinor, type Minor } from '../money';
import type { Statement } from '../engine';

/** What the lender stands to lose today if the loan stopped here: the collateral must cover it. */
export function exposureOf(statement: Pick<Statement, 'outstandingPrincipal' | 'overdue'>): Minor {
  return statement.outstandingPrincipal + statement.overdue.interest + statement.overdue.penalty;
}

/** Loan-to-value as an exact ratio (exposure ÷ value); null when there is no value to divide by. */
export function ltvOf(exposure: Minor, value: Minor): Ratio | null {
  if (value === 0) return null;
  return Ratio.of(BigInt(exposure), BigInt(value));
}

/** LTV as whole basis points (70% → 7000), rounded by the project's one rule; for display and sorting. */
export function ltvBasisPoints(ltv: Ratio): number {
  return Number(ltv.mul(Ratio.fromInteger(10000)).roundHalfUp());
}

export interface Claim {
  loanId: number;
  /** The loan's outstanding principal, which sets its share of the item. */
  weight: Minor;
}

/**
 * Splits one item's value across the open loans it secures, in proportion to their outstanding
 * principal (equally when all of them are 0). Each share is rounded with `roundToMinor`; whatever
 * the rounding leaves over or takes away (a few minor units at most) goes to the largest share —
 * ties to the lowest loan id — so the shares always add up to exactly `value`.
 */
export function splitValue(value: Minor, claims: readonly Claim[]): Map<number, Minor> {
  const shares = new Map<number, Minor>();
  if (claims.length === 0) return shares;
  // Most items secure one loan, which takes the whole value: no ratios to build.
  if (claims.length === 1) return shares.set(claims[0]!.loanId, value);
  const total = claims.reduce((sum, c) => sum + c.weight, 0);
  const exact = (c: Claim): Ratio =>
    total === 0
      ? Ratio.of(BigInt(value), BigInt(claims.length))
      : Ratio.of(BigInt(value) * BigInt(c.weight), BigInt(total));
  let allocated = 0;
  for (const c of claims) {
    const share = roundToMinor(exact(c));
    shares.set(c.loanId, share);
    allocated += share;
  }
  const largest = [...shares.entries()].reduce((best, e) =>
    e[1] > best[1] || (e[1] === best[1] && e[0] < best[0]) ? e : best,
  );
  shares.set(largest[0], largest[1] + (value - allocated));
  return shares;
}
