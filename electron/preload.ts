import { contextBridge, ipcRenderer } from 'electron';
import { createPortClient, type PortClient, type WorkProgress } from '../shared/contract/port';

// The renderer gets exactly one narrow object: a call into the typed contract, a cancel for long
// work, and a way to hear menu commands. Never ipcRenderer, never the port itself, never a
// channel of its choosing. Calls go over a MessagePort to the service host, which main hands to
// this frame only after checking it is our own top-level page.
const PORT_REQUEST_CHANNEL = 'pledgebook:connect';
const PORT_CHANNEL = 'pledgebook:port';
const COMMAND_CHANNEL = 'pledgebook:command';

let client: PortClient | undefined;
/** Main refused this page a port (it is not Pledgebook's own): every call is refused too. */
let refused = false;
/** Calls made before the port arrived (the first moments after load), sent once it does. */
const waiting: ((to: PortClient | null) => void)[] = [];
const cancels = new Map<string, AbortController>();

const REFUSAL = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'This page is not Pledgebook and may not use its data.' },
} as const;

ipcRenderer.on(PORT_CHANNEL, (event, message: unknown) => {
  const port = event.ports[0];
  if (!port) {
    if (message === 'refused' && !client) {
      refused = true;
      waiting.splice(0).forEach((send) => send(null));
    }
    return;
  }
  const previous = client;
  client = createPortClient({
    postMessage: (message) => port.postMessage(message),
    listen: (listener) => {
      port.onmessage = (e: { data: unknown }) => listener(e.data);
    },
  });
  // A second port means the host was restarted: what the old one was serving was rolled back.
  previous?.failPending({
    code: 'unavailable',
    message: 'The data service stopped and was restarted; nothing was saved.',
    reason: 'host.stopped',
  });
  const ready = client;
  waiting.splice(0).forEach((send) => send(ready));
});
ipcRenderer.send(PORT_REQUEST_CHANNEL);

contextBridge.exposeInMainWorld('pledgebook', {
  call: (
    method: string,
    input: unknown,
    options?: { onProgress?: (progress: WorkProgress) => void; ticket?: string },
  ) =>
    new Promise((resolve) => {
      const ticket = typeof options?.ticket === 'string' ? options.ticket : undefined;
      const stop = ticket === undefined ? undefined : new AbortController();
      if (ticket !== undefined && stop) cancels.set(ticket, stop);
      const send = (to: PortClient | null) => {
        if (!to) return resolve(REFUSAL);
        void to
          .call(String(method), input, { onProgress: options?.onProgress, signal: stop?.signal })
          .then(resolve)
          .finally(() => ticket !== undefined && cancels.delete(ticket));
      };
      if (client) send(client);
      else if (refused) send(null);
      else waiting.push(send);
    }),
  cancel: (ticket: string) => cancels.get(String(ticket))?.abort(),
  onCommand: (listener: (command: string) => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
  },
});
