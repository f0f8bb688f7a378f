import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createPortClient, type PortClient, type PortEnd } from '../../shared/contract';
import { createLink, type Link } from '../../electron/host/link';
import type { HostNotice, HostOptions, ParentMessage } from '../../electron/host/host';

export const HOST_ENTRY = resolve(__dirname, '../../electron/host/entry.ts');

export interface NodeHost {
  child: ChildProcess;
  /** The contract through the host's port, as the window uses it. */
  client: PortClient;
  /** Main's private line: backUpTo, close, restore. */
  link: Link;
  /** The first notice: ready, or refused with the reason. */
  opened: Promise<HostNotice>;
  /** Resolves with the exit code (or the signal's name) when the host process ends. */
  exited: Promise<number | string | null>;
  /** Closes the book cleanly (last backup) and waits for the process to end. */
  close(): Promise<void>;
}

/**
 * Starts the service host under plain Node, as main starts it under Electron: the same entry
 * point (electron/host/entry.ts, run through tsx), the same line and the same port protocol, with
 * a child process in place of the utilityProcess. Tests and the bench drive it like a window.
 */
export function startNodeHost(
  options: HostOptions,
  answer: Parameters<typeof createLink>[1] = {},
  /** The built bundle (out/main/host.js) instead of the TypeScript entry run through tsx. */
  entry: { path: string; built: true } | null = null,
): NodeHost {
  const child = fork(entry?.path ?? HOST_ENTRY, [], {
    execArgv: entry ? [] : ['--import', 'tsx'],
    // Structured clone, as a MessagePort carries it, rather than JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const line: PortEnd = {
    postMessage: (message) => {
      if (child.connected) child.send(message as never);
    },
    listen: (listener) => void child.on('message', listener),
  };
  const exited = new Promise<number | string | null>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal)),
  );
  const opened = new Promise<HostNotice>((done, fail) => {
    line.listen((m) => {
      const kind = (m as { kind?: unknown })?.kind;
      if (kind === 'ready' || kind === 'refused') done(m as HostNotice);
    });
    void exited.then((code) => fail(new Error(`the service host ended before opening the book (${code})`)));
  });
  const client = createPortClient(line);
  const link = createLink(line, { progressBar: () => undefined, ...answer });
  line.postMessage({ kind: 'open', options } satisfies ParentMessage);
  return {
    child,
    client,
    link,
    opened,
    exited,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await link.ask('close');
        child.disconnect();
      }
      await exited;
    },
  };
}
