import type { MethodInput } from '../../../../shared/contract';
import { call } from '../../api/client';

type WorklistFilter = Omit<MethodInput<'collections.nextAccount'>, 'skip'>;

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

/**
 * The next account to work: the first in priority order (under the same filter) that was not
 * opened this session, nor worked today. The service pages down the ranked list to find it.
 */
export async function nextAccountId(filter: WorklistFilter, current?: number): Promise<number | null> {
  const skip = visitedAccounts();
  if (current !== undefined) skip.add(current);
  const { loanId } = await call('collections.nextAccount', { ...filter, skip: [...skip] });
  return loanId;
}
