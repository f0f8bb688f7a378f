import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import { createPortClient, type PortClient, type PortEnd } from '../../shared/contract/port';
import { PORT_CHANNEL, type PortFrame } from '../ipc';
import type { HostNotice, HostOptions, ParentMessage } from './host';
import { createLink, type Answerers, type Link } from './link';

const NOTICES = new Set(['ready', 'refused', 'damaged']);
/** How long quitting waits for the host's last backup before ending it. */
const CLOSE_WAIT_MS = 120_000;

/**
 * Main's handle on the service host: starts it as a utilityProcess, opens the book there, and
 * hands each trusted window a MessagePort of its own. Main keeps a client on the line for its own
 * few calls (the due-today notification) and the link for backups, closing and restoring.
 */
export class HostProcess {
  readonly client: PortClient;
  readonly link: Link;
  private readonly child: UtilityProcess;
  private ending = false;

  constructor(
    entry: string,
    options: HostOptions,
    answerers: Answerers,
    events: { onNotice(notice: HostNotice): void; onUnexpectedExit(code: number): void },
  ) {
    this.child = utilityProcess.fork(entry, [], { serviceName: 'Pledgebook services', stdio: 'inherit' });
    const line: PortEnd = {
      postMessage: (message) => this.child.postMessage(message),
      listen: (listener) => void this.child.on('message', listener),
    };
    this.client = createPortClient(line);
    this.link = createLink(line, answerers);
    line.listen((message) => {
      const kind = (message as { kind?: unknown } | null)?.kind;
      if (typeof kind === 'string' && NOTICES.has(kind)) events.onNotice(message as HostNotice);
    });
    this.child.on('exit', (code) => {
      if (!this.ending) events.onUnexpectedExit(code);
    });
    line.postMessage({ kind: 'open', options } satisfies ParentMessage);
  }

  /** A port of its own for one window's top-level frame; the host serves it like the line. */
  connect(frame: PortFrame): void {
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ kind: 'connect' }, [port1]);
    frame.postMessage(PORT_CHANNEL, null, [port2]);
  }

  /**
   * Closes the book (with its last automatic backup) and ends the process. A host that does not
   * answer in time (hung, or busy past reason) is ended anyway: quitting must not hang, and what
   * it was writing rolls back with its transaction.
   */
  async close(): Promise<void> {
    this.ending = true;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    try {
      await Promise.race([this.link.ask('close'), gaveUp]);
    } finally {
      clearTimeout(timer);
      this.child.kill();
    }
  }

  /** Ends the process without closing the book: after a restore, or when the book was refused. */
  stop(): void {
    this.ending = true;
    this.child.kill();
  }
}
