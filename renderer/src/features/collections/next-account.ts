import type { MethodInput } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';

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
 * "Work next account": asks the service for the first account in priority order (under the same
 * filter) not opened this session nor worked today; it pages down the ranked list to find it.
 * `find` reports the account, or that none is left; `error` is for the screen to show.
 */
export function useNextAccount(onFound: (loanId: number) => void, onNone: () => void) {
  const next = useApiMutation('collections.nextAccount');
  const find = (filter: WorklistFilter, current?: number) => {
    const skip = visitedAccounts();
    if (current !== undefined) skip.add(current);
    next.mutate(
      { ...filter, skip: [...skip] },
      { onSuccess: ({ loanId }) => (loanId === null ? onNone() : onFound(loanId)) },
    );
  };
  return { find, pending: next.isPending, error: next.error };
}
