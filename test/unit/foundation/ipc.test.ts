import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  PORT_CHANNEL,
  PORT_REFUSED,
  PORT_REQUEST_CHANNEL,
  portRecipient,
  registerPortRequests,
  type PortFrame,
} from '../../../electron/ipc';
import { APP_ORIGIN } from '../../../electron/security';

/** A frame as main sees it; `postMessage` records any port handed to it. */
const frame = (url: string, parent: unknown = null): PortFrame => ({ url, parent, postMessage: vi.fn() });
const appFrame = (path = '/index.html') => frame(`${APP_ORIGIN}${path}`);
/** The IPC event of a port request from `sender` in a window whose top-level frame is `top`. */
const request = (sender: PortFrame | null, top: PortFrame | null = sender) => ({
  senderFrame: sender,
  sender: { mainFrame: top },
});

describe('handing the service host’s port to a frame', () => {
  it.each<[string, PortFrame | null, PortFrame | null]>([
    ['a foreign page', frame('https://evil.example/'), undefined as never],
    ['a local file', frame('file:///tmp/evil.html'), undefined as never],
    ['an iframe inside the app window', frame(`${APP_ORIGIN}/index.html`, appFrame()), appFrame()],
    ['an app-origin frame that is not the window’s top frame', appFrame(), appFrame()],
    ['a frame that has already gone away', null, appFrame()],
    ['the dev server when not developing', frame('http://localhost:5173/'), undefined as never],
  ])('refuses %s: it gets no port', (_who, sender, top) => {
    expect(portRecipient(request(sender, top === undefined ? sender : top))).toBeNull();
  });

  it('gives the app window’s own top-level frame its port', () => {
    const top = appFrame('/loans/7');
    expect(portRecipient(request(top))).toBe(top);
  });

  it('accepts the dev server only while developing', () => {
    const top = frame('http://localhost:5173/dashboard');
    expect(portRecipient(request(top), 'http://localhost:5173')).toBe(top);
    expect(portRecipient(request(top))).toBeNull();
  });
});

describe('listening for port requests', () => {
  const request = (sender: PortFrame | null, top: PortFrame | null = sender) => ({
    senderFrame: sender,
    sender: { mainFrame: top },
    reply: vi.fn(),
  });
  function listen() {
    const on = vi.fn();
    const handOver = vi.fn();
    registerPortRequests({ on } as unknown as Pick<IpcMain, 'on'>, handOver);
    expect(on).toHaveBeenCalledTimes(1);
    expect(on.mock.calls[0]?.[0]).toBe(PORT_REQUEST_CHANNEL);
    return { handOver, listener: on.mock.calls[0]?.[1] as (event: unknown) => void };
  }

  it('hands a port over for the app window, and tells anyone else they get none', () => {
    const { handOver, listener } = listen();
    const foreign = request(frame('https://evil.example/'));
    const iframe = request(frame(`${APP_ORIGIN}/`, appFrame()), appFrame());
    listener(foreign);
    listener(iframe);
    expect(handOver).not.toHaveBeenCalled();
    expect(foreign.reply).toHaveBeenCalledExactlyOnceWith(PORT_CHANNEL, PORT_REFUSED);
    expect(iframe.reply).toHaveBeenCalledExactlyOnceWith(PORT_CHANNEL, PORT_REFUSED);

    const top = appFrame();
    const own = request(top);
    listener(own);
    expect(handOver).toHaveBeenCalledExactlyOnceWith(top);
    expect(own.reply).not.toHaveBeenCalled();
  });
});
