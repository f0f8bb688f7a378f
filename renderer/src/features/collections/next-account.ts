import type { WorklistRow } from '../../../../shared/contract';

/**
 * "Work next account" walks down the list once per session: an account opened from it is not
 * offered again (nor is one already worked today), so the collector never loops back.
 */
const KEY = 'pledgebook.collections.visited';

export function visitedAccounts(): Set<number> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as number[]);
  } catch {
    return new Set();
  }
}

export function markVisited(loanId: number): void {
  const visited = visitedAccounts();
  visited.add(loanId);
  sessionStorage.setItem(KEY, JSON.stringify([...visited]));
}

export function nextAccount(rows: readonly WorklistRow[], current?: number): WorklistRow | undefined {
  const visited = visitedAccounts();
  return rows.find((r) => r.loanId !== current && !visited.has(r.loanId) && !r.workedToday);
}
