import type { MessagePortMain, ParentPort } from 'electron';
import type { PortEnd } from '../../shared/contract';
import { runHost, type HostParent } from './host';

/**
 * The service host's entry point. In the desktop app Electron starts it as a utilityProcess
 * (`process.parentPort`, with a MessagePort per window); under plain Node the tests and the bench
 * fork it as a child process, and its IPC channel is both the line and the only port.
 */
const electronParent = (process as { parentPort?: ParentPort }).parentPort;

const electronPort = (port: MessagePortMain): PortEnd => ({
  postMessage: (message) => port.postMessage(message),
  listen: (listener) => {
    port.on('message', (event) => listener(event.data));
    port.start();
  },
});

function parentOf(): HostParent {
  if (electronParent) {
    const lineListeners: ((message: unknown) => void)[] = [];
    const portListeners: ((port: PortEnd) => void)[] = [];
    electronParent.on('message', (event) => {
      // A 'connect' carries a window's port; everything else is for the line.
      if (event.ports.length > 0) {
        for (const port of event.ports) portListeners.forEach((l) => l(electronPort(port)));
      } else {
        lineListeners.forEach((l) => l(event.data));
      }
    });
    return {
      line: {
        postMessage: (message) => electronParent.postMessage(message),
        listen: (listener) => void lineListeners.push(listener),
      },
      onPort: (listener) => void portListeners.push(listener),
    };
  }
  const send = process.send?.bind(process);
  if (!send)
    throw new Error('The Pledgebook service host must be started by the app (or a test), not on its own.');
  return {
    line: {
      postMessage: (message) => void send(message),
      listen: (listener) => process.on('message', listener),
    },
    onPort: () => undefined,
  };
}

// A host that hits a bug it did not catch stops at once; main restarts it and nothing half-written
// survives, because every contract call is one transaction.
process.on('uncaughtException', (error) => {
  console.error('service host stopped:', error);
  process.exit(70);
});
// Without its parent the host has nobody to serve.
process.on('disconnect', () => process.exit(0));

runHost(parentOf());
