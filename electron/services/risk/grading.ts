import {
  classify,
  GRADES_OF,
  NON_PERFORMING,
  provisionBase,
  requiredProvision,
  type ClassificationRules,
} from '../../../shared/engine/classification';
import type { ClassificationSummary, GradeLine, ProductProvisionLine } from '../../../shared/contract/risk';
import { PRODUCTS, type Product } from '../../../shared/contract/loans';
import { rate4 } from '../../../shared/reports/rates';
import type { LoanOnBook } from './standings.query';

/** Each loan's grade, provision base and required provision on `asOf`. */
export function gradeLoans(rules: ClassificationRules, loans: readonly LoanOnBook[], asOf: string) {
  const grades = GRADES_OF[rules.profile];
  return loans.map((loan) => {
    // An override made under the other profile (the rules changed since) no longer names a grade.
    const override = loan.override && grades.includes(loan.override.grade) ? loan.override : null;
    const classification = classify(rules, { ...loan, override }, asOf);
    const base = provisionBase(rules, loan);
    return { loan, classification, base, provision: requiredProvision(rules, classification.grade, base) };
  });
}

export type GradedLoan = ReturnType<typeof gradeLoans>[number];

/** Every grade's loans, balances and provision, and the NPL and coverage ratios that follow. */
export function summarize(rules: ClassificationRules, graded: readonly GradedLoan[]): ClassificationSummary {
  const lines = new Map<string, GradeLine>(
    GRADES_OF[rules.profile].map((grade) => [
      grade,
      { grade, loans: 0, outstanding: 0, base: 0, provision: 0 },
    ]),
  );
  for (const { classification, loan, base, provision } of graded) {
    const line = lines.get(classification.grade)!;
    line.loans += 1;
    line.outstanding += loan.outstandingPrincipal;
    line.base += base;
    line.provision += provision;
  }
  const products = new Map<Product, ProductProvisionLine>(
    PRODUCTS.map((product) => [
      product,
      { product, loans: 0, outstanding: 0, nonPerforming: 0, provision: 0 },
    ]),
  );
  for (const { classification, loan, provision } of graded) {
    const line = products.get(loan.product)!;
    line.loans += 1;
    line.outstanding += loan.outstandingPrincipal;
    if (NON_PERFORMING.has(classification.grade)) line.nonPerforming += loan.outstandingPrincipal;
    line.provision += provision;
  }
  const grades = [...lines.values()];
  const sum = (pick: (g: GradeLine) => number, of = grades) => of.reduce((n, g) => n + pick(g), 0);
  const outstanding = sum((g) => g.outstanding);
  const provision = sum((g) => g.provision);
  const nonPerforming = sum(
    (g) => g.outstanding,
    grades.filter((g) => NON_PERFORMING.has(g.grade)),
  );
  return {
    profile: rules.profile,
    grades,
    products: [...products.values()],
    loans: sum((g) => g.loans),
    outstanding,
    provision,
    nonPerforming,
    nplRatio: outstanding === 0 ? null : rate4(nonPerforming, outstanding),
    coverage: nonPerforming === 0 ? null : rate4(provision, nonPerforming),
  };
}
