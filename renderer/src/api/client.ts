import type {
  ApiError,
  MethodInput,
  MethodName,
  MethodOutput,
  PledgebookBridge,
  Result,
  WorkProgress,
} from '../../../shared/contract';

declare global {
  interface Window {
    pledgebook?: PledgebookBridge;
  }
}

/** A contract error carried as an exception inside the renderer, so React Query and error boundaries see it. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

function bridge(): PledgebookBridge {
  const found = window.pledgebook;
  if (!found) {
    throw new ApiCallError({
      code: 'unavailable',
      message: 'Pledgebook is not connected to its data service.',
    });
  }
  return found;
}

/** For long work: where its progress goes, and a signal that cancels it (nothing is saved). */
export interface LongWork {
  onProgress?: (progress: WorkProgress) => void;
  signal?: AbortSignal;
}

let lastTicket = 0;

/**
 * The renderer's only way into the app. Input and output types come from the contract in
 * shared/, so a renamed field breaks the build, not the user's day.
 */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  work: LongWork = {},
): Promise<MethodOutput<M>> {
  const to = bridge();
  if (work.signal?.aborted) {
    throw new ApiCallError({ code: 'cancelled', message: 'Stopped before it started; nothing was saved.' });
  }
  // The bridge cannot carry an AbortSignal, so a cancellable call is named by a ticket.
  const ticket = work.signal ? `call-${++lastTicket}` : undefined;
  const cancel = () => ticket && to.cancel?.(ticket);
  work.signal?.addEventListener('abort', cancel, { once: true });
  const options = work.onProgress || ticket ? { onProgress: work.onProgress, ticket } : undefined;
  try {
    const result = (await to.call(method, input, options)) as Result<MethodOutput<M>>;
    if (!result || typeof result !== 'object' || !('ok' in result)) {
      throw new ApiCallError({
        code: 'internal',
        message: 'The data service gave an answer Pledgebook does not understand.',
      });
    }
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  } finally {
    work.signal?.removeEventListener('abort', cancel);
  }
}

/** Whether an error is the answer to a cancel the user asked for (nothing to report). */
export const isCancelled = (error: unknown) =>
  error instanceof ApiCallError && error.error.code === 'cancelled';

export function onMenuCommand(listener: (command: string) => void): () => void {
  return window.pledgebook?.onCommand?.(listener) ?? (() => undefined);
}
