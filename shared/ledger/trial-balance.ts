/**
 * The trial balance of a month and the ties that prove the journal: each account's opening
 * balance, the month's debits and credits, and its closing balance; and the figures the ledger
 * must agree with, computed elsewhere (the report's outstanding principal, the required provision,
 * the interest collected or accrued).
 */
import type { Minor } from '../money/amount';
import { ACCOUNT_ROLES, PROFIT_AND_LOSS, type AccountRole } from './chart';
import type { JournalEntry } from './journal';

/** Balances are signed: debit positive, credit negative. */
export interface TrialBalanceRow {
  account: AccountRole;
  opening: Minor;
  debit: Minor;
  credit: Minor;
  closing: Minor;
}

export type Openings = Record<AccountRole, Minor>;

export const TIE_NAMES = [
  'balanced',
  'loans',
  'foreclosed',
  'provision',
  'interestReceivable',
  'interestIncome',
] as const;
export type TieName = (typeof TIE_NAMES)[number];

export interface Tie {
  name: TieName;
  /** What the ledger says (debits for `balanced`; a signed balance otherwise). */
  ledger: Minor;
  /** What it must equal (credits for `balanced`). */
  expected: Minor;
  difference: Minor;
  /** The loans whose own figures differ, largest difference first (at most 20). */
  loans: { loanId: number; number: string; difference: Minor }[];
}

/** Every account's row; income and expense accounts open at zero each month. */
export function trialBalance(openings: Openings, entries: readonly JournalEntry[]): TrialBalanceRow[] {
  const rows = new Map<AccountRole, TrialBalanceRow>(
    ACCOUNT_ROLES.map((account) => {
      const opening = PROFIT_AND_LOSS.includes(account) ? 0 : openings[account];
      return [account, { account, opening, debit: 0, credit: 0, closing: opening }];
    }),
  );
  for (const e of entries) {
    for (const l of e.lines) {
      const row = rows.get(l.account)!;
      row.debit += l.debit;
      row.credit += l.credit;
      row.closing += l.debit - l.credit;
    }
  }
  return [...rows.values()];
}

/**
 * The retained earnings the books open the month with: whatever the other accounts' openings do
 * not balance is the profit of the months before (the loan book's own equity).
 */
export function withRetainedEarnings(openings: Omit<Openings, 'retainedEarnings'>): Openings {
  let others = 0;
  for (const account of ACCOUNT_ROLES) {
    if (account === 'retainedEarnings' || PROFIT_AND_LOSS.includes(account)) continue;
    others += openings[account as Exclude<AccountRole, 'retainedEarnings'>];
  }
  return { ...openings, retainedEarnings: -others } as Openings;
}

/** A tie from its two figures and the loans' own differences (zero ones dropped). */
export function tie(
  name: TieName,
  ledger: Minor,
  expected: Minor,
  loans: { loanId: number; number: string; difference: Minor }[] = [],
): Tie {
  return {
    name,
    ledger,
    expected,
    difference: ledger - expected,
    loans: loans
      .filter((l) => l.difference !== 0)
      .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.number.localeCompare(b.number))
      .slice(0, 20),
  };
}
