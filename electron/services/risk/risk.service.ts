import type { BookClassification, LoanGrade, LoanGradeLine } from '../../../shared/contract/risk';
import { gradeLoans, summarize, type GradedLoan } from './grading';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { loanNumbersOf, loansOnBook } from './standings.query';
import { riskRulesOf } from './rules';

/** The book's classification on `asOf`: every grade's loans, balances and provision, and the ratios. */
export async function classifyBook(
  ctx: ServiceContext,
  asOf: string,
  perLoan = false,
): Promise<BookClassification> {
  const rules = await riskRulesOf(ctx.db);
  const graded = gradeLoans(rules, await loansOnBook(ctx, asOf), asOf);
  return {
    asOf,
    ...summarize(rules, graded),
    ...(perLoan ? { perLoan: await linesOf(ctx, graded) } : {}),
  };
}

async function linesOf(ctx: ServiceContext, graded: readonly GradedLoan[]): Promise<LoanGradeLine[]> {
  const numbers = await loanNumbersOf(
    ctx,
    graded.map((g) => g.loan.loanId),
  );
  return graded
    .map(({ loan, classification, base, provision }) => ({
      ...classification,
      loanId: loan.loanId,
      number: numbers.get(loan.loanId) ?? String(loan.loanId),
      daysPastDue: loan.daysPastDue,
      outstanding: loan.outstandingPrincipal,
      base,
      provision,
    }))
    .sort((a, b) => a.number.localeCompare(b.number));
}

/** One loan's grade today, or null when it is not on the book (a draft, closed, written off). */
export async function gradeOfLoan(ctx: ServiceContext, loanId: number): Promise<LoanGrade | null> {
  const asOf = ctx.clock.today();
  const rules = await riskRulesOf(ctx.db);
  const [graded] = gradeLoans(rules, await loansOnBook(ctx, asOf, [loanId]), asOf);
  if (!graded) return null;
  return {
    ...graded.classification,
    loanId,
    asOf,
    profile: rules.profile,
    daysPastDue: graded.loan.daysPastDue,
    base: graded.base,
    provision: graded.provision,
    provisionPercent: rules.provisionPercent[graded.classification.grade] ?? '0',
  };
}

export function riskHandlers(ctx: ServiceContext): Pick<Handlers, 'reports.classification' | 'loans.grade'> {
  return {
    'reports.classification': ({ asOf, perLoan }) => classifyBook(ctx, asOf ?? ctx.clock.today(), perLoan),
    'loans.grade': ({ loanId }) => gradeOfLoan(ctx, loanId),
  };
}
