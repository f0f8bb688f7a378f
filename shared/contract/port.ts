import type { ApiError, Result } from './result';

/**
 * The wire between a window (or any other client) and the service host: one MessagePort per
 * client. A call is answered once with its Result; long work sends progress first, and the
 * client may cancel it. Pure code: the preload, main, the host and the tests all speak it.
 */

/** How far a long piece of work has got: `done` of `total` in a named phase (total 0 while unknown). */
export interface WorkProgress {
  phase: string;
  done: number;
  total: number;
}

export type PortRequest =
  { kind: 'call'; id: number; method: string; input: unknown } | { kind: 'cancel'; id: number };

export type PortReply =
  | { kind: 'progress'; id: number; progress: WorkProgress }
  | { kind: 'result'; id: number; result: Result<unknown> };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** A message from a client, checked for shape; the method and input are checked by the dispatcher. */
export function isPortRequest(message: unknown): message is PortRequest {
  if (!isObject(message) || !isId(message.id)) return false;
  if (message.kind === 'cancel') return true;
  return message.kind === 'call' && typeof message.method === 'string';
}

export function isPortReply(message: unknown): message is PortReply {
  if (!isObject(message) || !isId(message.id)) return false;
  if (message.kind === 'progress') return isObject(message.progress);
  return message.kind === 'result' && isObject(message.result);
}

/** Either end of a port, whatever carries it (DOM MessagePort, Electron's, Node's, a child's IPC). */
export interface PortEnd {
  postMessage(message: unknown): void;
  /** Starts delivery to `listener`; messages that arrived earlier are delivered first. */
  listen(listener: (message: unknown) => void): void;
}

export interface CallOptions {
  onProgress?: (progress: WorkProgress) => void;
  signal?: AbortSignal;
}

export interface PortClient {
  call(method: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  /** Every call still waiting is answered with `error`, e.g. when the host behind the port died. */
  failPending(error: ApiError): void;
}

/** The calling side of a port: numbers calls, routes progress, turns an abort into a cancel. */
export function createPortClient(port: PortEnd): PortClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; options?: CallOptions }>();
  port.listen((message) => {
    if (!isPortReply(message)) return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.kind === 'progress') {
      waiting.options?.onProgress?.(message.progress);
      return;
    }
    pending.delete(message.id);
    waiting.resolve(message.result);
  });
  return {
    call(method, input, options) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { resolve, options });
        const signal = options?.signal;
        if (signal) {
          const cancel = () => port.postMessage({ kind: 'cancel', id } satisfies PortRequest);
          if (signal.aborted) queueMicrotask(cancel);
          else signal.addEventListener('abort', cancel, { once: true });
        }
        port.postMessage({ kind: 'call', id, method, input } satisfies PortRequest);
      });
    },
    failPending(error) {
      const waiting = [...pending.values()];
      pending.clear();
      for (const w of waiting) w.resolve({ ok: false, error });
    },
  };
}
