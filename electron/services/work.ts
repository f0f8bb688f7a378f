import { AsyncLocalStorage } from 'node:async_hooks';
import type { WorkProgress } from '../../shared/contract';
import { domainError } from './errors';

/**
 * The call a service is working for: where its progress goes and whether its caller has asked it
 * to stop. Carried by AsyncLocalStorage so the long jobs (imports, the month-end cache, backups)
 * report and stop without every handler signature growing two parameters.
 */
export interface Work {
  signal?: AbortSignal;
  progress?(progress: WorkProgress): void;
}

const current = new AsyncLocalStorage<Work>();

export const runAsWork = <T>(work: Work, run: () => Promise<T>): Promise<T> => current.run(work, run);

/** The call being served, if it asked for progress or may be cancelled. */
export const currentWork = (): Work | undefined => current.getStore();

export function reportProgress(progress: WorkProgress): void {
  current.getStore()?.progress?.(progress);
}

/**
 * Throws `cancelled` when the caller has asked to stop. Called only where stopping leaves nothing
 * half-written: inside a transaction (which then rolls back) or between whole transactions.
 */
export function stopIfCancelled(work: Work | undefined = current.getStore()): void {
  if (work?.signal?.aborted) throw domainError('cancelled', 'work.cancelled');
}
