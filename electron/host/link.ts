import type { PortEnd } from '../../shared/contract';

/**
 * The private line between main and the service host: each side asks the other by name and gets
 * one answer. Main asks for the book's own jobs (back up now, close, restore); the host asks for
 * what only main can do (a save dialog, printing to PDF, the taskbar progress bar).
 */
export type LinkMessage =
  | { kind: 'ask'; id: number; name: string; args: unknown }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; message: string };

export type Answerers = Record<string, (args: never) => Promise<unknown> | unknown>;

export interface Link {
  ask<T = unknown>(name: string, args?: unknown): Promise<T>;
}

const isLinkMessage = (m: unknown): m is LinkMessage =>
  typeof m === 'object' &&
  m !== null &&
  ((m as { kind?: unknown }).kind === 'ask' || (m as { kind?: unknown }).kind === 'answer') &&
  typeof (m as { id?: unknown }).id === 'number';

export function createLink(end: PortEnd, answerers: Answerers): Link {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  end.listen((message) => {
    if (!isLinkMessage(message)) return;
    if (message.kind === 'answer') {
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) w?.resolve(message.value);
      else w?.reject(new Error(message.message));
      return;
    }
    const answerer = answerers[message.name] as ((args: unknown) => unknown) | undefined;
    const { id } = message;
    void (async () => {
      try {
        if (!answerer) throw new Error(`nobody answers ${message.name}`);
        const value = await answerer(message.args);
        end.postMessage({ kind: 'answer', id, ok: true, value } satisfies LinkMessage);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        end.postMessage({ kind: 'answer', id, ok: false, message: text } satisfies LinkMessage);
      }
    })();
  });
  return {
    ask: <T>(name: string, args?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        end.postMessage({ kind: 'ask', id, name, args } satisfies LinkMessage);
      }),
  };
}
