import type {
  ApiError,
  MethodInput,
  MethodName,
  MethodOutput,
  PledgebookBridge,
  Result,
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

/**
 * The renderer's only way into the app. Input and output types come from the contract in
 * shared/, so a renamed field breaks the build, not the user's day.
 */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = (await bridge().call(method, input)) as Result<MethodOutput<M>>;
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiCallError({
      code: 'internal',
      message: 'The data service gave an answer Pledgebook does not understand.',
    });
  }
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function onMenuCommand(listener: (command: string) => void): () => void {
  return window.pledgebook?.onCommand?.(listener) ?? (() => undefined);
}
