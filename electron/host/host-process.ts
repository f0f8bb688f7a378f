import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import { createPortClient, type PortClient, type PortEnd } from '../../shared/contract/port';
import { PORT_CHANNEL, type PortFrame } from '../ipc';
import type { HostNotice, HostOptions, ParentMessage } from './host';
import { createLink, type Answerers, type Link } from './link';

const NOTICES = new Set(['ready', 'refused', 'damaged']);

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

  /** Closes the book (with its last automatic backup) and ends the process. */
  async close(): Promise<void> {
    this.ending = true;
    try {
      await this.link.ask('close');
    } finally {
      this.child.kill();
    }
  }

  /** Ends the process without closing the book: after a restore, or when the book was refused. */
  stop(): void {
    this.ending = true;
    this.child.kill();
  }
}
